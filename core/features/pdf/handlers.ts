/**
 * PDF exports as jobs of the one job system: `exportPdf` answers at once with a job id; reports are
 * laid out one at a time (lane `pdf`; renderReport yields to the event loop between items, so the
 * host keeps answering); the renderer polls `getJob` and takes the bytes once with `takeJobResult`.
 */
import type { HandlersOf } from '../../api/common';
import type { Consultation } from '../../bundle/submission';
import { getPack } from '../../checklist/registry';
import type { Draft } from '../../draft/schema';
import type { Language } from '../../i18n/languages';
import type { JobQueue } from '../../jobs/job-queue';
import { AppError } from '../../errors';
import { createLogger } from '../../log';
import { describeWarnings, reportModelFromDraft } from '../../pdf/from-draft';
import { renderReport, type RenderedReport } from '../../pdf/report';
import type { ReportModel } from '../../pdf/report-model';
import { safeFileName } from '../../text/sanitize';
import type { PdfJobResult, pdfContract } from './contract';

const log = createLogger('pdf-jobs');

export interface PdfOptions {
  jobs: JobQueue;
  /** The assessment's current draft (open or read from disk), behind the edits already sent. */
  readDraft(assessmentId: string): Promise<Draft>;
  /** The interface language, for the warning sentences. */
  uiLanguage(): Promise<Language>;
  /** Who was consulted on the assessment (its review ledger), printed after the institutions; none when not given. */
  consultations?(assessmentId: string): Promise<readonly Consultation[]>;
  /** Injected in tests to make a render fail or wait. */
  render?: (model: ReportModel, onProgress: (done: number, total: number) => void) => Promise<RenderedReport>;
  now?: () => Date;
}

/** `<ISO3>_<checklist-id>_r<revision>_<YYYY-MM-DD>.pdf`, through the one file-name sanitiser (the checklist id comes from the draft). */
export function pdfFileName(draft: Draft, when: Date): string {
  return safeFileName(`${draft.assessment.countryCode}_${draft.checklist.id}_r${draft.revision}_${when.toISOString().slice(0, 10)}.pdf`);
}

export function createPdfHandlers(options: PdfOptions): HandlersOf<typeof pdfContract> {
  const render = options.render ?? ((m: ReportModel, p: (done: number, total: number) => void) => renderReport(m, { onProgress: p }));
  return {
    // Unknown assessments and packs fail here, before any job exists.
    async exportPdf(assessmentId, pdf) {
      const draft = await options.readDraft(assessmentId);
      const { pack } = getPack(draft.checklist);
      const language = await options.uiLanguage();
      const consultations = (await options.consultations?.(assessmentId)) ?? [];
      const model = reportModelFromDraft(draft, pack, { status: 'draft', paper: pdf.paper, consultations });
      const fileName = pdfFileName(draft, options.now?.() ?? new Date());
      return options.jobs.start({
        kind: 'pdf',
        lane: 'pdf',
        work: async ({ progress, signal }): Promise<Omit<PdfJobResult, 'kind'>> => {
          const rendered = await render(model, (done, total) => progress(total === 0 ? 1 : done / total)).catch((err: unknown) => {
            if (err instanceof AppError || signal.aborted) throw err;
            log.error('pdf job failed', err);
            throw new AppError('report:errors.renderFailed');
          });
          log.info(`pdf job done: ${rendered.pages} pages, ${rendered.bytes.length} bytes, ${rendered.warnings.length} warnings`);
          return { fileName, base64: rendered.bytes.toString('base64'), pages: rendered.pages, warnings: describeWarnings(rendered.warnings, language) };
        },
      });
    },
  };
}
