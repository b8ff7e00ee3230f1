/**
 * What changed in one answer, in the shape of its item: words in a text, fields in a UNCAC block,
 * rows in a table, choices in a multiple choice, files and links in evidence; any other answer is
 * one value that changed. The same structure feeds the compare screen, the merge view and
 * `scsa diff`.
 */
import type { ChecklistItem } from '../checklist/schema';
import { UNCAC_FIELDS } from '../checklist/vocabulary';
import { jsonEqual } from './equal';
import { isRow, matchRows, type Row } from './rows';
import { diffText, type TextPart } from './text';

export interface TextChange {
  kind: 'text';
  parts: TextPart[];
}
export interface SetChange {
  kind: 'set';
  added: string[];
  removed: string[];
  kept: string[];
}
export interface ValueChange {
  kind: 'value';
  before: unknown;
  after: unknown;
}
export type FieldChange = TextChange | SetChange | ValueChange;
export interface FieldsChange {
  kind: 'fields';
  /** Only the fields that changed, in the block's display order. */
  fields: Array<{ field: string; change: FieldChange }>;
}
export interface CellChange {
  column: string;
  before: unknown;
  after: unknown;
  /** Word-level differences when both cells are text. */
  parts?: TextPart[];
}
export type RowChange =
  | { change: 'added'; index: number; row: Row }
  | { change: 'removed'; index: number; row: Row }
  | { change: 'moved'; from: number; index: number; row: Row }
  | { change: 'edited'; from: number; index: number; before: Row; after: Row; cells: CellChange[] };
export interface RowsChange {
  kind: 'rows';
  rows: RowChange[];
}
export interface Link {
  url: string;
  title?: string;
}
export interface EvidenceChange {
  kind: 'evidence';
  files: SetChange;
  links: { added: Link[]; removed: Link[]; retitled: Array<{ url: string; before?: string; after?: string }> };
}
export type AnswerChange = TextChange | SetChange | FieldsChange | RowsChange | EvidenceChange | ValueChange;

const TEXT_FIELDS = new Set(['measures', 'examples', 'challenges', 'assistanceOther', 'assistanceDetails', 'assistanceReceivedFrom']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** `order`: the option ids in the item's order, so lists read as the form shows them. */
export function diffSet(before: readonly string[], after: readonly string[], order: readonly string[] = []): SetChange {
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  const sort = (ids: string[]) => ids.sort((x, y) => rank(x) - rank(y));
  const a = new Set(before);
  const b = new Set(after);
  return {
    kind: 'set',
    added: sort([...b].filter((x) => !a.has(x))),
    removed: sort([...a].filter((x) => !b.has(x))),
    kept: sort([...a].filter((x) => b.has(x))),
  };
}

function diffValue(before: unknown, after: unknown): ValueChange {
  return { kind: 'value', before, after };
}

function diffField(field: string, before: unknown, after: unknown): FieldChange {
  if (TEXT_FIELDS.has(field) && (typeof before === 'string' || before === undefined) && (typeof after === 'string' || after === undefined)) {
    return { kind: 'text', parts: diffText(before ?? '', after ?? '') };
  }
  if (field === 'assistanceTypes' && (isStrings(before) || before === undefined) && (isStrings(after) || after === undefined)) {
    return diffSet(before ?? [], after ?? []);
  }
  return diffValue(before, after);
}

function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldsChange {
  const known: readonly string[] = UNCAC_FIELDS;
  const names = [...known, ...[...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !known.includes(k)).sort()];
  const fields: FieldsChange['fields'] = [];
  for (const field of names) {
    if (jsonEqual(before[field], after[field])) continue;
    fields.push({ field, change: diffField(field, before[field], after[field]) });
  }
  return { kind: 'fields', fields };
}

function diffCells(before: Row, after: Row, columns: readonly string[]): CellChange[] {
  const names = [...columns, ...[...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !columns.includes(k)).sort()];
  const cells: CellChange[] = [];
  for (const column of names) {
    const x = before[column];
    const y = after[column];
    if (jsonEqual(x, y)) continue;
    cells.push(typeof x === 'string' && typeof y === 'string' ? { column, before: x, after: y, parts: diffText(x, y) } : { column, before: x, after: y });
  }
  return cells;
}

/** Row-level differences of two tables; `columns` in the item's order, the first one naming a row. */
export function diffRows(before: readonly Row[], after: readonly Row[], columns: readonly string[] = [], identityColumn: string | null = columns[0] ?? null): RowsChange {
  const match = matchRows(before, after, identityColumn ?? undefined);
  const rows: RowChange[] = [];
  for (const i of match.removed) rows.push({ change: 'removed', index: i, row: before[i] as Row });
  let lastFrom = -1;
  const ordered = new Set<number>();
  // A kept row is "moved" only when it broke the order of the kept rows.
  for (const p of match.pairs) {
    if (p.from > lastFrom) {
      ordered.add(p.to);
      lastFrom = p.from;
    }
  }
  const byTo = new Map(match.pairs.map((p) => [p.to, p]));
  for (let j = 0; j < after.length; j++) {
    const p = byTo.get(j);
    if (!p) {
      rows.push({ change: 'added', index: j, row: after[j] as Row });
      continue;
    }
    const x = before[p.from] as Row;
    const y = after[j] as Row;
    if (!p.same) rows.push({ change: 'edited', from: p.from, index: j, before: x, after: y, cells: diffCells(x, y, columns) });
    else if (!ordered.has(j)) rows.push({ change: 'moved', from: p.from, index: j, row: y });
  }
  return { kind: 'rows', rows };
}

function asLinks(v: unknown): Link[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isRecord).map((l) => ({ url: String(l.url), ...(typeof l.title === 'string' ? { title: l.title } : {}) }));
}

function diffEvidence(before: Record<string, unknown>, after: Record<string, unknown>): EvidenceChange {
  const files = diffSet(isStrings(before.files) ? before.files : [], isStrings(after.files) ? after.files : []);
  const a = new Map(asLinks(before.links).map((l) => [l.url, l]));
  const b = new Map(asLinks(after.links).map((l) => [l.url, l]));
  const retitled: EvidenceChange['links']['retitled'] = [];
  for (const [url, l] of a) {
    const m = b.get(url);
    if (m && m.title !== l.title) retitled.push({ url, ...(l.title !== undefined ? { before: l.title } : {}), ...(m.title !== undefined ? { after: m.title } : {}) });
  }
  return {
    kind: 'evidence',
    files,
    links: { added: [...b.values()].filter((l) => !a.has(l.url)), removed: [...a.values()].filter((l) => !b.has(l.url)), retitled },
  };
}

/**
 * The structured difference between two answers to `item` (undefined: not answered). An answer
 * whose shape does not fit the item, or an item the checklist does not have, is compared as a value.
 */
export function diffAnswer(item: ChecklistItem | undefined, before: unknown, after: unknown): AnswerChange {
  switch (item?.type) {
    case 'text':
    case 'longtext':
      if ((typeof before === 'string' || before === undefined) && (typeof after === 'string' || after === undefined)) return { kind: 'text', parts: diffText(before ?? '', after ?? '') };
      break;
    case 'multi':
      if ((isStrings(before) || before === undefined) && (isStrings(after) || after === undefined)) return diffSet(before ?? [], after ?? [], item.options.map((o) => o.id));
      break;
    case 'uncac':
      if ((isRecord(before) || before === undefined) && (isRecord(after) || after === undefined)) return diffFields(before ?? {}, after ?? {});
      break;
    case 'table': {
      const rows = (v: unknown) => (v === undefined ? [] : Array.isArray(v) && v.every(isRow) ? (v as Row[]) : null);
      const x = rows(before);
      const y = rows(after);
      const columns = item.columns.map((c) => c.id);
      const first = item.columns[0];
      if (x && y) return diffRows(x, y, columns, first?.type === 'text' ? first.id : null);
      break;
    }
    case 'evidence':
      if ((isRecord(before) || before === undefined) && (isRecord(after) || after === undefined)) return diffEvidence(before ?? {}, after ?? {});
      break;
    default:
      break;
  }
  return diffValue(before, after);
}
