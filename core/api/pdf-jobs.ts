/**
 * PDF exports as background jobs: `exportPdf` answers at once with a job id, the report is laid out
 * one job at a time (renderReport yields to the event loop between items, so the host keeps
 * answering), the renderer polls `getPdfJob` for progress and takes the bytes once with
 * `takePdfResult`. Jobs are few and short-lived: a result is dropped once taken or ten minutes
 * after it finished, whichever comes first.
 */
import { randomUUID } from 'node:crypto';
import { getPack } from '../checklist/registry';
import type { Draft } from '../draft/schema';
import { AppError } from '../errors';
import type { Language } from '../i18n/languages';
import { createLogger } from '../log';
import { describeWarnings, reportModelFromDraft } from '../pdf/from-draft';
import { renderReport, type RenderedReport } from '../pdf/report';
import type { ReportModel } from '../pdf/report-model';
import { safeFileName } from '../text/sanitize';
import type { ApiHandlers, ApiError, PdfJobStatus, PdfOptions, PdfResult } from './contract';

const log = createLogger('pdf-jobs');

/** Jobs kept at once (queued, running or finished and not yet taken). */
export const MAX_PDF_JOBS = 8;
/** How long a finished job's result (or failure) is kept for the renderer to collect. */
export const PDF_RESULT_TTL_MS = 10 * 60 * 1000;

export interface PdfJobsOptions {
  /** The assessment's current draft (open or read from disk). */
  readDraft(assessmentId: string): Promise<Draft>;
  /** The interface language, for the warning sentences. */
  uiLanguage(): Promise<Language>;
  maxJobs?: number;
  ttlMs?: number;
  /** Injected in tests to make a render fail. */
  render?: (model: ReportModel, onProgress: (done: number, total: number) => void) => Promise<RenderedReport>;
  now?: () => Date;
}

interface Job {
  state: 'running' | 'done' | 'failed' | 'taken';
  progress: number;
  fileName: string;
  pages?: number;
  warnings?: string[];
  bytes?: Buffer;
  error?: ApiError;
  timer?: NodeJS.Timeout;
}

const notFound = () => new AppError('report:errors.jobNotFound');

/** `<ISO3>_<checklist-id>_r<revision>_<YYYY-MM-DD>.pdf`, through the one file-name sanitiser (the checklist id comes from the draft). */
export function pdfFileName(draft: Draft, when: Date): string {
  return safeFileName(`${draft.assessment.countryCode}_${draft.checklist.id}_r${draft.revision}_${when.toISOString().slice(0, 10)}.pdf`);
}

export class PdfJobs {
  private readonly jobs = new Map<string, Job>();
  /** Jobs run one after another on this chain. */
  private tail: Promise<void> = Promise.resolve();
  private readonly maxJobs: number;
  private readonly ttlMs: number;

  constructor(private readonly options: PdfJobsOptions) {
    this.maxJobs = options.maxJobs ?? MAX_PDF_JOBS;
    this.ttlMs = options.ttlMs ?? PDF_RESULT_TTL_MS;
  }

  /** Queue the report of `assessmentId`. Unknown assessments and packs fail here, before any job exists. */
  async start(assessmentId: string, pdf: PdfOptions): Promise<{ jobId: string }> {
    const draft = await this.options.readDraft(assessmentId);
    const { pack } = getPack(draft.checklist);
    const language = await this.options.uiLanguage();
    this.makeRoom();
    const model = reportModelFromDraft(draft, pack, { status: 'draft', paper: pdf.paper });
    const jobId = randomUUID();
    const job: Job = { state: 'running', progress: 0, fileName: pdfFileName(draft, this.options.now?.() ?? new Date()) };
    this.jobs.set(jobId, job);
    this.tail = this.tail.then(() => this.run(jobId, job, model, language)).catch((err: unknown) => log.error('pdf job chain', err));
    return { jobId };
  }

  status(jobId: string): PdfJobStatus {
    const job = this.jobs.get(jobId);
    if (!job) throw notFound();
    if (job.state === 'taken') throw new AppError('report:errors.resultTaken');
    return {
      state: job.state,
      progress: job.progress,
      ...(job.pages !== undefined ? { pages: job.pages } : {}),
      ...(job.warnings ? { warnings: job.warnings } : {}),
      ...(job.error ? { error: job.error } : {}),
    };
  }

  /** The finished PDF, once; the bytes are released as they are handed over. */
  take(jobId: string): PdfResult {
    const job = this.jobs.get(jobId);
    if (!job) throw notFound();
    if (job.state === 'taken') throw new AppError('report:errors.resultTaken');
    if (job.state === 'running') throw new AppError('report:errors.jobNotDone');
    if (job.state === 'failed' || !job.bytes) throw new AppError(job.error?.code ?? 'report:errors.renderFailed', job.error?.params);
    const result = { fileName: job.fileName, base64: job.bytes.toString('base64') };
    // Keep a marker until the job would have expired, so a second take says "already saved".
    job.state = 'taken';
    delete job.bytes;
    return result;
  }

  /** Forget every job (on quit); a render under way finishes into nothing. */
  dispose(): void {
    for (const job of this.jobs.values()) clearTimeout(job.timer);
    this.jobs.clear();
  }

  /** Drop the oldest finished job when full; refuse when every slot holds a job still to run. */
  private makeRoom(): void {
    if (this.jobs.size < this.maxJobs) return;
    for (const [id, job] of this.jobs) {
      if (job.state !== 'running') {
        clearTimeout(job.timer);
        this.jobs.delete(id);
        return;
      }
    }
    throw new AppError('report:errors.tooManyJobs', { max: this.maxJobs });
  }

  private async run(jobId: string, job: Job, model: ReportModel, language: Language): Promise<void> {
    if (this.jobs.get(jobId) !== job) return;
    const onProgress = (done: number, total: number) => {
      job.progress = total === 0 ? 1 : Math.min(1, done / total);
    };
    try {
      const render = this.options.render ?? ((m, p) => renderReport(m, { onProgress: p }));
      const rendered = await render(model, onProgress);
      Object.assign(job, { state: 'done', progress: 1, bytes: rendered.bytes, pages: rendered.pages, warnings: describeWarnings(rendered.warnings, language) });
      log.info(`pdf job done: ${rendered.pages} pages, ${rendered.bytes.length} bytes, ${rendered.warnings.length} warnings`);
    } catch (err) {
      job.state = 'failed';
      job.error = err instanceof AppError ? err.toApiError() : { code: 'report:errors.renderFailed' };
      log.error('pdf job failed', err);
    }
    job.timer = setTimeout(() => {
      if (this.jobs.get(jobId) === job) this.jobs.delete(jobId);
    }, this.ttlMs);
    job.timer.unref?.();
  }
}

/** The contract's PDF verbs over one job list. */
export function createPdfHandlers(jobs: PdfJobs): Pick<ApiHandlers, 'exportPdf' | 'getPdfJob' | 'takePdfResult'> {
  return {
    async exportPdf(assessmentId, options) {
      return jobs.start(assessmentId, options);
    },
    async getPdfJob(jobId) {
      return jobs.status(jobId);
    },
    async takePdfResult(jobId) {
      return jobs.take(jobId);
    },
  };
}
