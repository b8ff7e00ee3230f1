/**
 * The analysis of the open secretariat workspace as jobs: reading every current submission takes a
 * while (one stored bundle at a time), so `startAnalysis` and `exportAnalysis` answer with a job id
 * and report progress per submission read. The last analysis is kept for `analysisAnswers`.
 */
import { randomUUID } from 'node:crypto';
import type { HandlersOf } from '../../api/common';
import type { DownloadDesk } from '../../api/downloads';
import { checklistVersions, memorySource, prepareReport, writeReport, type PreparedReport, type ReportFormat, type SourcedSubmission } from '../../analysis';
import { currentSubmissions as pickCurrent } from '../../analysis/source';
import { AppError } from '../../errors';
import type { Language } from '../../i18n/languages';
import type { JobQueue } from '../../jobs/job-queue';
import { createLogger } from '../../log';
import { currentSubmissions, loadIndex, submissionSeries, type Workspace } from '../../secretariat';
import { safeFileName } from '../../text/sanitize';
import type { AnalysisExportJobResult, AnalysisFilters, analysisContract } from './contract';
import { ExportFiles } from './export-files';
import { availableOf, buildView, itemAnswers } from './view';

const log = createLogger('analysis-jobs');

/** Share of a job's progress spent reading the stored bundles (the rest: analysing, writing). */
const READ_SHARE = 0.8;

export interface AnalysisOptions {
  jobs: JobQueue;
  downloads: DownloadDesk;
  dataDir: string;
  uiLanguage(): Promise<Language>;
  /** The secretariat workspace open in this app session (the workspace feature's session holder). */
  workspace: WorkspaceAccess;
  now?: () => Date;
}

/**
 * What the analysis needs of the session's open workspace: `require` fails at once (with its own
 * message) when none is open; `run` reads it in turn with the session's other work (never during an import's writes).
 */
export interface WorkspaceAccess {
  require(): Workspace;
  run<T>(fn: (ws: Workspace) => Promise<T>): Promise<T>;
}

export interface Read {
  submissions: SourcedSubmission[];
  unreadable: string[];
}

/** Every current submission of the workspace, one stored bundle at a time, with progress. */
async function readCurrent(ws: Workspace, progress: (fraction: number) => void): Promise<Read> {
  const index = await loadIndex(ws);
  const total = submissionSeries(index, ws.info).length;
  const unreadable: string[] = [];
  const submissions: SourcedSubmission[] = [];
  progress(0);
  for await (const item of currentSubmissions(ws, index, unreadable)) {
    submissions.push(item);
    progress((READ_SHARE * (submissions.length + unreadable.length)) / Math.max(total, 1));
  }
  return { submissions, unreadable };
}

/** The report request for these filters: one version, every version mapped, or (none chosen) the only version — all of them mapped when there are several. */
export async function prepare(read: Read, filters: AnalysisFilters, language: Language, publishable: boolean, now: Date): Promise<PreparedReport> {
  const chosen = filters.checklist;
  let choice: { checklist?: { id: string; version: string }; acrossVersions?: boolean; checklistId?: string } = {};
  if (chosen && chosen.version !== null) choice = { checklist: { id: chosen.id, version: chosen.version } };
  else if (chosen) choice = { acrossVersions: true, checklistId: chosen.id };
  else {
    const versions = checklistVersions(await pickCurrent(memorySource(read.submissions)));
    const ids = [...new Set(versions.map((v) => v.id))];
    // Several checklists: the one most submissions use, then by id (the analyst can choose another).
    const count = (id: string) => versions.filter((v) => v.id === id).reduce((n, v) => n + v.countries, 0);
    const id = ids.sort((a, b) => count(b) - count(a) || (a < b ? -1 : 1))[0];
    if (id && versions.filter((v) => v.id === id).length > 1) choice = { acrossVersions: true, checklistId: id };
    else if (id) choice = { checklist: { id, version: (versions.find((v) => v.id === id) as { version: string }).version } };
  }
  return prepareReport({
    source: memorySource(read.submissions),
    language,
    publishable,
    filters: { groups: filters.groups, responseLanguages: filters.responseLanguages },
    now,
    ...choice,
  });
}

const extensionOf: Record<'xlsx' | 'csv' | 'pdf', { format: ReportFormat; ext: string }> = {
  xlsx: { format: 'xlsx', ext: 'xlsx' },
  // A CSV file holds one table: every table is its own CSV file (UTF-8 with BOM) in one zip.
  csv: { format: 'zip', ext: 'zip' },
  pdf: { format: 'pdf', ext: 'pdf' },
};

export function createAnalysisHandlers(options: AnalysisOptions): HandlersOf<typeof analysisContract> {
  const now = () => options.now?.() ?? new Date();
  const files = new ExportFiles(options.dataDir);
  let last: { viewId: string; report: PreparedReport } | null = null;

  return {
    async startAnalysis(filters) {
      options.workspace.require();
      const language = await options.uiLanguage();
      return options.jobs.start({
        kind: 'analysis',
        lane: 'analysis',
        work: async ({ progress }) => {
          const read = await options.workspace.run((ws) => readCurrent(ws, progress));
          const report = await prepare(read, filters, language, false, now());
          progress(0.95);
          const viewId = randomUUID();
          last = { viewId, report };
          const checklists = checklistVersions(report.selection);
          const effective: AnalysisFilters = {
            ...filters,
            checklist: filters.checklist ?? { id: report.model.checklist.id, version: report.model.versions ? null : report.model.checklist.version },
          };
          log.info(`analysis of ${report.model.participants.length} countries, ${read.unreadable.length} unreadable`);
          return { view: buildView(report, { viewId, filters: effective, available: availableOf(report, checklists), unreadable: read.unreadable.length }) };
        },
      });
    },
    async analysisAnswers(viewId, itemId, limit) {
      if (!last || last.viewId !== viewId) throw new AppError('analysis:errors.stale');
      if (!last.report.pack.items.has(itemId)) throw new AppError('analysis:errors.unknownItem', { item: itemId.slice(0, 64) });
      return itemAnswers(last.report, itemId, limit);
    },
    async exportAnalysis(request) {
      options.workspace.require();
      return options.jobs.start({
        kind: 'analysis-export',
        lane: 'analysis',
        work: async ({ progress }): Promise<Omit<AnalysisExportJobResult, 'kind'>> => {
          const read = await options.workspace.run((ws) => readCurrent(ws, progress));
          const when = now();
          const report = await prepare(read, request.filters, request.language, request.publishable, when);
          const { format, ext } = extensionOf[request.format];
          const version = report.model.versions ? 'all-versions' : report.model.checklist.version;
          const fileName = safeFileName(`analysis_${report.model.checklist.id}_${version}_${request.language}${request.publishable ? '_publishable' : ''}_${when.toISOString().slice(0, 10)}.${ext}`);
          const { exportId, file } = await files.reserve(fileName);
          try {
            progress(0.9);
            const written = await writeReport(file, report, { format, ...(request.paper ? { paper: request.paper } : {}) });
            files.keep(exportId, file);
            return { exportId, fileName, tables: written.tables, ...(written.pages !== undefined ? { pages: written.pages } : {}) };
          } catch (err) {
            await files.discard(exportId);
            if (err instanceof AppError) throw err;
            log.error('analysis export failed', err);
            throw new AppError('analysis:errors.exportFailed');
          }
        },
      });
    },
    async downloadAnalysisExport(exportId) {
      return options.downloads.issue(files.source(exportId));
    },
  };
}
