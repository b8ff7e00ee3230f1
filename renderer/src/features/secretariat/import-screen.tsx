import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { hrefFor } from '../../app/routes';
import { ErrorMessage } from '../../ui/error-message';
import { FilePicker } from '../../ui/file-picker';
import { JobProgress } from '../../ui/job-progress';
import { useJob } from '../../ui/use-job';
import { useFormatters } from '../../i18n/use-formatters';
import { DecisionSummary, DecisionTable, baseName } from './decision-table';

/** A web batch already sent to the host, for the chosen files as they were then (a dry run's files are not sent twice). */
interface Staged {
  batchId: string;
  files: readonly File[];
}

/**
 * Import bundles: choose files or folders (the desktop's own dialog; in the browser, upload the files
 * or type a folder's path), or drop them here; try a dry run first; one decision per file, shown as
 * a report, with a progress bar while the files are read. On the desktop files are read where they
 * lie; the browser sends each file to the host before the import starts.
 */
export function ImportScreen({ writable, onImported }: { writable: boolean; onImported: () => void }) {
  const { t } = useTranslation('secretariat');
  const { t: common } = useTranslation();
  const api = useApi();
  const format = useFormatters();
  const native = typeof api.chooseImportPaths === 'function' && typeof api.pathForFile === 'function';
  const [paths, setPaths] = useState<string[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [folder, setFolder] = useState('');
  const [staged, setStaged] = useState<Staged | null>(null);
  const [sending, setSending] = useState<{ done: number; total: number } | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const job = useJob('workspace-import', (result) => {
    if (!result.dryRun) {
      setPaths([]);
      setFiles([]);
      setFolder('');
      setStaged(null);
      onImported();
    }
  });
  const running = job.state.kind === 'running' || sending !== null;
  const chosen = [...paths, ...(folder.trim() ? [folder.trim()] : []), ...files.map((f) => f.name)];

  function addFiles(list: File[]) {
    setProblem(null);
    job.dismiss();
    if (native) setPaths((p) => [...p, ...list.map((f) => api.pathForFile?.(f) ?? '').filter((x) => x !== '' && !p.includes(x))]);
    else setFiles((f) => [...f, ...list]);
  }

  async function choose(kind: 'files' | 'folder') {
    const picked = (await api.chooseImportPaths?.(kind)) ?? [];
    if (picked.length > 0) {
      job.dismiss();
      setPaths((p) => [...p, ...picked.filter((x) => !p.includes(x))]);
    }
  }

  function dropped(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    const items = [...event.dataTransfer.items];
    // A browser hands a dropped folder over as an unreadable file: it is named, not sent.
    const folders = native ? 0 : items.filter((i) => i.webkitGetAsEntry?.()?.isDirectory).length;
    const list = [...event.dataTransfer.files].filter((_, i) => native || !items[i]?.webkitGetAsEntry?.()?.isDirectory);
    setNotice(folders > 0 ? t('app.import.droppedFolders', { count: folders }) : null);
    if (list.length > 0) addFiles(list);
  }

  /** Send the chosen files to the host once (web); the same batch serves the dry run and the import. */
  async function stage(): Promise<string | null> {
    if (files.length === 0) return null;
    if (staged && staged.files.length === files.length && staged.files.every((f, i) => f === files[i])) return staged.batchId;
    if (staged) await api.discardImportBatch(staged.batchId);
    const batchId = crypto.randomUUID();
    setSending({ done: 0, total: files.length });
    try {
      for (const [i, file] of files.entries()) {
        const r = await api.stageImportFile(file, batchId);
        if (!r.ok) {
          await api.discardImportBatch(batchId);
          setProblem(r.error);
          return 'failed';
        }
        setSending({ done: i + 1, total: files.length });
      }
    } finally {
      setSending(null);
    }
    setStaged({ batchId, files });
    return batchId;
  }

  async function start(dryRun: boolean) {
    setProblem(null);
    if (chosen.length === 0) return setProblem({ code: 'secretariat:errors.nothingToImport' });
    const batchId = await stage();
    if (batchId === 'failed') return;
    const onDisk = [...paths, ...(folder.trim() ? [folder.trim()] : [])];
    const refused = await job.run((a) => a.startWorkspaceImport({ ...(onDisk.length > 0 ? { paths: onDisk } : {}), ...(batchId ? { batchId } : {}), dryRun }));
    if (refused) setProblem(refused);
  }

  const result = job.state.kind === 'done' ? job.state.result : null;
  return (
    <>
      <section className="card secretariat__section" aria-labelledby="import-title">
        <h2 id="import-title" className="card__title">
          {t('app.import.title')}
        </h2>
        <p>{t('app.import.intro')}</p>
        {!writable && <p className="secretariat__readonly">{t('app.import.readOnly')}</p>}
        <div className="secretariat__drop" onDragOver={(e) => e.preventDefault()} onDrop={dropped} data-testid="import-drop">
          <p>{t('app.import.drop')}</p>
          <div className="signing__actions">
            {native ? (
              <>
                <button type="button" className="button button--secondary" disabled={running} onClick={() => void choose('files')}>
                  {t('app.import.chooseFiles')}
                </button>
                <button type="button" className="button button--secondary" disabled={running} onClick={() => void choose('folder')}>
                  {t('app.import.chooseFolder')}
                </button>
              </>
            ) : (
              <FilePicker id="import-files" buttonLabel={t('app.import.chooseFiles')} accept=".zip,application/zip" multiple disabled={running} onChoose={addFiles} />
            )}
          </div>
        </div>
        {!native && (
          <div className="field signing__field">
            <label className="field__label" htmlFor="import-folder">
              {t('app.import.folderPath')}
            </label>
            <p id="import-folder-hint" className="field__hint">
              {t('app.import.folderPathHint')}
            </p>
            <input id="import-folder" className="input" dir="ltr" value={folder} spellCheck={false} autoComplete="off" aria-describedby="import-folder-hint" onChange={(e) => setFolder(e.target.value)} />
          </div>
        )}
        {notice && <p role="status">{notice}</p>}
        {chosen.length > 0 && (
          <div>
            <h3>{t('app.import.chosen', { count: chosen.length })}</h3>
            <ul className="secretariat__chosen" data-testid="import-chosen">
              {chosen.slice(0, 50).map((p, i) => (
                <li key={`${p}-${i}`}>
                  <bdi dir="ltr" title={p}>
                    {baseName(p)}
                  </bdi>
                </li>
              ))}
              {chosen.length > 50 && <li>{t('app.import.more', { count: chosen.length - 50 })}</li>}
            </ul>
            <button type="button" className="button button--quiet button--small" disabled={running} onClick={() => (setPaths([]), setFiles([]), setFolder(''), job.dismiss())}>
              {t('app.import.clear')}
            </button>
          </div>
        )}
        <div className="signing__actions">
          <button type="button" className="button button--secondary" disabled={running} onClick={() => void start(true)}>
            {t('app.import.dryRun')}
          </button>
          <button type="button" className="button button--primary" disabled={running || !writable} onClick={() => void start(false)}>
            {t('app.import.start')}
          </button>
        </div>
        {sending && (
          <div className="progress">
            <label htmlFor="import-sending" className="progress__label">
              {t('app.import.sending', { done: format.number(sending.done), total: format.number(sending.total) })}
            </label>
            <progress id="import-sending" max={sending.total} value={sending.done} />
          </div>
        )}
        <JobProgress state={job.state} label={t('app.import.progress')} started={t('app.import.started')} />
        {problem && <ErrorMessage error={problem} onDismiss={() => setProblem(null)} />}
        {job.state.kind === 'failed' && <ErrorMessage error={job.state.error} />}
      </section>
      {/* Only the summary is announced: a table of thousands of rows is read when the analyst goes to it. */}
      <div>
        {result && (
          <section className="card secretariat__section" aria-labelledby="import-report-title" data-testid="import-report">
            <h2 id="import-report-title" className="card__title">
              {result.dryRun ? t('app.import.dryRunReport') : t('app.import.report')}
            </h2>
            {result.dryRun && <p>{t('app.import.dryRunNote')}</p>}
            <div role="status">
              <DecisionSummary decisions={result.decisions} />
            </div>
            {result.skipped > 0 && <p className="muted">{t('app.import.skipped', { count: result.skipped })}</p>}
            {result.decisions.some((d) => d.decision === 'conflict') && (
              <p>
                <a href={hrefFor({ name: 'secretariat', view: 'submissions' })}>{t('app.import.resolveConflicts')}</a>
              </p>
            )}
            <DecisionTable decisions={result.decisions} caption={t('app.import.report')} />
          </section>
        )}
      </div>
    </>
  );
}
