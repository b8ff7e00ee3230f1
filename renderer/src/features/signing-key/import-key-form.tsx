import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_KEY_IMPORT_CHARS, type SigningKeyInfo } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { ErrorMessage } from '../../ui/error-message';
import { FilePicker } from '../../ui/file-picker';
import { PassphraseField } from '../../ui/passphrase-fields';
import { MIN_PASSPHRASE } from '../../ui/passphrase-rules';
import { useKeyAction } from './use-key-action';

/** The command that turns an encrypted or older-format key into what the import takes. */
const CONVERT_COMMAND = 'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem';
const MAX_KB = MAX_KEY_IMPORT_CHARS / 1024;

/** Import a key the focal point already has: a backup of this app, or a PEM from another tool. */
export function ImportKeyForm({ onImported }: { onImported: (key: SigningKeyInfo) => void }) {
  const api = useApi();
  const { t } = useTranslation('signing');
  const { t: common } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  // An error is about the file and passphrase as they were: changing either puts it away.
  const { busy, error, setError, run } = useKeyAction([file, passphrase]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setError({ code: 'signing:import.noFile' });
    // A key file is about 1 KB: a big file is the wrong one, and is not read at all.
    if (file.size > MAX_KEY_IMPORT_CHARS) return setError({ code: 'signing:errors.importTooLarge', params: { max: MAX_KB } });
    await run(async () => {
      let text: string;
      try {
        text = await file.text();
      } catch {
        return { ok: false, error: { code: 'signing:errors.readFailed' } };
      }
      return api.importSigningKey(text, passphrase);
    }, onImported);
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="import-key-title" noValidate className="signing-form signing-key__section">
      <h3 id="import-key-title">{t('import.title')}</h3>
      <p>{t('import.intro')}</p>
      <p id="import-convert">{t('import.convert')}</p>
      <pre className="signing__pem" aria-labelledby="import-convert" tabIndex={0}>
        {CONVERT_COMMAND}
      </pre>
      <div className="signing__field">
        <FilePicker
          id="import-file"
          label={t('import.file')}
          buttonLabel={common('filePicker.choose')}
          chosen={file?.name ?? null}
          accept=".pem,.json,.key,application/json,application/x-pem-file,text/plain"
          describedBy="import-file-hint"
          onChoose={([chosen]) => setFile(chosen ?? null)}
        />
        <p id="import-file-hint" className="field__hint">
          {t('import.fileHint', { max: MAX_KB })}
        </p>
      </div>
      <PassphraseField
        id="import-passphrase"
        label={t('import.passphrase')}
        hint={t('import.passphraseHint', { min: MIN_PASSPHRASE })}
        autoComplete="off"
        value={passphrase}
        onChange={setPassphrase}
      />
      {error && <ErrorMessage error={error} />}
      <div className="signing__actions">
        <button type="submit" className="button button--primary" disabled={busy || passphrase === ''}>
          {t('import.submit')}
        </button>
      </div>
      {busy && <p role="status">{t('import.working')}</p>}
    </form>
  );
}
