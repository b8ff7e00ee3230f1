/** Every section and item: question, status, answer fields, tables, attachments; outline entries. */
import { itemKey, sectionKey, STYLE, tag, type ReportContext } from './report-context';
import type { ReportItem } from './report-model';
import { drawTable } from './report-table';

/**
 * Longest answer text printed in full. A 10 MB answer would make thousands of pages; beyond this
 * the report says how much was left out and where the whole answer is (the submission bundle).
 */
export const MAX_FIELD_CHARS = 60_000;

const OUTLINE_CHARS = 90;
/** Room for a caption, the header row and a first row, so a caption never ends a page alone. */
const KEEP_WITH_TABLE = 80;

function outlineTitle(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= OUTLINE_CHARS ? flat : chars.slice(0, OUTLINE_CHARS - 1).join('') + '…';
}

/**
 * Writes every section and item. Between items it reports progress and lets the event loop run,
 * so a caller on the main thread (or a worker answering messages) stays responsive.
 */
export async function drawBody(ctx: ReportContext, onItem: (done: number) => void): Promise<void> {
  const { flow, doc, model } = ctx;
  flow.newPage();
  let done = 0;
  for (const [s, section] of model.sections.entries()) {
    const sect = tag(ctx, ctx.root, 'Sect').elem;
    const heading = ctx.engine.layout(section.title, flow.width, { size: STYLE.h1, weight: 700, color: STYLE.accent });
    flow.ensure(heading.lines.length * heading.lineHeight + 60);
    if (s > 0) flow.space(10);
    ctx.pageOf.set(sectionKey(s), flow.page + 1);
    doc.addNamedDestination(sectionKey(s), 'XYZ', null, flow.y, null);
    const bookmark = doc.outline.addItem(outlineTitle(section.title));
    flow.drawLayout(heading, flow.column().x, tag(ctx, sect, 'H1'), heading.lines.length);
    flow.space(6);
    for (const [i, item] of section.items.entries()) {
      const key = itemKey(s, i);
      const question = ctx.engine.layout(`${item.id}  ${item.question}`, flow.width, { size: STYLE.h2, weight: 700 });
      flow.ensure(question.lines.length * question.lineHeight + 40);
      ctx.pageOf.set(key, flow.page + 1);
      doc.addNamedDestination(key, 'XYZ', null, flow.y, null);
      bookmark.addItem(outlineTitle(`${item.id} ${item.question}`));
      const div = tag(ctx, sect, 'Div').elem;
      flow.drawLayout(question, flow.column().x, tag(ctx, div, 'H2'), Math.min(question.lines.length, 3));
      flow.space(2);
      drawItem(ctx, item, div);
      flow.space(10);
      onItem(++done);
      if (done % 10 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}

function drawItem(ctx: ReportContext, item: ReportItem, div: PDFKit.PDFStructureElement): void {
  const { flow, labels } = ctx;
  const { t } = labels;
  const meta = { size: STYLE.small, color: STYLE.muted, gapAfter: 4 };
  if (item.state === 'skipped') {
    flow.paragraph(t('item.skipped'), { ...meta, weight: 700 }, tag(ctx, div, 'P'));
    if (item.skipReason) flow.paragraph(`${t('item.skipReason')}: ${item.skipReason}`, meta, tag(ctx, div, 'P'));
    return;
  }
  flow.paragraph(`${t('item.status')}: ${item.statusLabel}`, meta, tag(ctx, div, 'P'));
  if (item.state === 'unanswered') {
    flow.paragraph(t('item.unanswered'), { ...meta, weight: 700, gapAfter: 2 }, tag(ctx, div, 'P'));
    flow.paragraph(t('item.noAnswer'), { size: STYLE.body, color: STYLE.muted, gapAfter: 4 }, tag(ctx, div, 'P'));
    return;
  }
  for (const field of item.fields) {
    if (field.label.trim() !== '') flow.paragraph(field.label, { size: STYLE.small, weight: 700, color: STYLE.muted, gapAfter: 1 }, tag(ctx, div, 'P'), 1);
    flow.paragraph(printable(ctx, item.id, field.value), { size: STYLE.body, gapAfter: 6 }, tag(ctx, div, 'P'), 2);
  }
  for (const table of item.tables) {
    flow.ensure(KEEP_WITH_TABLE);
    if (table.caption) flow.paragraph(table.caption, { size: STYLE.small, weight: 700, gapAfter: 3 }, tag(ctx, div, 'Caption'), 1);
    drawTable(ctx, { columns: table.columns, rows: table.rows.map((row) => row.map((cell) => printable(ctx, item.id, cell))) }, div);
  }
  if (item.attachments.length > 0) {
    flow.ensure(KEEP_WITH_TABLE);
    flow.paragraph(t('item.attachments'), { size: STYLE.small, weight: 700, color: STYLE.muted, gapAfter: 3 }, tag(ctx, div, 'P'), 1);
    drawTable(
      ctx,
      {
        columns: [t('attachment.name'), t('attachment.size'), t('attachment.sha256')],
        rows: item.attachments.map((a) => [visibleName(a.name), labels.bytes(a.size), a.sha256]),
        weights: [5, 2.6, 4.4],
        directions: [undefined, undefined, 'ltr'],
        size: 8.5,
      },
      div,
    );
  }
}

/**
 * A file name as it really is: embedding and override controls are dropped, so a name such as
 * "plan<RLO>fdp.exe" cannot pass itself off as "planexe.pdf" in the submission.
 */
function visibleName(name: string): string {
  return name.replace(/[\u202A-\u202E]/gu, '');
}

/** The answer as printed: shortened past MAX_FIELD_CHARS with a visible note and a warning. */
function printable(ctx: ReportContext, itemId: string, value: string): string {
  if (value.length <= MAX_FIELD_CHARS) return value;
  let cut = MAX_FIELD_CHARS;
  const space = value.lastIndexOf(' ', cut);
  if (space > cut - 200) cut = space;
  else if (/[\uD800-\uDBFF]/.test(value.charAt(cut - 1))) cut--;
  const omitted = value.length - cut;
  ctx.warnings.push({ code: 'truncated', itemId, omitted });
  return `${value.slice(0, cut)}\n${ctx.labels.t('truncated', { count: omitted })}`;
}
