import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, BundleCheck } from '../../../../core/api/contract';
import { ErrorMessage, translateError } from '../errors/error-message';
import { countryLabel } from '../home/country-label';
import { useFormatters } from '../../i18n/use-formatters';
import { BundleJobProgress } from './bundle-job-progress';
import { useBundleJob } from './use-bundle-job';
import './signing.css';

/**
 * "Check a bundle": is this zip intact and signed, and by a key the registry knows? The file is
 * checked where it lies on the desktop (streamed to the host in the browser), as a job with progress;
 * no size limit here but the verifier's own.
 */
export function CheckBundleScreen() {
  const { t } = useTranslation('signing');
  const { t: tb } = useTranslation('bundle');
  const [bundle, setBundle] = useState<File | null>(null);
  const [registry, setRegistry] = useState<File | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const job = useBundleJob();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!bundle) {
      setProblem({ code: 'signing:check.noFile' });
      return;
    }
    let registryText: string | undefined;
    try {
      registryText = registry ? await registry.text() : undefined;
    } catch {
      setProblem({ code: 'signing:errors.readFailed' });
      return;
    }
    // No second argument at all without a registry: over IPC or HTTP an `undefined` is not "none".
    const refused = await job.run((api) => (registryText === undefined ? api.checkBundleFile(bundle) : api.checkBundleFile(bundle, registryText)));
    if (refused) setProblem(refused);
  };
  const check = job.state.kind === 'done' ? job.state.status.check : undefined;

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
        <button type="submit" className="button" disabled={job.state.kind === 'running'}>
          {t('check.submit')}
        </button>
      </form>
      <BundleJobProgress state={job.state} label={tb('app.checkProgress')} started={tb('app.checkStarted')} />
      <div aria-live="polite">{check && <CheckResult check={check} />}</div>
      {problem && <ErrorMessage error={problem} />}
      {job.state.kind === 'failed' && <ErrorMessage error={job.state.error} />}
    </section>
  );
}

function CheckResult({ check }: { check: BundleCheck }) {
  const { t } = useTranslation('signing');
  const { t: common, i18n } = useTranslation();
  const format = useFormatters();
  const details = check.bundle && (
    <p>
      {t('check.details', {
        country: countryLabel(check.bundle.country, i18n.language, common),
        revision: format.number(check.bundle.submissionRevision),
        date: format.date(check.bundle.baggingDate),
      })}
    </p>
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
