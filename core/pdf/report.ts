/**
 * renderReport: the submission as a PDF anyone can read, in any of the six scripts.
 * Cover → focal points, institutions and consultations → contents → sections and items; running header and
 * footer, draft watermark, outline, metadata and a tagged structure tree.
 */
import { createLogger } from '../log';
import { AppError } from '../errors';
import { openTaggedDocument } from './document';
import { createLabels } from './labels';
import { drawBody } from './report-body';
import { drawRunningText, drawWatermark } from './report-chrome';
import type { ReportWarning } from './report-context';
import { drawConsultations } from './report-consultations';
import { drawCover, drawPeople } from './report-cover';
import { ReportModelSchema, type Paper, type ReportModelInput } from './report-model';
import { fillToc, reserveToc } from './report-toc';

const log = createLogger('pdf-report');

export type { ReportWarning } from './report-context';

export interface RenderOptions {
  /** Overrides the model's paper size. */
  paper?: Paper;
  /** Fixed creation date (tests, reproducible output); now by default. */
  creationDate?: Date;
  /** Called after each item is laid out, for a progress bar: `done` of `total` items. */
  onProgress?: (done: number, total: number) => void;
}

export interface RenderedReport {
  bytes: Buffer;
  pages: number;
  warnings: ReportWarning[];
}

const MARGIN = { side: 56, top: 72, bottom: 64 };

/** Renders the report; rejects with AppError('errors.badRequest') when the model does not validate. */
export async function renderReport(input: ReportModelInput, options: RenderOptions = {}): Promise<RenderedReport> {
  const parsed = ReportModelSchema.safeParse(input);
  if (!parsed.success) throw new AppError('errors.badRequest', { issues: parsed.error.issues.length }, parsed.error);
  const model = parsed.data;
  const labels = createLabels(model.language);
  const started = Date.now();
  const { ctx, missing, finish } = openTaggedDocument({
    model,
    labels,
    paper: options.paper ?? model.paper,
    margin: MARGIN,
    info: {
      Title: model.title,
      Author: model.author,
      Subject: labels.t('subject'),
      Keywords: [labels.t('keywords'), model.country, model.checklist.id, ...model.keywords].join('; '),
      CreationDate: options.creationDate ?? new Date(),
    },
  });
  drawWatermark(ctx);
  ctx.flow.onNewPage(() => drawWatermark(ctx));

  drawCover(ctx);
  drawPeople(ctx);
  drawConsultations(ctx);
  const toc = reserveToc(ctx);
  const total = model.sections.reduce((n, s) => n + s.items.length, 0);
  await drawBody(ctx, (done) => options.onProgress?.(done, total));
  fillToc(ctx, toc);
  drawRunningText(ctx);

  const { bytes, pages } = await finish();
  const warnings: ReportWarning[] = [...ctx.warnings];
  if (missing.size > 0) warnings.unshift({ code: 'missingGlyphs', codePoints: [...missing].sort() });
  log.info('report rendered', { language: model.language, pages, bytes: bytes.length, ms: Date.now() - started, warnings: warnings.length });
  return { bytes, pages, warnings };
}
