/**
 * renderReport: the submission as a PDF anyone can read, in any of the six scripts.
 * Cover → focal points, institutions and consultations → contents → sections and items; running header and
 * footer, draft watermark, outline, metadata and a tagged structure tree.
 */
import PDFDocument from 'pdfkit';
import { directionOf } from '../i18n/languages';
import { createLogger } from '../log';
import { AppError } from '../errors';
import { createLabels } from './labels';
import { drawBody } from './report-body';
import { drawRunningText, drawWatermark } from './report-chrome';
import type { ReportContext, ReportWarning } from './report-context';
import { drawConsultations } from './report-consultations';
import { drawCover, drawPeople } from './report-cover';
import { ReportModelSchema, type Paper, type ReportModelInput } from './report-model';
import { fillToc, reserveToc } from './report-toc';
import { TextEngine } from './text/engine';
import { baseFaceOf } from './text/font-runs';
import { registerFonts } from './text/fonts';
import { Flow } from './text/flow';

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
  const doc = new PDFDocument({
    size: (options.paper ?? model.paper) === 'letter' ? 'LETTER' : 'A4',
    margins: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.side, right: MARGIN.side },
    bufferPages: true,
    autoFirstPage: false,
    pdfVersion: '1.7',
    tagged: true,
    lang: model.language,
    displayTitle: true,
    info: {
      Title: model.title,
      Author: model.author,
      Subject: labels.t('subject'),
      Keywords: [labels.t('keywords'), model.country, model.checklist.id, ...model.keywords].join('; '),
      CreationDate: options.creationDate ?? new Date(),
      Creator: 'Safer Cities Self-Assessment',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc);
  const missing = new Set<string>();
  const engine = new TextEngine(doc, {
    direction: directionOf(model.language),
    baseFace: baseFaceOf(model.language),
    onMissingGlyphs: (codePoints) => codePoints.forEach((c) => missing.add(c)),
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  doc.addPage();
  const frame = { left: MARGIN.side, top: MARGIN.top, right: doc.page.width - MARGIN.side, bottom: doc.page.height - MARGIN.bottom };
  const ctx: ReportContext = { model, labels, doc, engine, flow: new Flow(engine, frame), root, warnings: [], pageOf: new Map() };
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

  const pages = doc.bufferedPageRange().count;
  root.end();
  doc.end();
  const bytes = await done;
  const warnings: ReportWarning[] = [...ctx.warnings];
  if (missing.size > 0) warnings.unshift({ code: 'missingGlyphs', codePoints: [...missing].sort() });
  log.info('report rendered', { language: model.language, pages, bytes: bytes.length, ms: Date.now() - started, warnings: warnings.length });
  return { bytes, pages, warnings };
}
