/**
 * The one pdfkit set-up of every PDF the app writes (the submission report, the secretariat's
 * statistical annex): tagged PDF 1.7 with `/Lang` and the title shown, pages kept in memory until
 * the running text is drawn, the bundled fonts, the multi-script text engine and a flow in the
 * margins, and a /Document structure root. Callers draw their parts, then `finish`.
 */
import PDFDocument from 'pdfkit';
import { directionOf } from '../i18n/languages';
import type { Labels } from './labels';
import type { ReportContext } from './report-context';
import type { Paper, ReportModel } from './report-model';
import { TextEngine } from './text/engine';
import { baseFaceOf } from './text/font-runs';
import { registerFonts } from './text/fonts';
import { Flow } from './text/flow';

export interface TaggedDocumentOptions {
  /** The validated model: its language gives `/Lang`, the direction and the fonts. */
  model: ReportModel;
  labels: Labels;
  paper: Paper;
  margin: { side: number; top: number; bottom: number };
  /** Document properties; the creator is always the app. */
  info: Omit<PDFKit.DocumentInfo, 'Creator'>;
}

export interface TaggedDocument {
  /** What every part of the layout draws with; the first page is open. */
  ctx: ReportContext;
  /** Characters no bundled font could draw so far, as code points (U+…). */
  missing: ReadonlySet<string>;
  /** Closes the structure tree and the document: its bytes and page count. */
  finish(): Promise<{ bytes: Buffer; pages: number }>;
}

export function openTaggedDocument(options: TaggedDocumentOptions): TaggedDocument {
  const { model, margin } = options;
  const doc = new PDFDocument({
    size: options.paper === 'letter' ? 'LETTER' : 'A4',
    margins: { top: margin.top, bottom: margin.bottom, left: margin.side, right: margin.side },
    bufferPages: true,
    autoFirstPage: false,
    pdfVersion: '1.7',
    tagged: true,
    lang: model.language,
    displayTitle: true,
    info: { ...options.info, Creator: 'Safer Cities Self-Assessment' },
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
  const frame = { left: margin.side, top: margin.top, right: doc.page.width - margin.side, bottom: doc.page.height - margin.bottom };
  const ctx: ReportContext = { model, labels: options.labels, doc, engine, flow: new Flow(engine, frame), root, warnings: [], pageOf: new Map() };
  return {
    ctx,
    missing,
    async finish() {
      const pages = doc.bufferedPageRange().count;
      root.end();
      doc.end();
      return { bytes: await done, pages };
    },
  };
}
