import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, BundleCheck, BundleSigner, RendererApi } from '../../../../core/api/contract';
import { ErrorMessage, translateError } from '../../ui/error-message';
import { FilePicker } from '../../ui/file-picker';
import { JobProgress } from '../../ui/job-progress';
import { useJob } from '../../ui/use-job';
import '../../ui/forms.css';
import { countryLabel } from '../../ui/country-label';
import { useFormatters } from '../../i18n/use-formatters';

/**
 * "Check a bundle": is this zip intact and signed, and by a key the registry knows? The file is
 * checked where it lies on the desktop (streamed to the host in the browser), as a job with progress;
 * no size limit here but the verifier's own.
 */
export function CheckBundleScreen() {
  const { t } = useTranslation('signing');
  const { t: tb } = useTranslation('bundle');
  const { t: common } = useTranslation();
  const [bundle, setBundle] = useState<File | null>(null);
  const [registry, setRegistry] = useState<File | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  // Whether the running or shown check had a registry: "not registered" means nothing without one.
  const [withRegistry, setWithRegistry] = useState(false);
  const job = useJob('check');
  const { dismiss } = job;
  // A new file makes the last answer (a result, a refusal, a missing file) one about another file: it goes.
  const choose = (set: (file: File | null) => void) => (files: File[]) => {
    set(files[0] ?? null);
    setProblem(null);
    dismiss();
  };

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
    setWithRegistry(registryText !== undefined);
    // No second argument at all without a registry: over IPC or HTTP an `undefined` is not "none".
    const refused = await job.run((api: RendererApi) => (registryText === undefined ? api.checkBundleFile(bundle) : api.checkBundleFile(bundle, registryText)));
    if (refused) setProblem(refused);
  };
  const check = job.state.kind === 'done' ? job.state.result.check : undefined;

  return (
    <section className="card signing-screen" aria-labelledby="check-title">
      <h2 id="check-title" className="card__title">
        {t('check.title')}
      </h2>
      <p>{t('check.intro')}</p>
      <form className="signing-form" onSubmit={(e) => void submit(e)} noValidate>
        <FilePicker
          id="check-bundle"
          label={t('check.bundle')}
          buttonLabel={common('filePicker.choose')}
          chosen={bundle?.name ?? null}
          accept=".zip,application/zip"
          onChoose={choose(setBundle)}
        />
        <FilePicker
          id="check-registry"
          label={t('check.registry')}
          buttonLabel={common('filePicker.choose')}
          chosen={registry?.name ?? null}
          accept=".json,application/json"
          onChoose={choose(setRegistry)}
        />
        <div className="signing__actions">
          <button type="submit" className="button button--primary" disabled={job.state.kind === 'running'}>
            {t('check.submit')}
          </button>
        </div>
      </form>
      <JobProgress state={job.state} label={tb('app.checkProgress')} started={tb('app.checkStarted')} />
      <div aria-live="polite">{check && <CheckResult check={check} withRegistry={withRegistry} />}</div>
      {problem && <ErrorMessage error={problem} />}
      {job.state.kind === 'failed' && <ErrorMessage error={job.state.error} />}
    </section>
  );
}

function CheckResult({ check, withRegistry }: { check: BundleCheck; withRegistry: boolean }) {
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
  const signers = check.signers ?? [];
  if (check.status === 'invalid') {
    const reason = check.reason ? translateError(common, i18n, check.reason) : '';
    // Which co-signer failed, beside those that hold; a lone signer's failure is the reason itself.
    const which = signers.length > 1 && signers.some((s) => s.status === 'invalid');
    return (
      <div className="signing__result--invalid" data-testid="check-result">
        <p>{t('check.invalid', { reason })}</p>
        {which && <SignerList signers={signers} country={null} withRegistry={withRegistry} />}
      </div>
    );
  }
  return (
    <div className="signing__result--valid" data-testid="check-result">
      <p>{check.status === 'valid-registered' ? t('check.validRegistered') : t('check.validUnregistered')}</p>
      {signers.length > 0 ? (
        <SignerList signers={signers} country={check.bundle?.country ?? ''} withRegistry={withRegistry} />
      ) : (
        check.status === 'valid-unregistered' &&
        check.fingerprints.map((fp) => (
          <p key={fp} className="signing__fingerprint">
            {grouped(fp)}
          </p>
        ))
      )}
      {details}
    </div>
  );
}

const grouped = (fp: string) => (fp.match(/.{8}/g) ?? [fp]).join(' ');

/** Each signer with its own status, then its fingerprint; `country` null for an invalid bundle (only whether each signature holds). */
function SignerList({ signers, country, withRegistry }: { signers: readonly BundleSigner[]; country: string | null; withRegistry: boolean }) {
  const { t } = useTranslation('signing');
  const statusText = (s: BundleSigner) => {
    if (s.status === 'invalid') return t('check.signerInvalid');
    if (country === null) return t('check.signerHolds');
    if (s.status === 'registered') return t('check.signerRegistered', { country });
    return withRegistry ? t('check.signerUnregistered', { country }) : t('check.signerUnchecked');
  };
  return (
    <ul aria-label={t('check.signersTitle')} data-testid="check-signers">
      {signers.map((s) => (
        <li key={s.fingerprint} data-status={s.status}>
          {statusText(s)}
          <p className="signing__fingerprint">{grouped(s.fingerprint)}</p>
        </li>
      ))}
    </ul>
  );
}
