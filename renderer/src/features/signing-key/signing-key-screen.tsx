import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, SigningKeyInfo } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { useFormatters } from '../../i18n/use-formatters';
import { ErrorMessage } from '../../ui/error-message';
import { downloadBlob } from '../../ui/download';
import { BackupKeyForm } from './backup-key-form';
import { ImportKeyForm } from './import-key-form';
import { KeychainStatus, ReplacementNotice } from './key-status';
import { NewPassphraseFields, useNewPassphrase } from '../../ui/passphrase-fields';
import { MIN_PASSPHRASE } from '../../ui/passphrase-rules';
import { ReplaceKeyForm } from './replace-key-form';
import { useKeyAction } from './use-key-action';
import '../../ui/forms.css';
import './signing-key.css';

export { MIN_PASSPHRASE };

/** What just happened to the key shown, to say so once. */
type Change = 'created' | 'imported' | 'replaced' | null;
type State = { kind: 'loading' } | { kind: 'none' } | { kind: 'ready'; key: SigningKeyInfo; change: Change } | { kind: 'failed'; error: ApiError };

/**
 * The app's signing key: create or import it once, then show, print and download its public half;
 * replace it, back it up, and say whether the OS keychain also protects it.
 */
export function SigningKeyScreen() {
  const api = useApi();
  const { t } = useTranslation('signing');
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const result = await api.getSigningKey();
    if (!result.ok) setState({ kind: 'failed', error: result.error });
    else setState(result.value ? { kind: 'ready', key: result.value, change: null } : { kind: 'none' });
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="card signing-screen" aria-labelledby="signing-key-title" aria-busy={state.kind === 'loading'}>
      <h2 id="signing-key-title" className="card__title">
        {t('key.title')}
      </h2>
      <p>{t('key.intro')}</p>
      {state.kind === 'failed' && <ErrorMessage error={state.error} onRetry={() => void load()} />}
      {state.kind === 'none' && (
        <>
          <CreateKeyForm onCreated={(key) => setState({ kind: 'ready', key, change: 'created' })} />
          <ImportKeyForm onImported={(key) => setState({ kind: 'ready', key, change: 'imported' })} />
        </>
      )}
      {state.kind === 'ready' && (
        <>
          <KeyDetails info={state.key} change={state.change} />
          <ReplacementNotice info={state.key} justReplaced={state.change === 'replaced'} />
          {/* Keyed by the key: a new key starts with empty forms, no passphrase left in a field. */}
          <ReplaceKeyForm key={`replace-${state.key.fingerprint}`} onReplaced={(key) => setState({ kind: 'ready', key, change: 'replaced' })} />
          <BackupKeyForm key={`backup-${state.key.fingerprint}`} />
        </>
      )}
    </section>
  );
}

function CreateKeyForm({ onCreated }: { onCreated: (key: SigningKeyInfo) => void }) {
  const api = useApi();
  const { t } = useTranslation('signing');
  const newPassphrase = useNewPassphrase();
  const { passphrase, matches } = newPassphrase;
  const { busy, error, run } = useKeyAction([passphrase, newPassphrase.confirm]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!matches) return;
    await run(() => api.createSigningKey(passphrase), onCreated);
  };

  return (
    <form className="signing-form" onSubmit={(e) => void submit(e)} aria-labelledby="create-key-title" noValidate>
      <p>{t('key.none')}</p>
      <h3 id="create-key-title">{t('key.createTitle')}</h3>
      <NewPassphraseFields
        idPrefix=""
        labels={{ passphrase: t('key.passphrase'), hint: t('key.passphraseHint', { min: MIN_PASSPHRASE }), confirm: t('key.confirm') }}
        {...newPassphrase}
      />
      {error && <ErrorMessage error={error} />}
      <div className="signing__actions">
        <button type="submit" className="button button--primary" disabled={busy || passphrase === '' || !matches}>
          {busy ? t('key.creating') : t('key.create')}
        </button>
      </div>
      {busy && <p role="status">{t('key.creating')}</p>}
    </form>
  );
}

function KeyDetails({ info, change }: { info: SigningKeyInfo; change: Change }) {
  const { t } = useTranslation('signing');
  const { dateTime } = useFormatters();
  const created = t('key.createdAt', { date: dateTime(info.createdAt) });
  const download = () => downloadBlob(new Blob([info.publicKeyPem], { type: 'application/x-pem-file' }), `scsa-signing-key-${info.fingerprint.slice(0, 8)}.pub.pem`);

  return (
    <>
      {change === 'created' && <p className="success" role="status">{t('key.created')}</p>}
      {change === 'imported' && <p className="success" role="status">{t('import.done')}</p>}
      <h3 id="fingerprint-title">{t('key.fingerprint')}</h3>
      <p className="signing__fingerprint" aria-labelledby="fingerprint-title" data-testid="fingerprint">
        {info.printable}
      </p>
      <p>{t('key.fingerprintHelp')}</p>
      <p className="muted">{created}</p>
      <KeychainStatus info={info} />
      <h3 id="public-key-title">{t('key.publicKey')}</h3>
      <pre className="signing__pem" aria-labelledby="public-key-title" tabIndex={0}>
        {info.publicKeyPem}
      </pre>
      <div className="signing__actions">
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('key.print')}
        </button>
        <button type="button" className="button button--secondary" onClick={download}>
          {t('key.download')}
        </button>
      </div>
      {/* Shown only on paper (signing.css): the sheet that goes with the official letter. */}
      <div className="signing-print" aria-hidden="true">
        <h2>{t('key.printTitle')}</h2>
        <p>{t('key.printIntro')}</p>
        <h3>{t('key.fingerprint')}</h3>
        <p className="signing__fingerprint">{info.printable}</p>
        <p>{created}</p>
        {info.replaced && (
          <>
            <p>{t('key.printReplaces')}</p>
            <p className="signing__fingerprint">{info.replaced.printable}</p>
          </>
        )}
        <h3>{t('key.publicKey')}</h3>
        <pre className="signing__pem">{info.publicKeyPem}</pre>
        <div className="signing-print__lines">
          <p>{t('key.printName')}</p>
          <p>{t('key.printDate')}</p>
          <p>{t('key.printSignature')}</p>
        </div>
      </div>
    </>
  );
}
