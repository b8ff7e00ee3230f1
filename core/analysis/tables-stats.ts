/** The statistical tables: one row per item, option or type, counts over all countries with their denominators. */
import { localize } from '../checklist/localized';
import { ASSISTANCE_TYPES, STATUS_VALUES } from '../checklist/vocabulary';
import { needsPriorityColumn, needsTypeColumn } from './assistance';
import type { ChecklistItem, TableColumn } from '../checklist/schema';
import type { Denominator } from './model';
import { col, type ExportColumn, type ExportTable, type TableContext } from './tables';

function denominatorColumns(ctx: TableContext): ExportColumn[] {
  const { t } = ctx.labels;
  const columns = [col('answered', t('columns.answered'), 'count', 11), col('skipped', t('columns.skipped'), 'count', 14), col('notAnswered', t('columns.notAnswered'), 'count', 11)];
  return ctx.model.versions ? [...columns, col('otherVersion', t('columns.otherVersion'), 'count', 14)] : columns;
}

/** The denominator's cells; across versions also the countries whose version did not ask the item. */
const denominatorCells = (ctx: TableContext, d: Denominator): number[] =>
  ctx.model.versions ? [d.answered, d.skipped, d.notAnswered, d.otherVersion ?? 0] : [d.answered, d.skipped, d.notAnswered];

function itemColumns(ctx: TableContext): ExportColumn[] {
  const { t } = ctx.labels;
  return [col('item', t('columns.item'), 'code', 7), col('question', t('columns.question'), 'label', 50)];
}

function coverage(ctx: TableContext): ExportTable {
  const { t } = ctx.labels;
  return {
    id: 'coverage',
    title: t('tables.coverage'),
    columns: [...itemColumns(ctx), ...denominatorColumns(ctx), col('countries', t('columns.countries'), 'count', 12)],
    rows: ctx.model.coverage.map((r) => ({ cells: [r.itemId, ctx.question(r.itemId), ...denominatorCells(ctx, r.denominator), ctx.model.statisticsCount] })),
  };
}

function status(ctx: TableContext): ExportTable {
  const { labels, pack } = ctx;
  const statusLabel = (v: (typeof STATUS_VALUES)[number]) => localize(pack.pack.labels.status[v], labels.language).text;
  return {
    id: 'status',
    title: labels.t('tables.status'),
    columns: [...itemColumns(ctx), ...STATUS_VALUES.map((v) => col(`status.${v}`, statusLabel(v), 'count', 12)), ...denominatorColumns(ctx)],
    rows: ctx.model.status.map((r) => ({ cells: [r.itemId, ctx.question(r.itemId), ...STATUS_VALUES.map((v) => r.counts[v]), ...denominatorCells(ctx, r.denominator)] })),
  };
}

function optionLabel(ctx: TableContext, item: ChecklistItem | undefined, id: string): string {
  if (item && (item.type === 'single' || item.type === 'multi')) {
    const option = item.options.find((o) => o.id === id);
    if (option) return localize(option.label, ctx.labels.language).text;
  }
  return id === 'yes' ? ctx.labels.t('yes') : id === 'no' ? ctx.labels.t('no') : id;
}

function choices(ctx: TableContext): ExportTable {
  const { t } = ctx.labels;
  return {
    id: 'choices',
    title: t('tables.choices'),
    columns: [...itemColumns(ctx), col('option', t('columns.option'), 'label', 40), col('count', t('columns.count'), 'count', 12), ...denominatorColumns(ctx)],
    rows: ctx.model.choices.flatMap((r) => {
      const item = ctx.pack.items.get(r.itemId);
      return r.options.map((o) => ({ cells: [r.itemId, ctx.question(r.itemId), optionLabel(ctx, item, o.id), o.count, ...denominatorCells(ctx, r.denominator)] }));
    }),
  };
}

function numbers(ctx: TableContext): ExportTable {
  const { t } = ctx.labels;
  return {
    id: 'numbers',
    title: t('tables.numbers'),
    columns: [
      ...itemColumns(ctx),
      ...denominatorColumns(ctx),
      col('min', t('columns.min'), 'statistic', 12),
      col('median', t('columns.median'), 'statistic', 12),
      col('max', t('columns.max'), 'statistic', 12),
    ],
    rows: ctx.model.numbers.map((r) => ({ cells: [r.itemId, ctx.question(r.itemId), ...denominatorCells(ctx, r.denominator), r.min, r.median, r.max] })),
  };
}

/** The needs table (H.2) and its priority column, found by their shape in the pack. */
function needsTable(ctx: TableContext): { item: ChecklistItem; priority: TableColumn | undefined } | null {
  const item = [...ctx.pack.items.values()].find((i) => needsTypeColumn(i) !== undefined);
  return item ? { item, priority: needsPriorityColumn(item) } : null;
}

function assistanceTypes(ctx: TableContext): ExportTable {
  const { labels, pack } = ctx;
  const { t } = labels;
  const needs = needsTable(ctx);
  const priorities = [...(needs?.priority?.options ?? []).map((o) => ({ id: o.id, label: localize(o.label, labels.language).text })), { id: '', label: t('unspecified') }];
  const priorityColumns = needs
    ? priorities.map((p) => col(`rows.${p.id || 'unspecified'}`, t('columns.tableRows', { item: needs.item.id, priority: p.label }), 'count', 14))
    : [];
  return {
    id: 'assistance-types',
    title: t('tables.assistanceTypes'),
    columns: [col('type', t('columns.assistanceType'), 'label', 34), col('countries', t('columns.typeCountries'), 'count', 14), col('itemMentions', t('columns.itemMentions'), 'count', 14), ...priorityColumns],
    rows: ctx.model.assistanceTypes.map((r) => ({
      cells: [
        localize(pack.pack.labels.assistanceTypes[r.type], labels.language).text,
        r.countries,
        r.itemMentions,
        ...(needs ? priorities.map((p) => r.tableRows[p.id] ?? 0) : []),
      ],
    })),
  };
}

function assistanceItems(ctx: TableContext): ExportTable {
  const { labels, pack } = ctx;
  const { t } = labels;
  return {
    id: 'assistance-items',
    title: t('tables.assistanceItems'),
    columns: [
      ...itemColumns(ctx),
      col('needed', t('columns.needed'), 'count', 12),
      col('notNeeded', t('columns.notNeeded'), 'count', 12),
      ...denominatorColumns(ctx),
      ...ASSISTANCE_TYPES.map((type) => col(`type.${type}`, localize(pack.pack.labels.assistanceTypes[type], labels.language).text, 'count', 14)),
    ],
    rows: ctx.model.assistanceItems.map((r) => ({
      cells: [r.itemId, ctx.question(r.itemId), r.needed, r.notNeeded, ...denominatorCells(ctx, r.denominator), ...ASSISTANCE_TYPES.map((type) => r.types[type])],
    })),
  };
}

export function statisticTables(ctx: TableContext): ExportTable[] {
  return [coverage(ctx), status(ctx), choices(ctx), numbers(ctx), assistanceTypes(ctx), assistanceItems(ctx)];
}
