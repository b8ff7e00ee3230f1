/** The tables of answers as written: free text per item, and the rows of every table item, each with its country. */
import { localize } from '../checklist/localized';
import type { ChecklistItem, TableColumn } from '../checklist/schema';
import type { UncacField } from '../checklist/vocabulary';
import { directionOf } from '../i18n/languages';
import type { CountryRef, TableCell } from './model';
import { cleanText } from './sanitize';
import { col, type ExportCell, type ExportColumn, type ExportTable, type TableContext } from './tables';

function countryColumns(ctx: TableContext): ExportColumn[] {
  const { t } = ctx.labels;
  return [col('country', t('columns.country'), 'country', 24), col('iso3', t('columns.iso3'), 'code', 8), col('responseLanguage', t('columns.responseLanguage'), 'label', 14)];
}

const countryCells = (ctx: TableContext, c: CountryRef): ExportCell[] => [c.name, c.code, ctx.labels.languageName(c.responseLanguage)];

function freeText(ctx: TableContext): ExportTable {
  const { labels, pack } = ctx;
  const { t } = labels;
  const fieldLabel = (field: string | null): string => (field === null ? '' : localize(pack.pack.labels.uncac[field as UncacField], labels.language).text);
  return {
    id: 'free-text',
    title: t('tables.freeText'),
    columns: [
      col('item', t('columns.item'), 'code', 7),
      col('question', t('columns.question'), 'label', 36),
      col('field', t('columns.field'), 'label', 18),
      ...countryColumns(ctx),
      col('text', t('columns.text'), 'text', 80),
    ],
    rows: ctx.model.freeText.map((e) => ({
      cells: [e.itemId, ctx.question(e.itemId), fieldLabel(e.field), ...countryCells(ctx, e.country), cleanText(e.text)],
      rtl: directionOf(e.country.responseLanguage) === 'rtl',
    })),
  };
}

/** A cell of a country's table as the reader expects it: an option's label, yes/no, the number, the text as written. */
function cellOf(ctx: TableContext, column: TableColumn, value: TableCell | undefined): ExportCell {
  if (value === null || value === undefined) return null;
  if (column.type === 'number') return typeof value === 'number' ? value : null;
  if (column.type === 'yesno' || typeof value === 'boolean') return value === true ? ctx.labels.t('yes') : value === false ? ctx.labels.t('no') : null;
  if (column.type === 'single') {
    const option = (column.options ?? []).find((o) => o.id === value);
    return option ? localize(option.label, ctx.labels.language).text : cleanText(String(value));
  }
  return cleanText(String(value));
}

function tableItem(ctx: TableContext, item: Extract<ChecklistItem, { type: 'table' }>): ExportTable {
  const rows = ctx.model.tables.find((t) => t.itemId === item.id)?.rows ?? [];
  return {
    id: `item-${item.id}`,
    title: `${item.id} ${ctx.question(item.id)}`,
    columns: [
      ...countryColumns(ctx),
      ...item.columns.map((c) => col(`cell.${c.id}`, localize(c.label, ctx.labels.language).text, c.type === 'text' ? 'text' : 'answer', c.type === 'text' ? 30 : 14)),
    ],
    rows: rows.map((r) => ({
      cells: [...countryCells(ctx, r.country), ...item.columns.map((c) => cellOf(ctx, c, r.cells[c.id]))],
      rtl: directionOf(r.country.responseLanguage) === 'rtl',
    })),
  };
}

export function answerTables(ctx: TableContext): ExportTable[] {
  const items = [...ctx.pack.items.values()].filter((i): i is Extract<ChecklistItem, { type: 'table' }> => i.type === 'table');
  return [freeText(ctx), ...items.map((item) => tableItem(ctx, item))];
}
