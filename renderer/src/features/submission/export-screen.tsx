import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, DraftProblemInfo, RendererApi, SubmissionFile } from '../../../../core/api/contract';
import { hrefFor } from '../../app/routes';
import { useApi } from '../../api/api-context';
import { ErrorMessage } from '../../ui/error-message';
import { JobProgress, formatSize } from '../../ui/job-progress';
import { KeptSubmissions, saveKeptBundle } from './kept-submissions';
import { useJob } from '../../ui/use-job';
import '../../ui/forms.css';
import { PassphraseField } from '../../ui/passphrase-fields';

type Refusal = { kind: 'none' } | { kind: 'incomplete'; problems: DraftProblemInfo[] } | { kind: 'failed'; error: ApiError };

/**
 * "Export the signed submission" of one assessment: passphrase, then the bundle is signed and written
 * into the app's data folder as a job with a progress bar, then offered as a download (a save
 * dialog on the desktop). Earlier exports are listed below, each can be saved again.
 */
export function ExportSubmissionScreen({ id }: { id: string }) {
  const api = useApi();
  const { t } = useTranslation('signing');
  const { t: tb, i18n } = useTranslation('bundle');
  const [hasKey, setHasKey] = useState<boolean | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [refusal, setRefusal] = useState<Refusal>({ kind: 'none' });
  const [refresh, setRefresh] = useState(0);
  const onDone = useCallback(
    ({ submission }: { submission: SubmissionFile }) => {
      setRefresh((n) => n + 1);
      void saveKeptBundle(api, id, submission.fileName).then((error) => {
        if (error) setRefusal({ kind: 'failed', error });
      });
    },
    [api, id],
  );
  const job = useJob('export', onDone);
  const working = job.state.kind === 'running';
  const done = job.state.kind === 'done' ? job.state.result.submission : undefined;

  useEffect(() => {
    let live = true;
    void api.getSigningKey().then((r) => {
      if (live) setHasKey(r.ok ? r.value !== null : true);
    });
    return () => {
      live = false;
    };
  }, [api]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal({ kind: 'none' });
    const refused = await job.run(async (a: RendererApi) => {
      const started = await a.exportSubmission(id, passphrase);
      if (started.ok) setPassphrase('');
      return started;
    });
    if (!refused) return;
    if (refused.code === 'bundle:errors.incomplete') {
      // The refusal names the items; the validation gives each its reason, in the user's language.
      const problems = await api.validateAssessment(id);
      if (problems.ok && problems.value.length > 0) {
        setRefusal({ kind: 'incomplete', problems: problems.value });
        return;
      }
    }
    setRefusal({ kind: 'failed', error: refused });
  };

  return (
    <section className="card" aria-labelledby="export-title">
      <p>
        <a href={hrefFor({ name: 'form', id })}>{t('export.back')}</a>
      </p>
      <h2 id="export-title" className="card__title">
        {t('export.title')}
      </h2>
      <p>{t('export.intro')}</p>
      {hasKey === false ? (
        <p>
          {t('export.noKey')} <a href={hrefFor({ name: 'signingKey' })}>{t('export.goToKey')}</a>
        </p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <PassphraseField id="export-passphrase" label={t('export.passphrase')} autoComplete="current-password" value={passphrase} onChange={setPassphrase} />
          <button type="submit" className="button" disabled={working || passphrase === ''}>
            {t('export.submit')}
          </button>
        </form>
      )}
      <JobProgress state={job.state} label={tb('app.exportProgress')} started={tb('app.exportStarted')} />
      <div aria-live="polite">
        {done && (
          <p className="success" role="status">
            {tb('app.exportDone', { file: done.fileName, revision: done.submissionRevision, size: formatSize(done.size, i18n.language) })}
          </p>
        )}
      </div>
      {refusal.kind === 'incomplete' && <Problems id={id} problems={refusal.problems} />}
      {refusal.kind === 'failed' && <ErrorMessage error={refusal.error} />}
      {job.state.kind === 'failed' && <ErrorMessage error={job.state.error} />}
      <KeptSubmissions id={id} refresh={refresh} />
    </section>
  );
}

function Problems({ id, problems }: { id: string; problems: DraftProblemInfo[] }) {
  const { t } = useTranslation('signing');
  const { t: tAny } = useTranslation();
  return (
    <div role="alert">
      <p>{t('export.incomplete')}</p>
      <ul>
        {problems.map((p, index) => (
          <li key={`${p.itemId}-${index}`}>
            <a href={hrefFor({ name: 'form', id, itemId: p.itemId })}>{p.itemId}</a> — {tAny(p.messageKey, p.params)}
          </li>
        ))}
      </ul>
      <p>
        <a href={hrefFor({ name: 'completeness', id })}>{t('export.seeCompleteness')}</a>
      </p>
    </div>
  );
}
