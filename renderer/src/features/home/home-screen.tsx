import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../core/api/contract';
import { LanguagePicker } from '../language/language-picker';
import { About } from '../about/about-dialog';
import { ErrorMessage } from '../errors/error-message';
import { AssessmentList } from './assessment-list';
import { HowItWorks } from './how-it-works';

interface HomeScreenProps {
  startupError?: ApiError | null;
}

export function HomeScreen({ startupError = null }: HomeScreenProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | null>(startupError);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <div className="brand">
            <Emblem />
            <div>
              <h1 className="brand__name">{t('app.name')}</h1>
              <p className="brand__publisher">{t('app.publisher')}</p>
            </div>
          </div>
          <div className="app-header__tools">
            <LanguagePicker onError={setError} />
            <About />
          </div>
        </div>
      </header>
      {error && (
        <div className="banner">
          <ErrorMessage error={error} onDismiss={() => setError(null)} />
        </div>
      )}
      <main id="main" className="main" tabIndex={-1}>
        <section className="intro" aria-label={t('app.introLabel')}>
          <p className="intro__lead">{t('app.tagline')}</p>
          <p className="intro__body">{t('app.purpose')}</p>
        </section>
        <AssessmentList />
        <HowItWorks />
      </main>
      <footer className="app-footer">
        <p>{t('app.offlineNote')}</p>
      </footer>
    </div>
  );
}

/** A plain mark (a city skyline on the UN blue); decorative, so hidden from assistive technology. */
function Emblem() {
  return (
    <svg className="brand__emblem" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="22" fill="currentColor" />
      <path d="M11 35V25h6v10zM19 35V13h9v22zM30 35V19h6v16z" fill="#fff" />
      <path d="M21.5 17h4M21.5 21h4M21.5 25h4M21.5 29h4" stroke="currentColor" strokeWidth="1.5" />
      <path d="M9 36.5h30" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
