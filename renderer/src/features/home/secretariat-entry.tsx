import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/routes';

/** The way to the secretariat workspace, for the analysts who receive the countries' bundles. */
export function SecretariatEntry() {
  const { t } = useTranslation('secretariat');
  return (
    <section className="card secretariat-entry" aria-labelledby="secretariat-entry-title">
      <h2 id="secretariat-entry-title" className="card__title">
        {t('app.entry.title')}
      </h2>
      <p>{t('app.entry.body')}</p>
      <p>
        <a className="button button--secondary" href={hrefFor({ name: 'secretariat', view: 'overview' })}>
          {t('app.entry.open')}
        </a>
      </p>
    </section>
  );
}
