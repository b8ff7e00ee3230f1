/**
 * "Consultations", after the contributing institutions: each institution consulted on the draft
 * before it was submitted (internal review, docs/formats/review.md), the person who answered, when
 * the copy was sent and the reply returned, and the verdict, as one table. The reader of the report
 * sees who was asked without opening the bundle's submission.json, which carries the same list.
 */
import { STYLE, tag, type ReportContext } from './report-context';
import { prepareTable } from './report-table';

/** Draws the section on the current page; nothing at all when nobody was consulted. */
export function drawConsultations(ctx: ReportContext): void {
  const { flow, labels, model } = ctx;
  if (model.consultations.length === 0) return;
  const { t } = labels;
  const table = prepareTable(ctx, {
    columns: [t('consultations.institution'), t('consultations.person'), t('consultations.sent'), t('consultations.returned'), t('consultations.verdict')],
    rows: model.consultations.map((c) => [
      c.institution,
      c.name ?? '',
      c.sentAt ? labels.date(c.sentAt) : '',
      labels.date(c.returnedAt),
      t(`consultations.verdicts.${c.verdict}`),
    ]),
    // Room for a long date ("November 30, 2026") on one line.
    weights: [4, 3.5, 3.5, 3.5, 3.5],
  });
  flow.space(10);
  const sect = tag(ctx, ctx.root, 'Sect').elem;
  const heading = flow.prepare(t('consultations.title'), { size: STYLE.h1, weight: 700, color: STYLE.accent, gapAfter: 8 });
  // The heading stays with the table's header row and first row.
  flow.draw(heading, tag(ctx, sect, 'H1'), Infinity, table.lead);
  table.draw(sect);
}
