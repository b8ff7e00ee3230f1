/**
 * Table of contents with page numbers, in two steps: reserve() lays out every entry and adds the
 * pages they need before the body is written; fill() draws them once the body has told us where
 * each section and item starts. Entries are one line each, so the reserved space is exact.
 */
import { sectionKey, itemKey, STYLE, tag, type ReportContext } from './report-context';
import type { ParagraphLayout } from './text/engine';

const NUMBER_WIDTH = 36;
const ITEM_INDENT = 14;

interface Slot {
  key: string;
  page: number;
  y: number;
  indent: number;
  layout: ParagraphLayout;
  bold: boolean;
}

export interface TocPlan {
  slots: Slot[];
  toc: PDFKit.PDFStructureElement;
}

/** One line: the text shortened with an ellipsis at a word boundary if it would wrap. */
function oneLine(ctx: ReportContext, text: string, width: number, size: number, bold: boolean): ParagraphLayout {
  const style = { size, weight: bold ? (700 as const) : (400 as const) };
  const flat = text.replace(/\s+/g, ' ').trim();
  let layout = ctx.engine.layout(flat, width, style);
  if (layout.lines.length <= 1) return layout;
  const words = flat.split(' ');
  let lo = 1;
  let hi = words.length - 1;
  let best = ctx.engine.layout(Array.from(flat).slice(0, 20).join('') + '…', width, style);
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const candidate = ctx.engine.layout(words.slice(0, mid).join(' ') + ' …', width, style);
    if (candidate.lines.length <= 1) {
      best = candidate;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  layout = best;
  return layout;
}

export function reserveToc(ctx: ReportContext): TocPlan {
  const { flow, model, labels } = ctx;
  flow.newPage();
  flow.paragraph(labels.t('contents'), { size: STYLE.h1, weight: 700, color: STYLE.accent, gapAfter: 10 }, tag(ctx, ctx.root, 'H1'));
  const toc = tag(ctx, ctx.root, 'TOC').elem;
  const slots: Slot[] = [];
  const textWidth = flow.width - NUMBER_WIDTH;
  model.sections.forEach((section, s) => {
    const layout = oneLine(ctx, section.title, textWidth, STYLE.body, true);
    const items = section.items.map((item) => oneLine(ctx, `${item.id}  ${item.question}`, textWidth - ITEM_INDENT, STYLE.small, false));
    // a section's entry is a heading: its first item's entry stays on the same page
    flow.ensure(4 + layout.lineHeight + (items[0]?.lineHeight ?? 0));
    flow.space(4);
    slots.push({ key: sectionKey(s), page: flow.page, y: flow.y, indent: 0, layout, bold: true });
    flow.y += layout.lineHeight;
    section.items.forEach((_, i) => {
      const itemLayout = items[i];
      if (!itemLayout) return;
      flow.ensure(itemLayout.lineHeight);
      slots.push({ key: itemKey(s, i), page: flow.page, y: flow.y, indent: ITEM_INDENT, layout: itemLayout, bold: false });
      flow.y += itemLayout.lineHeight;
    });
  });
  return { slots, toc };
}

export function fillToc(ctx: ReportContext, plan: TocPlan): void {
  const { doc, flow, engine, labels } = ctx;
  const current = flow.page;
  for (const slot of plan.slots) {
    doc.switchToPage(slot.page);
    const target = ctx.pageOf.get(slot.key);
    const col = flow.column(slot.indent, flow.width - NUMBER_WIDTH - slot.indent);
    // one TOCI holding both the entry and its page number: a third of the objects of
    // TOCI > Reference + Lbl, which matters with hundreds of items (pdfkit has no object streams)
    const entry = tag(ctx, plan.toc, 'TOCI');
    flow.mark(entry, () => engine.drawLines(slot.layout, col.x, slot.y, 0, 1));
    if (target !== undefined) {
      const numberX = flow.rtl ? flow.frame.left : flow.frame.right - NUMBER_WIDTH;
      const number = engine.layout(labels.number(target), NUMBER_WIDTH, {
        size: slot.bold ? STYLE.body : STYLE.small,
        weight: slot.bold ? 700 : 400,
        align: 'end',
      });
      // the number sits on the text's baseline even when the two use different line heights
      const shift = slot.layout.ascent - number.ascent;
      flow.mark(entry, () => engine.drawLines(number, numberX, slot.y + shift));
      doc.goTo(flow.frame.left, slot.y, flow.width, slot.layout.lineHeight, slot.key);
    }
  }
  doc.switchToPage(current);
}
