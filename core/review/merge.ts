/**
 * Three-way merge of one suggestion with the focal point's current answer, against the base the
 * reviewer saw (DESIGN.md, "Internal review by ministries"):
 * - `clean`: the answer has not changed since the base; accepting writes the suggestion as it is;
 * - `merges`: both changed it, in different parts (UNCAC fields, table rows, choices, links);
 *   `merged` is the combination;
 * - `conflict`: the same part changed on both sides; `conflicts` lists base / yours / theirs and
 *   nothing is decided;
 * - `same`: the current answer already is the suggestion; `unchanged`: the suggestion is the base
 *   answer itself — in both cases there is nothing to apply.
 */
import type { ChecklistItem } from '../checklist/schema';
import { jsonEqual } from '../diff/equal';
import { isRow, type Row } from '../diff/rows';
import { mergeEvidence, mergeFields, mergeRows, mergeSets, type ConflictPart, type PartsMerge } from './merge-parts';
import { cachedAnswerSchema } from './item-schema';

export type { ConflictPart, ConflictWhere } from './merge-parts';

export const MERGE_STATUSES = ['clean', 'merges', 'conflict', 'same', 'unchanged'] as const;
export type MergeStatus = (typeof MERGE_STATUSES)[number];

export interface ItemMerge {
  status: MergeStatus;
  /** What accepting would write; absent on a conflict. */
  merged?: unknown;
  conflicts: ConflictPart[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isRows = (v: unknown): v is Row[] => Array.isArray(v) && v.every(isRow);

function whole(base: unknown, yours: unknown, theirs: unknown): ItemMerge {
  return { status: 'conflict', conflicts: [{ where: { kind: 'answer' }, base, yours, theirs }] };
}

/** Both sides changed a structured answer: merge its parts, when all three have the item's shape. */
function mergeParts(item: ChecklistItem | undefined, base: unknown, yours: unknown, theirs: unknown): PartsMerge<unknown> | null {
  const all = <T>(guard: (v: unknown) => v is T, empty: T): [T, T, T] | null => {
    const [b, y, t] = [base ?? empty, yours ?? empty, theirs ?? empty];
    return guard(b) && guard(y) && guard(t) ? [b, y, t] : null;
  };
  switch (item?.type) {
    case 'multi': {
      const s = all(isStrings, []);
      return s && { merged: mergeSets(...s, item.options.map((o) => o.id)), conflicts: [] };
    }
    case 'uncac': {
      const r = all(isRecord, {});
      return r && mergeFields(...r);
    }
    case 'evidence': {
      const r = all(isRecord, {});
      return r && mergeEvidence(...r);
    }
    case 'table': {
      const r = all(isRows, []);
      const first = item.columns[0];
      return r && mergeRows(...r, first?.type === 'text' ? first.id : undefined);
    }
    default:
      return null;
  }
}

/**
 * Merge `theirs` (a reviewer's suggested answer) into `yours` (the current answer) against `base`
 * (the answer in the revision the reviewer saw). Undefined: no answer. A merged result the item
 * would not accept (too many rows or choices) is a conflict on the whole answer.
 */
export function mergeAnswer(item: ChecklistItem | undefined, base: unknown, yours: unknown, theirs: unknown): ItemMerge {
  if (jsonEqual(theirs, yours)) return { status: 'same', merged: yours, conflicts: [] };
  if (jsonEqual(theirs, base)) return { status: 'unchanged', merged: yours, conflicts: [] };
  if (jsonEqual(yours, base)) return { status: 'clean', merged: theirs, conflicts: [] };
  const parts = mergeParts(item, base, yours, theirs);
  if (!parts) return whole(base, yours, theirs);
  if (parts.conflicts.length > 0) return { status: 'conflict', conflicts: parts.conflicts };
  if (item && !cachedAnswerSchema(item).safeParse(parts.merged).success) return whole(base, yours, theirs);
  return { status: 'merges', merged: parts.merged, conflicts: [] };
}
