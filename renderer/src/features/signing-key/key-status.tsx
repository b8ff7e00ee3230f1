import { useTranslation } from 'react-i18next';
import type { SigningKeyInfo } from '../../../../core/api/contract';
import { useFormatters } from '../../i18n/use-formatters';
import { downloadBlob } from '../../ui/download';

/** Whether the OS keychain also protects the key, in plain words. */
export function KeychainStatus({ info }: { info: SigningKeyInfo }) {
  const { t } = useTranslation('signing');
  const key = info.protectedByKeychain
    ? info.keychainAvailable
      ? 'key.keychainOn'
      : 'key.keychainMissing'
    : info.keychainAvailable
      ? 'key.keychainOffAvailable'
      : 'key.keychainUnavailable';
  return (
    <p className="signing-key__keychain" data-testid="keychain-status">
      {t(key)}
    </p>
  );
}

/** Name of the statement download: both fingerprints' first 8 digits, old then new. */
export const statementFileName = (info: SigningKeyInfo) =>
  `scsa-key-replacement-${info.replaced?.fingerprint.slice(0, 8) ?? ''}-${info.fingerprint.slice(0, 8)}.json`;

/** For a key that replaced another: the old fingerprint and the signed statement to send to the secretariat. */
export function ReplacementNotice({ info, justReplaced }: { info: SigningKeyInfo; justReplaced: boolean }) {
  const { t } = useTranslation('signing');
  const { dateTime } = useFormatters();
  const replaced = info.replaced;
  if (!replaced) return null;
  const download = () => downloadBlob(new Blob([replaced.statement], { type: 'application/json' }), statementFileName(info));
  return (
    <section aria-labelledby="replacement-title" className="signing-key__section">
      {justReplaced && (
        <p className="success" role="status">
          {t('replace.done')}
        </p>
      )}
      <h3 id="replacement-title">{t('replace.statementTitle')}</h3>
      <p>{t('replace.statementIntro', { date: dateTime(replaced.date) })}</p>
      <h4 id="old-fingerprint-title">{t('replace.oldFingerprint')}</h4>
      <p className="signing__fingerprint" aria-labelledby="old-fingerprint-title" data-testid="old-fingerprint">
        {replaced.printable}
      </p>
      <button type="button" className="button button--secondary" onClick={download}>
        {t('replace.download')}
      </button>
    </section>
  );
}
