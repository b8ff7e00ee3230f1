/** The cover page, then focal points and contributing institutions. */
import { AUTONYMS } from '../i18n/languages';
import { STYLE, tag, type ReportContext } from './report-context';

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

export function drawPeople(ctx: ReportContext): void {
  const { flow, labels, model } = ctx;
  const { t } = labels;
  flow.newPage();
  const sect = tag(ctx, ctx.root, 'Sect').elem;
  flow.paragraph(t('focalPoints'), { size: STYLE.h1, weight: 700, color: STYLE.accent, gapAfter: 8 }, tag(ctx, sect, 'H1'), 2);
  if (model.focalPoints.length === 0) {
    flow.paragraph(t('noneListed'), { size: STYLE.body, gapAfter: 12 }, tag(ctx, sect, 'P'));
  } else {
    const list = tag(ctx, sect, 'L').elem;
    for (const person of model.focalPoints) {
      const li = tag(ctx, list, 'LI').elem;
      flow.paragraph(person.name, { size: STYLE.body, weight: 700 }, tag(ctx, li, 'LBody'), 2);
      const details = [person.role, person.institution, person.email, person.phone].filter((d): d is string => !!d && d.trim() !== '');
      for (const line of details) flow.paragraph(line, { size: STYLE.small, indent: 12 }, tag(ctx, li, 'LBody'));
      flow.space(6);
    }
  }
  flow.space(10);
  flow.paragraph(t('institutions'), { size: STYLE.h1, weight: 700, color: STYLE.accent, gapAfter: 8 }, tag(ctx, sect, 'H1'), 2);
  if (model.institutions.length === 0) {
    flow.paragraph(t('noneListed'), { size: STYLE.body }, tag(ctx, sect, 'P'));
    return;
  }
  const list = tag(ctx, sect, 'L').elem;
  for (const inst of model.institutions) {
    const li = tag(ctx, list, 'LI').elem;
    flow.paragraph(inst.name, { size: STYLE.body, weight: 700 }, tag(ctx, li, 'LBody'), 2);
    if (inst.contribution && inst.contribution.trim() !== '') flow.paragraph(inst.contribution, { size: STYLE.small, indent: 12 }, tag(ctx, li, 'LBody'));
    flow.space(5);
  }
}
