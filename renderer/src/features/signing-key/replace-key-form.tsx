import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SigningKeyInfo } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { ErrorMessage } from '../../ui/error-message';
import { NewPassphraseFields, PassphraseField, useNewPassphrase } from '../../ui/passphrase-fields';
import { MIN_PASSPHRASE } from '../../ui/passphrase-rules';
import { useKeyAction } from './use-key-action';

/** Replace the key: the old passphrase unlocks the key that signs the statement, the new one (typed twice) seals the new key. */
export function ReplaceKeyForm({ onReplaced }: { onReplaced: (key: SigningKeyInfo) => void }) {
  const api = useApi();
  const { t } = useTranslation('signing');
  const [oldPassphrase, setOldPassphrase] = useState('');
  const newPassphrase = useNewPassphrase();
  const { passphrase, matches } = newPassphrase;
  const { busy, error, run } = useKeyAction([oldPassphrase, passphrase, newPassphrase.confirm]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!matches) return;
    await run(() => api.replaceSigningKey(oldPassphrase, passphrase), onReplaced);
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="replace-key-title" noValidate className="signing-form signing-key__section">
      <h3 id="replace-key-title">{t('replace.title')}</h3>
      <p>{t('replace.intro')}</p>
      <PassphraseField id="replace-old-passphrase" label={t('replace.oldPassphrase')} autoComplete="current-password" value={oldPassphrase} onChange={setOldPassphrase} />
      <NewPassphraseFields
        idPrefix="replace-"
        labels={{ passphrase: t('replace.newPassphrase'), hint: t('replace.newPassphraseHint', { min: MIN_PASSPHRASE }), confirm: t('replace.confirm') }}
        {...newPassphrase}
      />
      {error && <ErrorMessage error={error} />}
      <div className="signing__actions">
        <button type="submit" className="button button--primary" disabled={busy || oldPassphrase === '' || passphrase === '' || !matches}>
          {t('replace.submit')}
        </button>
      </div>
      {busy && <p role="status">{t('replace.working')}</p>}
    </form>
  );
}
