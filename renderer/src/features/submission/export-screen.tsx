import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, KeptSubmission, RendererApi, SubmissionFile } from '../../../../core/api/contract';
import { hrefFor } from '../../app/routes';
import { useApi } from '../../api/api-context';
import { useFormatters } from '../../i18n/use-formatters';
import { countryLabel } from '../../ui/country-label';
import { ErrorMessage } from '../../ui/error-message';
import { JobProgress, formatSize } from '../../ui/job-progress';
import { useJob } from '../../ui/use-job';
import { PassphraseField } from '../../ui/passphrase-fields';
import { ExportReadiness } from './export-readiness';
import { KeptSubmissions, saveKeptBundle } from './kept-submissions';
import { NextSteps } from './next-steps';
import { useExportFacts, type ExportFacts } from './use-export-facts';
import '../../ui/forms.css';
import './export.css';

/**
 * "Export the signed submission" of one assessment, in the order a focal point needs it: which
 * assessment and which submission revision this will be; whether every item is complete (each missing
 * one named and linked); only then the passphrase; the bundle is signed and kept in the data folder
 * (a job with a progress bar) and offered as a download; then what to do next. Earlier exports are
 * listed below, each can be saved again and has its transmittal letter.
 */
export function ExportSubmissionScreen({ id }: { id: string }) {
  const api = useApi();
  const { t } = useTranslation('signing');
  const { t: tb, i18n } = useTranslation('bundle');
  const { facts, reload } = useExportFacts(id);
  const [passphrase, setPassphrase] = useState('');
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [kept, setKept] = useState<KeptSubmission[]>([]);
  const [refresh, setRefresh] = useState(0);
  const onDone = useCallback(
    ({ submission }: { submission: SubmissionFile }) => {
      setRefresh((n) => n + 1);
      void reload();
      void saveKeptBundle(api, id, submission.fileName).then((error) => error && setRefusal(error));
    },
    [api, id, reload],
  );
  const job = useJob('export', onDone);
  const working = job.state.kind === 'running';
  const done = job.state.kind === 'done' ? job.state.result.submission : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    const refused = await job.run(async (a: RendererApi) => {
      const started = await a.exportSubmission(id, passphrase);
      if (started.ok) setPassphrase('');
      return started;
    });
    if (!refused) return;
    // Changed elsewhere since this screen checked: the list of items shows again, with their reasons.
    if (refused.code === 'bundle:errors.incomplete') return void reload();
    setRefusal(refused);
  };

  const ready = facts.kind === 'ready' && facts.problems.length === 0;
  return (
    <section className="card export" aria-labelledby="export-title" aria-busy={facts.kind === 'loading'}>
      <p>
        <a href={hrefFor({ name: 'form', id })}>{t('export.back')}</a>
      </p>
      <h2 id="export-title" className="card__title">
        {t('export.title')}
      </h2>
      {facts.kind === 'loading' && <p className="muted" role="status">{t('export.checking')}</p>}
      {facts.kind === 'failed' && <ErrorMessage error={facts.error} onRetry={() => void reload()} />}
      {facts.kind === 'ready' && <ExportSubject facts={facts} kept={kept} />}
      <p>{t('export.intro')}</p>
      {facts.kind === 'ready' && (
        <ol className="export-steps">
          <li>
            <h3>{t('export.completenessStep')}</h3>
            <ExportReadiness id={id} problems={facts.problems} pack={facts.pack} />
          </li>
          <li>
            <h3>{t('export.signStep')}</h3>
            {!ready && <p className="muted">{t('export.passphraseLater')}</p>}
            {ready && !facts.hasKey && (
              <p>
                {t('export.noKey')} <a href={hrefFor({ name: 'signingKey' })}>{t('export.goToKey')}</a>
              </p>
            )}
            {ready && facts.hasKey && (
              <form onSubmit={(e) => void submit(e)} noValidate>
                <PassphraseField id="export-passphrase" label={t('export.passphrase')} autoComplete="current-password" value={passphrase} onChange={setPassphrase} />
                <button type="submit" className="button button--primary" disabled={working || passphrase === ''}>
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
            {refusal && <ErrorMessage error={refusal} onDismiss={() => setRefusal(null)} />}
            {job.state.kind === 'failed' && <ErrorMessage error={job.state.error} />}
          </li>
        </ol>
      )}
      {done && facts.kind === 'ready' && <NextSteps id={id} fileName={done.fileName} revision={done.submissionRevision} dataDir={facts.dataDir} />}
      <KeptSubmissions id={id} refresh={refresh} onLoaded={setKept} />
    </section>
  );
}

/** Which assessment, at which draft revision, becomes which submission revision; and where it stands since the last one. */
function ExportSubject({ facts, kept }: { facts: Extract<ExportFacts, { kind: 'ready' }>; kept: KeptSubmission[] }) {
  const { t, i18n } = useTranslation('signing');
  const { t: tc } = useTranslation();
  const format = useFormatters();
  const { summary } = facts.overview;
  const last = summary.submission;
  const next = 1 + Math.max(last?.submissionRevision ?? 0, ...kept.map((k) => k.submissionRevision));
  return (
    <div className="export-subject" data-testid="export-subject">
      <p className="export-subject__country">{countryLabel(summary.countryCode, i18n.language, tc)}</p>
      <p>{t('export.subject', { revision: format.number(summary.revision), next: format.number(next) })}</p>
      {last && (
        <p className="muted">
          {last.changed
            ? t('export.changedSince', { n: format.number(last.submissionRevision), date: format.dayOf(last.exportedAt) })
            : t('export.unchangedSince', { n: format.number(last.submissionRevision), date: format.dayOf(last.exportedAt) })}
        </p>
      )}
    </div>
  );
}
