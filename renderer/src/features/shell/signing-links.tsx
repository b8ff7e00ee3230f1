import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/routes';

/** The header's way to the signing key and to "Check a bundle", on every screen. */
export function SigningLinks() {
  const { t } = useTranslation('signing');
  return (
    <nav aria-label={t('nav.label')} className="signing-links">
      <a href={hrefFor({ name: 'signingKey' })}>{t('nav.signingKey')}</a>
      <a href={hrefFor({ name: 'checkBundle' })}>{t('nav.checkBundle')}</a>
    </nav>
  );
}
