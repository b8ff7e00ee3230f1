import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, SigningKeyInfo } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { ErrorMessage } from '../errors/error-message';
import { MIN_PASSPHRASE } from './passphrase-rules';

/** Replace the key: the old passphrase unlocks the key that signs the statement, the new one (typed twice) seals the new key. */
export function ReplaceKeyForm({ onReplaced }: { onReplaced: (key: SigningKeyInfo) => void }) {
  const api = useApi();
  const { t } = useTranslation('signing');
  const [oldPassphrase, setOldPassphrase] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const mismatch = confirm !== '' && confirm !== passphrase;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (passphrase !== confirm) return;
    setBusy(true);
    setError(null);
    const result = await api.replaceSigningKey(oldPassphrase, passphrase);
    setBusy(false);
    if (result.ok) onReplaced(result.value);
    else setError(result.error);
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="replace-key-title" noValidate className="signing-key__section">
      <h3 id="replace-key-title">{t('replace.title')}</h3>
      <p>{t('replace.intro')}</p>
      <div className="signing__field">
        <label htmlFor="replace-old-passphrase">{t('replace.oldPassphrase')}</label>
        <input id="replace-old-passphrase" type="password" autoComplete="current-password" value={oldPassphrase} onChange={(e) => setOldPassphrase(e.target.value)} />
      </div>
      <div className="signing__field">
        <label htmlFor="replace-new-passphrase">{t('replace.newPassphrase')}</label>
        <input
          id="replace-new-passphrase"
          type="password"
          autoComplete="new-password"
          value={passphrase}
          aria-describedby="replace-new-passphrase-hint"
          onChange={(e) => setPassphrase(e.target.value)}
        />
        <small id="replace-new-passphrase-hint">{t('replace.newPassphraseHint', { min: MIN_PASSPHRASE })}</small>
      </div>
      <div className="signing__field">
        <label htmlFor="replace-confirm-passphrase">{t('replace.confirm')}</label>
        <input
          id="replace-confirm-passphrase"
          type="password"
          autoComplete="new-password"
          value={confirm}
          aria-invalid={mismatch}
          aria-describedby={mismatch ? 'replace-confirm-error' : undefined}
          onChange={(e) => setConfirm(e.target.value)}
        />
        {mismatch && (
          <small id="replace-confirm-error" className="field__error">
            {t('key.mismatch')}
          </small>
        )}
      </div>
      {error && <ErrorMessage error={error} />}
      <button type="submit" className="button" disabled={busy || oldPassphrase === '' || passphrase === '' || passphrase !== confirm}>
        {t('replace.submit')}
      </button>
      {busy && <p role="status">{t('replace.working')}</p>}
    </form>
  );
}
