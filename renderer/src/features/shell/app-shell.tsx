import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../core/api/contract';
import { LanguagePicker } from '../language/language-picker';
import { About } from '../about/about-dialog';
import { ErrorMessage } from '../../ui/error-message';
import { SigningLinks } from './signing-links';

interface AppShellProps {
  children: ReactNode;
  startupError?: ApiError | null;
  /** Wide screens (the form) use the whole window; reading screens keep a comfortable column. */
  wide?: boolean;
  /** The signing key and bundle check links; left out in reviewer mode, which never signs. */
  signing?: boolean;
}

/** The frame every screen shares: skip link, header with the language picker and About, footer. */
export function AppShell({ children, startupError = null, wide = false, signing = true }: AppShellProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | null>(startupError);

  return (
    <div className={wide ? 'app app--wide' : 'app'}>
      <a className="skip-link" href="#main" onClick={(event) => {
        // The hash carries the route: move focus without changing it.
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <a className="brand" href="#/">
            <Emblem />
            <div>
              <h1 className="brand__name">{t('app.name')}</h1>
              <p className="brand__publisher">{t('app.publisher')}</p>
            </div>
          </a>
          <div className="app-header__tools">
            {signing && <SigningLinks />}
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
        {children}
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
