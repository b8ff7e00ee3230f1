import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { navigate } from '../../app/routes';
import { ErrorMessage } from '../../ui/error-message';

const EXAMPLE_LANGUAGES = ['en', 'ar'] as const;

/** The fully answered example for a fictional country, in English or Arabic, for training workshops. */
export function TrainingExample() {
  const api = useApi();
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function open(language: (typeof EXAMPLE_LANGUAGES)[number]) {
    setError(null);
    setBusy(true);
    try {
      const result = await api.openExample(language);
      if (result.ok) navigate({ name: 'form', id: result.value.draft.id });
      else setError(result.error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="example-title">
      <div className="card__header">
        <h2 id="example-title" className="card__title">
          {t('home.example.title')}
        </h2>
        <div className="card__actions">
          {EXAMPLE_LANGUAGES.map((language) => (
            <button key={language} type="button" className="button button--secondary" disabled={busy} onClick={() => void open(language)}>
              {t(`home.example.open.${language}`)}
            </button>
          ))}
        </div>
      </div>
      <p className="muted">{t('home.example.body')}</p>
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
    </section>
  );
}
