import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { hrefFor } from '../../app/routes';
import { downloadUrl } from '../../ui/download';
import { ErrorMessage } from '../../ui/error-message';
import { FilePicker } from '../../ui/file-picker';
import { JobProgress } from '../../ui/job-progress';
import { PassphraseField } from '../../ui/passphrase-fields';
import { useJob } from '../../ui/use-job';
import { SignerRoles } from './decision-table';

/**
 * Countersign: an approver adds this computer's signing key's signature to an exported bundle — the
 * bundle's content and its other signatures stay as they are — then downloads the new file. Each
 * signer is named with the role the open workspace's registry gives it.
 */
export function CountersignScreen({ hasWorkspace }: { hasWorkspace: boolean }) {
  const { t } = useTranslation('secretariat');
  const { t: common } = useTranslation();
  const api = useApi();
  const [bundle, setBundle] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<ApiError | null>(null);
  const job = useJob('countersign', () => setPassphrase(''));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!bundle) return setProblem({ code: 'secretariat:app.countersign.noFile' });
    if (!passphrase) return setProblem({ code: 'secretariat:app.countersign.noPassphrase' });
    const refused = await job.run((a) => a.countersignBundleFile(bundle, passphrase));
    if (refused) setProblem(refused);
  }

  async function download(id: string) {
    const ticket = await api.downloadCountersigned(id);
    if (!ticket.ok) return setProblem(ticket.error);
    downloadUrl(api.downloadUrl(ticket.value), ticket.value.fileName);
  }

  const result = job.state.kind === 'done' ? job.state.result : null;
  return (
    <section className="card secretariat__section" aria-labelledby="countersign-title">
      <h2 id="countersign-title" className="card__title">
        {t('app.countersign.title')}
      </h2>
      <p>{t('app.countersign.intro')}</p>
      <p className="small">
        <a href={hrefFor({ name: 'signingKey' })}>{t('app.countersign.keyLink')}</a>
      </p>
      <form className="signing-form" onSubmit={(e) => void submit(e)} noValidate>
        <FilePicker id="countersign-bundle" label={t('app.countersign.bundle')} buttonLabel={common('filePicker.choose')} chosen={bundle?.name ?? null} accept=".zip,application/zip" onChoose={(f) => (setBundle(f[0] ?? null), job.dismiss())} />
        <PassphraseField id="countersign-passphrase" label={t('app.countersign.passphrase')} autoComplete="current-password" value={passphrase} onChange={setPassphrase} />
        <div className="signing__actions">
          <button type="submit" className="button button--primary" disabled={job.state.kind === 'running'}>
            {t('app.countersign.submit')}
          </button>
        </div>
      </form>
      <JobProgress state={job.state} label={t('app.countersign.progress')} started={t('app.countersign.started')} />
      {problem && <ErrorMessage error={problem} />}
      {job.state.kind === 'failed' && <ErrorMessage error={job.state.error} />}
      <div aria-live="polite">
        {result && (
          <div className="signing__result--valid" data-testid="countersign-result">
            <p>{t('app.countersign.done')}</p>
            <h3>{t('app.countersign.signers')}</h3>
            <SignerRoles signers={result.signers} />
            {!result.registryUsed && <p className="muted">{hasWorkspace ? t('app.countersign.noFacts') : t('app.countersign.noWorkspace')}</p>}
            <div className="signing__actions">
              <button type="button" className="button button--primary" onClick={() => void download(result.id)}>
                {t('app.countersign.download')}
              </button>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
