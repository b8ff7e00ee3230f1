import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { ErrorMessage } from '../../ui/error-message';
import { downloadBlob } from '../../ui/download';
import { PassphraseField } from '../../ui/passphrase-fields';
import { useKeyAction } from './use-key-action';

/** "Save a backup": the key file sealed by the passphrase alone, as a download to keep somewhere safe. */
export function BackupKeyForm() {
  const api = useApi();
  const { t } = useTranslation('signing');
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, run } = useKeyAction([passphrase]);
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    await run(
      () => api.backupSigningKey(passphrase),
      (backup) => {
        downloadBlob(new Blob([backup.text], { type: 'application/json' }), backup.fileName);
        // The passphrase is not kept in the page longer than needed.
        setPassphrase('');
        setSaved(backup.fileName);
      },
    );
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="backup-key-title" noValidate className="signing-form signing-key__section">
      <h3 id="backup-key-title">{t('backup.title')}</h3>
      <p>{t('backup.intro')}</p>
      <PassphraseField id="backup-passphrase" label={t('backup.passphrase')} autoComplete="current-password" value={passphrase} onChange={setPassphrase} />
      {error && <ErrorMessage error={error} />}
      <div className="signing__actions">
        <button type="submit" className="button button--secondary" disabled={busy || passphrase === ''}>
          {t('backup.submit')}
        </button>
      </div>
      <div aria-live="polite">
        {busy && <p role="status">{t('backup.working')}</p>}
        {saved && <p className="success">{t('backup.done', { file: saved })}</p>}
      </div>
    </form>
  );
}
