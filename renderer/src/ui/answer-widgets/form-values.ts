/**
 * Between stored answers (core/draft/answers.ts shapes) and what the uncontrolled inputs hold
 * (strings, string lists, rows of strings). Item ids contain dots, which react-hook-form reads as
 * paths, so each item's field is keyed by its id with the dots replaced (ids never contain `_`).
 */
import { isAnswered } from '../../../../core/checklist/answer-presence';
import type { ChecklistItem, ChecklistPack, TableColumn } from '../../../../core/checklist/schema';
import type { UncacAnswer } from '../../../../core/draft/answers';

export type Cell = string;
export type Row = Record<string, Cell>;
export interface EvidenceValue {
  files: string[];
  links: { url: string; title: string }[];
}
export interface UncacValue {
  status: string;
  measures: string;
  examples: string;
  challenges: string;
  assistanceNeeded: string;
  assistanceTypes: string[];
  assistanceOther: string;
  assistanceDetails: string;
  assistanceReceived: string;
  assistanceReceivedFrom: string;
}
export type FieldValue = string | string[] | Row[] | EvidenceValue | UncacValue;
export type FormValues = Record<string, FieldValue>;

export const fieldKey = (itemId: string) => itemId.replaceAll('.', '_');
export const itemIdOf = (key: string) => key.replaceAll('_', '.');

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '');
const yesNo = (v: unknown) => (v === true ? 'yes' : v === false ? 'no' : '');
const fromYesNo = (v: unknown) => (v === 'yes' ? true : v === 'no' ? false : undefined);
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

function cellToForm(column: TableColumn, v: unknown): Cell {
  return column.type === 'yesno' ? yesNo(v) : str(v);
}

function cellToAnswer(column: TableColumn, v: Cell | undefined): string | number | boolean | null {
  const text = (v ?? '').trim();
  if (text === '') return null;
  if (column.type === 'number') return Number.isFinite(Number(text)) ? Number(text) : text;
  if (column.type === 'yesno') return fromYesNo(text) ?? null;
  return column.type === 'text' ? (v ?? '') : text;
}

/** The input value for an item from its stored answer (unanswered → empty). */
export function toFieldValue(item: ChecklistItem, answer: unknown): FieldValue {
  switch (item.type) {
    case 'status':
    case 'single':
    case 'text':
    case 'longtext':
    case 'number':
    case 'date':
      return str(answer);
    case 'yesno':
      return yesNo(answer);
    case 'multi':
      return strings(answer);
    case 'table':
      return (Array.isArray(answer) ? answer : []).map((row) => {
        const r = record(row);
        return Object.fromEntries(item.columns.map((c) => [c.id, cellToForm(c, r[c.id])]));
      });
    case 'evidence': {
      const e = record(answer);
      const links = (Array.isArray(e.links) ? e.links : []).map((l) => ({ url: str(record(l).url), title: str(record(l).title) }));
      return { files: strings(e.files), links };
    }
    case 'uncac': {
      const u = record(answer);
      return {
        status: str(u.status),
        measures: str(u.measures),
        examples: str(u.examples),
        challenges: str(u.challenges),
        assistanceNeeded: yesNo(u.assistanceNeeded),
        assistanceTypes: strings(u.assistanceTypes),
        assistanceOther: str(u.assistanceOther),
        assistanceDetails: str(u.assistanceDetails),
        assistanceReceived: yesNo(u.assistanceReceived),
        assistanceReceivedFrom: str(u.assistanceReceivedFrom),
      };
    }
  }
}

/**
 * The stored answer for an input value; `null` when nothing is given (the core then clears it).
 * A number the user is still typing ("1e") is kept as text so validation can say what is wrong.
 */
export function toAnswer(item: ChecklistItem, value: unknown): unknown {
  let answer: unknown;
  switch (item.type) {
    case 'status':
    case 'single':
    case 'date':
      answer = str(value).trim() || null;
      break;
    case 'text':
    case 'longtext':
      answer = str(value);
      break;
    case 'number': {
      const text = str(value).trim();
      answer = text === '' ? null : Number.isFinite(Number(text)) ? Number(text) : text;
      break;
    }
    case 'yesno':
      answer = fromYesNo(value) ?? null;
      break;
    case 'multi': {
      // A lone checkbox reports a boolean; a group reports the checked values.
      answer = Array.isArray(value) ? strings(value) : [];
      break;
    }
    case 'table':
      answer = (Array.isArray(value) ? value : []).map((row) => {
        const r = record(row) as Row;
        const out: Record<string, string | number | boolean | null> = {};
        for (const c of item.columns) {
          const cell = cellToAnswer(c, r[c.id]);
          if (cell !== null) out[c.id] = cell;
        }
        return out;
      }).filter((row) => Object.keys(row).length > 0);
      break;
    case 'evidence': {
      const e = record(value);
      const links = (Array.isArray(e.links) ? e.links : [])
        .map((l) => ({ url: str(record(l).url).trim(), title: str(record(l).title).trim() }))
        .filter((l) => l.url !== '')
        .map((l) => (l.title ? l : { url: l.url }));
      answer = { files: strings(e.files), links };
      break;
    }
    case 'uncac':
      answer = uncacAnswer(record(value));
      break;
  }
  return isAnswered(answer) ? answer : null;
}

/**
 * For each row of a table's stored answer, its row number on screen. A row left empty on screen is not
 * stored (toAnswer drops it), so "row 2" of the answer may be row 3 of the table being edited.
 */
export function screenRowNumbers(item: Extract<ChecklistItem, { type: 'table' }>, value: unknown): number[] {
  const numbers: number[] = [];
  (Array.isArray(value) ? value : []).forEach((row, index) => {
    const r = record(row) as Row;
    if (item.columns.some((c) => cellToAnswer(c, r[c.id]) !== null)) numbers.push(index + 1);
  });
  return numbers;
}

function uncacAnswer(u: Record<string, unknown>): UncacAnswer {
  const out: Record<string, unknown> = {};
  for (const key of ['status', 'measures', 'examples', 'challenges', 'assistanceOther', 'assistanceDetails', 'assistanceReceivedFrom'] as const) {
    const v = str(u[key]);
    if (v.trim() !== '') out[key] = key === 'status' ? v.trim() : v;
  }
  const needed = fromYesNo(u.assistanceNeeded);
  if (needed !== undefined) out.assistanceNeeded = needed;
  const types = strings(u.assistanceTypes);
  if (types.length > 0) out.assistanceTypes = types;
  const received = fromYesNo(u.assistanceReceived);
  if (received !== undefined) out.assistanceReceived = received;
  return out as UncacAnswer;
}

/** Every item's input value, from the stored answers. */
export function toFormValues(pack: ChecklistPack, answers: Readonly<Record<string, unknown>>): FormValues {
  const values: FormValues = {};
  for (const item of pack.sections.flatMap((s) => s.items)) values[fieldKey(item.id)] = toFieldValue(item, answers[item.id]);
  return values;
}
