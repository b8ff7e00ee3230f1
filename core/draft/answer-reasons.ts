/**
 * Why an answer does not fit its item, in words a user can act on: "enter a whole number", "row 2:
 * the final year of validity is before the year adopted", "300 characters over the limit". The
 * schema of answers.ts decides whether an answer is valid; this names what is wrong with one that is
 * not. Each reason is a key of `drafts:validation` with its params; column labels travel as
 * LocalizedText (`labels`) so each reader shows them in its own language.
 */
import { isAnswered } from '../checklist/answer-presence';
import type { LocalizedText } from '../checklist/localized';
import type { ChecklistItem, TableColumn } from '../checklist/schema';
import { ASSISTANCE_TYPES } from '../checklist/vocabulary';
import { cellsOutOfOrder, IsoDateSchema } from './answers';

export interface AnswerReason {
  /** `drafts:validation.<reason>`. */
  messageKey: string;
  params: Record<string, string | number>;
  /** Texts of the pack named in the message (`column`, `other`): shown in the reader's language. */
  labels?: Record<string, LocalizedText>;
  /** The bound is one a pack constraint may restate in its own words (then the constraint is shown instead). */
  bound?: boolean;
}

const reason = (key: string, params: Record<string, string | number> = {}, extra: Partial<AnswerReason> = {}): AnswerReason => ({
  messageKey: `drafts:validation.${key}`,
  params,
  ...extra,
});

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isDate = (v: unknown) => IsoDateSchema.safeParse(v).success;

/** A number against whole-number and bounds rules; `prefix` distinguishes a table cell's keys. */
function numberReasons(value: unknown, rules: { integer?: boolean | undefined; min?: number | undefined; max?: number | undefined }, prefix: '' | 'cell'): AnswerReason[] {
  const key = (k: string) => (prefix ? `${prefix}${k[0]?.toUpperCase()}${k.slice(1)}` : k);
  if (typeof value !== 'number' || !Number.isFinite(value)) return [reason(key('notANumber'))];
  const out: AnswerReason[] = [];
  if (rules.integer && !Number.isInteger(value)) out.push(reason(key('notWhole')));
  if (rules.min !== undefined && value < rules.min) out.push(reason(key('belowMin'), { min: rules.min }, { bound: true }));
  if (rules.max !== undefined && value > rules.max) out.push(reason(key('aboveMax'), { max: rules.max }, { bound: true }));
  return out;
}

function cellReasons(column: TableColumn, value: unknown): AnswerReason[] {
  if (value === null || value === undefined || value === '') return column.required ? [reason('cellRequired')] : [];
  switch (column.type) {
    case 'number':
      return numberReasons(value, column, 'cell');
    case 'date':
      return isDate(value) ? [] : [reason('cellBadDate')];
    case 'text':
      return typeof value === 'string' ? [] : [reason('cellInvalid')];
    case 'yesno':
      return typeof value === 'boolean' ? [] : [reason('cellInvalid')];
    case 'single':
      return (column.options ?? []).some((o) => o.id === value) ? [] : [reason('cellInvalid')];
  }
}

function tableReasons(item: Extract<ChecklistItem, { type: 'table' }>, value: unknown): AnswerReason[] {
  if (!Array.isArray(value)) return [];
  const out: AnswerReason[] = [];
  const rows = value.filter(isAnswered).length;
  if (item.maxRows !== undefined && rows > item.maxRows) out.push(reason('tooManyRows', { count: item.maxRows, rows }, { bound: true }));
  if (item.minRows !== undefined && rows < item.minRows) out.push(reason('tooFewRows', { count: item.minRows, rows }, { bound: true }));
  value.forEach((row, index) => {
    const at = { row: index + 1 };
    if (!isRecord(row)) return out.push(reason('rowInvalid', at));
    const known = new Set(item.columns.map((c) => c.id));
    if (Object.keys(row).some((k) => !known.has(k))) out.push(reason('rowInvalid', at));
    for (const column of item.columns) {
      for (const r of cellReasons(column, row[column.id])) {
        out.push({ ...r, params: { ...r.params, ...at, column: column.label.en, path: `[${index}].${column.id}` }, labels: { column: column.label } });
      }
    }
    for (const { column, other } of cellsOutOfOrder(item.columns, row)) {
      out.push(
        reason('cellBefore', { ...at, column: column.label.en, other: other.label.en, path: `[${index}].${column.id}` }, { labels: { column: column.label, other: other.label } }),
      );
    }
  });
  return out;
}

function choiceReasons(item: Extract<ChecklistItem, { type: 'multi' }>, value: unknown): AnswerReason[] {
  if (!Array.isArray(value)) return [];
  const out: AnswerReason[] = [];
  if (value.some((v) => !item.options.some((o) => o.id === v)) || new Set(value).size !== value.length) out.push(reason('unknownChoice'));
  if (item.minSelected !== undefined && value.length > 0 && value.length < item.minSelected) out.push(reason('tooFewChoices', { count: item.minSelected }, { bound: true }));
  if (item.maxSelected !== undefined && value.length > item.maxSelected) out.push(reason('tooManyChoices', { count: item.maxSelected }, { bound: true }));
  return out;
}

function evidenceReasons(value: unknown): AnswerReason[] {
  if (!isRecord(value)) return [];
  const links = Array.isArray(value.links) ? value.links : [];
  const out: AnswerReason[] = [];
  links.forEach((link, index) => {
    const url = isRecord(link) ? link.url : undefined;
    if (typeof url !== 'string' || !/^https?:\/\/[^\s/]+/i.test(url)) out.push(reason('badLink', { n: index + 1 }));
  });
  return out;
}

function uncacReasons(value: unknown): AnswerReason[] {
  if (!isRecord(value) || !Array.isArray(value.assistanceTypes)) return [];
  return value.assistanceTypes.some((t) => !(ASSISTANCE_TYPES as readonly unknown[]).includes(t)) ? [reason('unknownChoice')] : [];
}

/**
 * The reasons an answer that fails its item's schema does so. Empty when none can be named (a
 * hand-edited file of another shape): the caller then says only that the answer is not valid.
 */
export function answerReasons(item: ChecklistItem, value: unknown): AnswerReason[] {
  switch (item.type) {
    case 'number':
      return numberReasons(value, item, '');
    case 'text':
    case 'longtext':
      if (typeof value !== 'string' || value.length <= item.maxLength) return [];
      return [reason('tooLong', { count: value.length - item.maxLength, limit: item.maxLength })];
    case 'date':
      return isDate(value) ? [] : [reason('badDate')];
    case 'status':
    case 'single':
      return typeof value === 'string' ? [reason('unknownChoice')] : [];
    case 'multi':
      return choiceReasons(item, value);
    case 'yesno':
      return [];
    case 'table':
      return tableReasons(item, value);
    case 'evidence':
      return evidenceReasons(value);
    case 'uncac':
      return uncacReasons(value);
  }
}
