/**
 * Page furniture, all marked as artifacts so screen readers skip it: the running header
 * (country · checklist), the footer "page X of Y", and on drafts a diagonal watermark.
 */
import { artifact, STYLE, type ReportContext } from './report-context';
import { FACE_SCALE } from './text/engine';
import { fontFace } from './text/fonts';

/**
 * Draws a laid-out line as glyph outlines rather than text, so the watermark never mixes into
 * copied or extracted text (pdftotext ignores artifact marks).
 */
function drawOutlines(ctx: ReportContext, text: string, size: number, centerX: number, baselineY: number): void {
  const { doc, engine } = ctx;
  const layout = engine.layout(text, 10_000, { size, weight: 700 });
  const line = layout.lines[0];
  if (!line) return;
  let x = centerX - line.width / 2;
  for (const run of line.runs) {
    const face = fontFace(run.face, 700);
    const shaped = face.layout(run.text);
    const scale = (size * FACE_SCALE[run.face]) / face.unitsPerEm;
    shaped.glyphs.forEach((glyph, g) => {
      const pos = shaped.positions[g];
      const svg = glyph.path.toSVG();
      if (svg) {
        doc.save();
        doc.transform(scale, 0, 0, -scale, x + (pos?.xOffset ?? 0) * scale, baselineY - (pos?.yOffset ?? 0) * scale);
        doc.path(svg).fill();
        doc.restore();
      }
      x += (pos?.xAdvance ?? 0) * scale;
    });
  }
}

/** The page's content stream as pdfkit 0.20 keeps it: chunks waiting to be compressed. */
interface ContentInternals {
  buffer: Uint8Array[];
}
interface PageInternals {
  width: number;
  height: number;
  content?: Partial<ContentInternals>;
  write(chunk: Uint8Array): unknown;
}

function contentOf(ctx: ReportContext): { page: PageInternals; chunks: Uint8Array[] } | null {
  const page = ctx.doc.page as unknown as Partial<PageInternals>;
  const chunks = page.content?.buffer;
  if (!Array.isArray(chunks) || typeof page.write !== 'function') return null;
  return { page: page as PageInternals, chunks };
}

/**
 * The watermark's operators, recorded on the first page and written again on the others: the
 * same outlines at the same place on every page of one size, and shaping them and turning them
 * into path operators cost a few milliseconds per page (a second for a 300-page report).
 */
const recordings = new WeakMap<ReportContext, { size: string; bytes: Uint8Array }>();

function drawWatermarkOutlines(ctx: ReportContext): void {
  const { doc } = ctx;
  const { width, height } = doc.page;
  const size = `${width}x${height}`;
  const content = contentOf(ctx);
  const recorded = recordings.get(ctx);
  if (content && recorded?.size === size) {
    content.page.write(recorded.bytes);
    return;
  }
  const before = content?.chunks.length ?? 0;
  doc.save();
  doc.rotate(-50, { origin: [width / 2, height / 2] });
  doc.fillColor('#e3e3e3');
  drawOutlines(ctx, ctx.labels.t('watermark'), 84, width / 2, height / 2 + 28);
  doc.restore();
  if (content) recordings.set(ctx, { size, bytes: Buffer.concat(content.chunks.slice(before)) });
}

/** Draws the watermark on the page being started; called before any content so text stays on top. */
export function drawWatermark(ctx: ReportContext): void {
  if (ctx.model.status !== 'draft') return;
  artifact(ctx, () => drawWatermarkOutlines(ctx), 'Pagination');
}

/** Header and footer on every buffered page, once the page count is known. */
export function drawRunningText(ctx: ReportContext): void {
  const { doc, engine, flow, labels, model } = ctx;
  const range = doc.bufferedPageRange();
  const total = range.count;
  const checklist = model.checklist.title ?? model.checklist.id;
  const header = labels.t('header', { country: model.country, checklist: `${checklist} ${model.checklist.version}` });
  for (let i = range.start; i < range.start + total; i++) {
    doc.switchToPage(i);
    artifact(ctx, () => {
      if (i > range.start) {
        const top = flow.frame.top - 34;
        const layout = engine.layout(header, flow.width * 0.7, { size: 8, color: STYLE.muted });
        engine.drawLines(layout, flow.column(0, flow.width * 0.7).x, top, 0, 1);
        if (model.status === 'draft') {
          const draft = engine.layout(labels.t('status.draft'), flow.width * 0.3, { size: 8, weight: 700, color: '#a61b1b', align: 'end' });
          engine.drawLines(draft, flow.column(flow.width * 0.7).x, top, 0, 1);
        }
        doc.save().lineWidth(0.5).strokeColor(STYLE.rule)
          .moveTo(flow.frame.left, top + 16).lineTo(flow.frame.right, top + 16).stroke().restore();
      }
      const footer = engine.layout(labels.t('footer', { page: i - range.start + 1, pages: total }), flow.width, {
        size: 8,
        color: STYLE.muted,
        align: 'center',
      });
      engine.drawLines(footer, flow.frame.left, flow.frame.bottom + 22, 0, 1);
    }, 'Pagination');
  }
}
