import { useTranslation } from 'react-i18next';
import type { PackInfo } from '../../../core/api/contract';

/** A fingerprint in groups of four, the first 16 hex digits: enough to compare with the secretariat's notice. */
export function shortFingerprint(fingerprint: string): string {
  return (fingerprint.slice(0, 16).match(/.{1,4}/g) ?? []).join(' ');
}

/** Where a checklist version comes from: part of the application, or installed and signed by which key. */
export function PackOrigin({ pack }: { pack: Pick<PackInfo, 'origin' | 'signer'> }) {
  const { t } = useTranslation();
  if (pack.origin === 'bundled') return <>{t('packs:origin.bundled')}</>;
  return (
    <>
      {t('packs:origin.installed')}
      {pack.signer && (
        <>
          {' '}
          <span className="muted">
            {t('packs:origin.signedBy')} <bdi dir="ltr" title={pack.signer}>{shortFingerprint(pack.signer)}</bdi>
          </span>
        </>
      )}
    </>
  );
}
