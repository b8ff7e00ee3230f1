/** Every section and item, in order, with outline entries and the pages the contents point to. */
import { itemKey, sectionKey, STYLE, tag, type ReportContext } from './report-context';
import { itemLead, prepareItem } from './report-item';
import { heightOf } from './text/flow';

export { MAX_FIELD_CHARS } from './report-item';

const OUTLINE_CHARS = 90;
/** Space above a section heading that does not start a page. */
const SECTION_GAP = 10;

function outlineTitle(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= OUTLINE_CHARS ? flat : chars.slice(0, OUTLINE_CHARS - 1).join('') + '…';
}

/**
 * Writes every section and item. Between items it reports progress and lets the event loop run,
 * so a caller on the main thread (or a worker answering messages) stays responsive.
 *
 * Headings never end a page: a section heading keeps the start of its first item on its page, a
 * question its status line and the start of its answer (report-item.ts).
 */
export async function drawBody(ctx: ReportContext, onItem: (done: number) => void): Promise<void> {
  const { flow, doc, model } = ctx;
  flow.newPage();
  let done = 0;
  for (const [s, section] of model.sections.entries()) {
    const sect = tag(ctx, ctx.root, 'Sect').elem;
    const heading = flow.prepare(section.title, { size: STYLE.h1, weight: 700, color: STYLE.accent, gapAfter: 6 });
    const first = section.items[0] ? prepareItem(ctx, section.items[0]) : undefined;
    const keepNext = first ? itemLead(first) : 0;
    flow.ensure(SECTION_GAP + heightOf(heading) + keepNext);
    if (s > 0 && flow.y > flow.frame.top + 0.5) flow.space(SECTION_GAP);
    ctx.pageOf.set(sectionKey(s), flow.page + 1);
    doc.addNamedDestination(sectionKey(s), 'XYZ', null, flow.y, null);
    const bookmark = doc.outline.addItem(outlineTitle(section.title));
    flow.draw(heading, tag(ctx, sect, 'H1'), heading.layout.lines.length, keepNext);
    for (const [i, item] of section.items.entries()) {
      const key = itemKey(s, i);
      const prepared = i === 0 && first ? first : prepareItem(ctx, item);
      flow.ensure(itemLead(prepared));
      ctx.pageOf.set(key, flow.page + 1);
      doc.addNamedDestination(key, 'XYZ', null, flow.y, null);
      bookmark.addItem(outlineTitle(`${item.id} ${item.question}`));
      const div = tag(ctx, sect, 'Div').elem;
      flow.draw(prepared.question, tag(ctx, div, 'H2'), prepared.question.layout.lines.length, prepared.keepNext);
      for (const block of prepared.blocks) block.draw(div);
      flow.space(10);
      onItem(++done);
      if (done % 10 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}
