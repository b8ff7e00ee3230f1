/** The cover page, then focal points and contributing institutions. */
import { AUTONYMS } from '../i18n/languages';
import { STYLE, tag, type ReportContext } from './report-context';
import { heightOf, leadOf } from './text/flow';

export function drawCover(ctx: ReportContext): void {
  const { flow, labels, model } = ctx;
  const { t } = labels;
  const sect = tag(ctx, ctx.root, 'Sect').elem;
  flow.space(40);
  flow.paragraph(t('cover.kicker'), { size: 12, color: STYLE.accent, weight: 700, gapAfter: 4 }, tag(ctx, sect, 'P'));
  flow.paragraph(t('cover.mechanism'), { size: STYLE.small, color: STYLE.muted, gapAfter: 36 }, tag(ctx, sect, 'P'));
  flow.paragraph(model.title, { size: STYLE.title, weight: 700, gapAfter: 10 }, tag(ctx, sect, 'H1'));
  flow.paragraph(model.country, { size: 16, color: STYLE.accent, gapAfter: 36 }, tag(ctx, sect, 'P'));

  const statusText = t(model.status === 'draft' ? 'status.draft' : 'status.submitted');
  const rows: [string, string][] = [
    [t('cover.country'), model.country],
    [t('cover.checklist'), t('cover.checklistValue', { id: model.checklist.title ? `${model.checklist.title} (${model.checklist.id})` : model.checklist.id, version: model.checklist.version })],
    [t('cover.revision'), labels.number(model.revision)],
    [t('cover.date'), labels.date(model.date)],
    [t('cover.status'), statusText],
    ...model.coverDetails.map((d): [string, string] => [d.label, d.value]),
    [t('cover.language'), AUTONYMS[model.language]],
    [t('cover.author'), model.author],
  ];
  const labelWidth = flow.width * 0.32;
  const list = tag(ctx, sect, 'L').elem;
  for (const [label, value] of rows) {
    const li = tag(ctx, list, 'LI').elem;
    const valueLayout = ctx.engine.layout(value, flow.width - labelWidth, {
      size: STYLE.body,
      weight: value === statusText ? 700 : 400,
      color: value === statusText && model.status === 'draft' ? '#a61b1b' : '#000000',
    });
    const labelLayout = ctx.engine.layout(label, labelWidth - 8, { size: STYLE.small, color: STYLE.muted, weight: 700 });
    flow.ensure(valueLayout.lines.length * valueLayout.lineHeight);
    const top = flow.y;
    const labelCol = flow.column(0, labelWidth - 8);
    const valueCol = flow.column(labelWidth);
    flow.mark(tag(ctx, li, 'Lbl'), () => ctx.engine.drawLines(labelLayout, labelCol.x, top + 1.5));
    flow.mark(tag(ctx, li, 'LBody'), () => ctx.engine.drawLines(valueLayout, valueCol.x, top));
    flow.y = top + Math.max(valueLayout.lines.length * valueLayout.lineHeight, labelLayout.lines.length * labelLayout.lineHeight) + 6;
  }
}

/**
 * Focal points and contributing institutions. Each heading (the two titles, a person's or an
 * institution's name) stays on the page of the first line it introduces.
 */
export function drawPeople(ctx: ReportContext): void {
  const { flow, labels, model } = ctx;
  const { t } = labels;
  flow.newPage();
  const sect = tag(ctx, ctx.root, 'Sect').elem;
  const title = { size: STYLE.h1, weight: 700 as const, color: STYLE.accent, gapAfter: 8 };
  const none = { size: STYLE.body, gapAfter: 12 };
  const people = model.focalPoints.map((person) => entry(ctx, person.name, [person.role, person.institution, person.email, person.phone], 6));
  const heading = flow.prepare(t('focalPoints'), title);
  if (people.length === 0) {
    const empty = flow.prepare(t('noneListed'), none);
    flow.draw(heading, tag(ctx, sect, 'H1'), Infinity, leadOf(empty));
    flow.draw(empty, tag(ctx, sect, 'P'));
  } else {
    flow.draw(heading, tag(ctx, sect, 'H1'), Infinity, people[0]?.lead ?? 0);
    const list = tag(ctx, sect, 'L').elem;
    for (const person of people) person.draw(list);
  }
  flow.space(10);
  const institutions = model.institutions.map((inst) => entry(ctx, inst.name, [inst.contribution], 5));
  const heading2 = flow.prepare(t('institutions'), title);
  if (institutions.length === 0) {
    const empty = flow.prepare(t('noneListed'), { ...none, gapAfter: 0 });
    flow.draw(heading2, tag(ctx, sect, 'H1'), Infinity, leadOf(empty));
    flow.draw(empty, tag(ctx, sect, 'P'));
    return;
  }
  flow.draw(heading2, tag(ctx, sect, 'H1'), Infinity, institutions[0]?.lead ?? 0);
  const list = tag(ctx, sect, 'L').elem;
  for (const inst of institutions) inst.draw(list);
}

/** A list entry: a name in bold, kept with its first detail line, then the details. */
function entry(ctx: ReportContext, name: string, details: (string | undefined)[], gapAfter: number): { lead: number; draw(list: PDFKit.PDFStructureElement): void } {
  const { flow } = ctx;
  const head = flow.prepare(name, { size: STYLE.body, weight: 700 });
  const lines = details.filter((d): d is string => !!d && d.trim() !== '').map((d) => flow.prepare(d, { size: STYLE.small, indent: 12 }));
  const next = lines[0] ? leadOf(lines[0]) : 0;
  return {
    lead: heightOf(head) + next,
    draw(list) {
      const li = tag(ctx, list, 'LI').elem;
      flow.draw(head, tag(ctx, li, 'LBody'), Infinity, next);
      for (const line of lines) flow.draw(line, tag(ctx, li, 'LBody'));
      flow.space(gapAfter);
    },
  };
}
