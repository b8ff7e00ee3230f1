/**
 * One item of the body, measured before it is drawn: the question, then blocks (the status line,
 * each answer field with its label, each table with its caption, the attachments). Knowing each
 * block's height first is what lets a heading stay on the page of what it introduces.
 */
import { STYLE, tag, type ReportContext } from './report-context';
import type { ReportItem } from './report-model';
import { prepareTable, type TableSpec } from './report-table';
import { heightOf, leadOf, type FlowParagraph, type Prepared } from './text/flow';

/**
 * Longest answer text printed in full. A 10 MB answer would make thousands of pages; beyond this
 * the report says how much was left out and where the whole answer is (the submission bundle).
 */
export const MAX_FIELD_CHARS = 60_000;

/** Lines of an answer that stay on the page of its label. */
const KEEP_ANSWER_LINES = 2;

type Elem = PDFKit.PDFStructureElement;

export interface Block {
  /** Height the block needs at the bottom of a page to start there. */
  lead: number;
  /** The block is drawn whole on one page: what follows it must share its lead's page too. */
  whole: boolean;
  draw(div: Elem): void;
}

export interface PreparedItem {
  question: Prepared;
  blocks: Block[];
  /** What must fit below the question: the status line and the start of the first answer. */
  keepNext: number;
}

/** Height an item needs at the bottom of a page to start there. */
export function itemLead(item: PreparedItem): number {
  return heightOf(item.question) + item.keepNext;
}

export function prepareItem(ctx: ReportContext, item: ReportItem): PreparedItem {
  const question = ctx.flow.prepare(`${item.id}  ${item.question}`, { size: STYLE.h2, weight: 700, gapAfter: 2 });
  const blocks = itemBlocks(ctx, item);
  const [first, second] = blocks;
  const keepNext = first ? first.lead + (first.whole && second ? second.lead : 0) : 0;
  return { question, blocks, keepNext };
}

function paragraph(ctx: ReportContext, text: string, style: FlowParagraph, keep = 1): Block {
  const p = ctx.flow.prepare(text, style);
  const whole = keep >= p.layout.lines.length;
  return { lead: whole ? heightOf(p) : leadOf(p, keep), whole, draw: (div) => ctx.flow.draw(p, tag(ctx, div, 'P'), keep) };
}

/** A heading kept with the start of what follows it: a field label, a table caption. */
function headed(ctx: ReportContext, heading: string, style: FlowParagraph, type: string, next: { lead: number; draw(div: Elem): void }): Block {
  if (heading.trim() === '') return { lead: next.lead, whole: false, draw: next.draw };
  const p = ctx.flow.prepare(heading, style);
  return {
    lead: heightOf(p) + next.lead,
    whole: false,
    draw: (div) => {
      ctx.flow.draw(p, tag(ctx, div, type), p.layout.lines.length, next.lead);
      next.draw(div);
    },
  };
}

function itemBlocks(ctx: ReportContext, item: ReportItem): Block[] {
  const { flow, labels } = ctx;
  const { t } = labels;
  const meta = { size: STYLE.small, color: STYLE.muted, gapAfter: 4 };
  if (item.state === 'skipped') {
    const blocks = [paragraph(ctx, t('item.skipped'), { ...meta, weight: 700 })];
    if (item.skipReason) blocks.push(paragraph(ctx, `${t('item.skipReason')}: ${item.skipReason}`, meta, KEEP_ANSWER_LINES));
    return blocks;
  }
  // The status once, on its own line; an unanswered item says so once (the status line itself
  // when its status is "Unanswered", else one more line).
  const unanswered = t('item.unanswered');
  const statusIsUnanswered = item.state === 'unanswered' && sameText(item.statusLabel, unanswered);
  const blocks = [paragraph(ctx, `${t('item.status')}: ${item.statusLabel}`, { ...meta, weight: statusIsUnanswered ? 700 : 400 })];
  if (item.state === 'unanswered') {
    if (!statusIsUnanswered) blocks.push(paragraph(ctx, unanswered, { ...meta, weight: 700 }));
    return blocks;
  }
  if (item.state === 'invalid' && item.problems && item.problems.length > 0) {
    // What to correct, under the status and before the answer as written (which is printed whole).
    blocks.push(paragraph(ctx, `${t('item.toCorrect')}: ${item.problems.join(' ')}`, { ...meta, color: STYLE.danger, weight: 700 }, KEEP_ANSWER_LINES));
  }
  const label = { size: STYLE.small, weight: 700 as const, color: STYLE.muted };
  for (const field of item.fields) {
    const value = flow.prepare(printable(ctx, item.id, field.value), { size: STYLE.body, gapAfter: 6 });
    const answer = { lead: leadOf(value, KEEP_ANSWER_LINES), draw: (div: Elem) => flow.draw(value, tag(ctx, div, 'P'), KEEP_ANSWER_LINES) };
    blocks.push(headed(ctx, field.label, { ...label, gapAfter: 1 }, 'P', answer));
  }
  for (const table of item.tables) {
    const spec = { columns: table.columns, rows: table.rows.map((row) => row.map((cell) => printable(ctx, item.id, cell))) };
    blocks.push(headed(ctx, table.caption ?? '', { size: STYLE.small, weight: 700, gapAfter: 3 }, 'Caption', tableOf(ctx, spec)));
  }
  if (item.attachments.length > 0) {
    const spec: TableSpec = {
      columns: [t('attachment.name'), t('attachment.size'), t('attachment.sha256')],
      rows: item.attachments.map((a) => [a.name, labels.bytes(a.size), a.sha256]),
      weights: [5, 2.6, 4.4],
      directions: [undefined, undefined, 'ltr'],
      size: 8.5,
    };
    blocks.push(headed(ctx, t('item.attachments'), { ...label, gapAfter: 3 }, 'P', tableOf(ctx, spec)));
  }
  return blocks;
}

function tableOf(ctx: ReportContext, spec: TableSpec): { lead: number; draw(div: Elem): void } {
  const table = prepareTable(ctx, spec);
  return { lead: table.lead, draw: (div) => table.draw(div) };
}

function sameText(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
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
