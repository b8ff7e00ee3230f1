import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CHECK_BUNDLE_BYTES, type ApiError, type BundleCheck } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { ErrorMessage, translateError } from '../errors/error-message';
import { fileToBase64 } from '../files/download';
import './signing.css';

type State = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; check: BundleCheck } | { kind: 'failed'; error: ApiError };

/** "Check a bundle": is this zip intact and signed, and by a key the registry knows? */
export function CheckBundleScreen() {
  const api = useApi();
  const { t } = useTranslation('signing');
  const [bundle, setBundle] = useState<File | null>(null);
  const [registry, setRegistry] = useState<File | null>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!bundle) {
      setState({ kind: 'failed', error: { code: 'signing:check.noFile' } });
      return;
    }
    if (bundle.size > MAX_CHECK_BUNDLE_BYTES) {
      setState({ kind: 'failed', error: { code: 'signing:errors.fileTooLarge', params: { max: MAX_CHECK_BUNDLE_BYTES / (1024 * 1024) } } });
      return;
    }
    setState({ kind: 'working' });
    let base64: string;
    let registryText: string | undefined;
    try {
      base64 = await fileToBase64(bundle);
      registryText = registry ? await registry.text() : undefined;
    } catch {
      setState({ kind: 'failed', error: { code: 'signing:errors.readFailed' } });
      return;
    }
    // No second argument at all without a registry: over HTTP an `undefined` would arrive as null.
    const result = registryText === undefined ? await api.verifySubmission(base64) : await api.verifySubmission(base64, registryText);
    setState(result.ok ? { kind: 'done', check: result.value } : { kind: 'failed', error: result.error });
  };

  return (
    <section className="card" aria-labelledby="check-title">
      <h2 id="check-title" className="card__title">
        {t('check.title')}
      </h2>
      <p>{t('check.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="signing__field">
          <label htmlFor="check-bundle">{t('check.bundle')}</label>
          <input id="check-bundle" type="file" accept=".zip,application/zip" onChange={(e) => setBundle(e.target.files?.[0] ?? null)} />
        </div>
        <div className="signing__field">
          <label htmlFor="check-registry">{t('check.registry')}</label>
          <input id="check-registry" type="file" accept=".json,application/json" onChange={(e) => setRegistry(e.target.files?.[0] ?? null)} />
        </div>
        <button type="submit" className="button" disabled={state.kind === 'working'}>
          {t('check.submit')}
        </button>
      </form>
      <div aria-live="polite">
        {state.kind === 'working' && <p role="status">{t('check.working')}</p>}
        {state.kind === 'done' && <CheckResult check={state.check} />}
      </div>
      {state.kind === 'failed' && <ErrorMessage error={state.error} />}
    </section>
  );
}

function CheckResult({ check }: { check: BundleCheck }) {
  const { t } = useTranslation('signing');
  const { t: common, i18n } = useTranslation();
  const details = check.bundle && (
    <p>{t('check.details', { country: check.bundle.country, revision: check.bundle.submissionRevision, date: check.bundle.baggingDate })}</p>
  );
  if (check.status === 'invalid') {
    const reason = check.reason ? translateError(common, i18n, check.reason) : '';
    return (
      <div className="signing__result--invalid" data-testid="check-result">
        <p>{t('check.invalid', { reason })}</p>
      </div>
    );
  }
  return (
    <div className="signing__result--valid" data-testid="check-result">
      <p>{check.status === 'valid-registered' ? t('check.validRegistered') : t('check.validUnregistered')}</p>
      {check.status === 'valid-unregistered' &&
        check.fingerprints.map((fp) => (
          <p key={fp} className="signing__fingerprint">
            {(fp.match(/.{8}/g) ?? [fp]).join(' ')}
          </p>
        ))}
      {details}
    </div>
  );
}
