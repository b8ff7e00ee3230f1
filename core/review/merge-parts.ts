/**
 * Three-way merges of the parts of structured answers — choices, UNCAC fields, table rows,
 * evidence links — against the base a reviewer saw. A part changed on one side only takes that
 * side; a part changed on both sides, differently, is a conflict and is never decided here.
 */
import { jsonEqual } from '../diff/equal';
import { matchRows, type Row } from '../diff/rows';
import { UNCAC_FIELDS } from '../checklist/vocabulary';

/** Where two changes collide. Row numbers are indexes in each side's table (absent: no such row there). */
export type ConflictWhere =
  | { kind: 'answer' }
  | { kind: 'field'; field: string }
  | { kind: 'row'; base?: number; yours?: number; theirs?: number }
  | { kind: 'link'; url: string };

export interface ConflictPart {
  where: ConflictWhere;
  base: unknown;
  yours: unknown;
  theirs: unknown;
}

export interface PartsMerge<T> {
  merged: T;
  conflicts: ConflictPart[];
}

/** One value: whichever side changed it, or a conflict when both did, differently. */
function pick(base: unknown, yours: unknown, theirs: unknown): { value: unknown; conflict: boolean } {
  if (jsonEqual(yours, theirs) || jsonEqual(theirs, base)) return { value: yours, conflict: false };
  if (jsonEqual(yours, base)) return { value: theirs, conflict: false };
  return { value: yours, conflict: true };
}

/**
 * Choices: yours, plus what they added, minus what they removed. Two sides can never both add and
 * remove the same choice, so sets always merge. `order`: option ids in the item's order.
 */
export function mergeSets(base: readonly string[], yours: readonly string[], theirs: readonly string[], order: readonly string[] = []): string[] {
  const b = new Set(base);
  const t = new Set(theirs);
  const out = yours.filter((x) => !b.has(x) || t.has(x));
  for (const x of theirs) if (!b.has(x) && !out.includes(x)) out.push(x);
  if (order.length === 0) return out;
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  return out.sort((x, y) => rank(x) - rank(y));
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** A UNCAC block field by field; the list of assistance types merges as a set. */
export function mergeFields(base: Record<string, unknown>, yours: Record<string, unknown>, theirs: Record<string, unknown>): PartsMerge<Record<string, unknown>> {
  const known: readonly string[] = UNCAC_FIELDS;
  const extra = [...new Set([...Object.keys(base), ...Object.keys(yours), ...Object.keys(theirs)])].filter((k) => !known.includes(k)).sort();
  const merged: Record<string, unknown> = {};
  const conflicts: ConflictPart[] = [];
  for (const field of [...known, ...extra]) {
    const [b, y, t] = [base[field], yours[field], theirs[field]];
    let value: unknown;
    if (field === 'assistanceTypes' && [b, y, t].every((v) => v === undefined || isStrings(v)) && !jsonEqual(y, t) && !jsonEqual(t, b) && !jsonEqual(y, b)) {
      value = mergeSets((b as string[]) ?? [], (y as string[]) ?? [], (t as string[]) ?? []);
    } else {
      const p = pick(b, y, t);
      if (p.conflict) conflicts.push({ where: { kind: 'field', field }, base: b, yours: y, theirs: t });
      value = p.value;
    }
    if (value !== undefined) merged[field] = value;
  }
  return { merged, conflicts };
}

type Fate = { kind: 'kept' | 'edited'; at: number } | { kind: 'removed' };

function fates(base: readonly Row[], side: readonly Row[], identity: string | undefined): { of: Fate[]; added: number[]; baseOf: Map<number, number> } {
  const m = matchRows(base, side, identity);
  const of: Fate[] = base.map(() => ({ kind: 'removed' }));
  const baseOf = new Map<number, number>();
  for (const p of m.pairs) {
    of[p.from] = { kind: p.same ? 'kept' : 'edited', at: p.to };
    baseOf.set(p.to, p.from);
  }
  return { of, added: m.added, baseOf };
}

/**
 * A table row by row. Rows are matched to the base by content (core/diff/rows.ts). A row edited on
 * one side takes that edit; removed on one side and untouched on the other, it goes; edited on both
 * sides differently, or edited on one and removed on the other, it is a conflict (the result keeps
 * your version of it). Rows added on either side are all kept; theirs go after the row they follow.
 */
export function mergeRows(base: readonly Row[], yours: readonly Row[], theirs: readonly Row[], identity?: string): PartsMerge<Row[]> {
  const y = fates(base, yours, identity);
  const t = fates(base, theirs, identity);
  const conflicts: ConflictPart[] = [];
  // What becomes of each base row: the row to write in its place, or null when it goes.
  const result = base.map((row, i): Row | null => {
    const fy = y.of[i] as Fate;
    const ft = t.of[i] as Fate;
    const rowY = fy.kind === 'removed' ? undefined : (yours[fy.at] as Row);
    const rowT = ft.kind === 'removed' ? undefined : (theirs[ft.at] as Row);
    const p = pick(row, rowY, rowT);
    if (p.conflict) {
      conflicts.push({
        where: { kind: 'row', base: i, ...(fy.kind !== 'removed' ? { yours: fy.at } : {}), ...(ft.kind !== 'removed' ? { theirs: ft.at } : {}) },
        base: row,
        yours: rowY,
        theirs: rowT,
      });
    }
    return (p.value as Row | undefined) ?? null;
  });
  // Their new rows, grouped after the base row they follow in their table (-1: at the top).
  const after = new Map<number, Row[]>();
  const present = new Set<number>([...y.baseOf.values()]);
  for (const k of t.added) {
    const row = theirs[k] as Row;
    if (y.added.some((j) => jsonEqual(yours[j], row))) continue;
    let anchor = -1;
    for (let q = k - 1; q >= 0; q--) {
      const b = t.baseOf.get(q);
      if (b !== undefined && present.has(b)) {
        anchor = b;
        break;
      }
    }
    after.set(anchor, [...(after.get(anchor) ?? []), row]);
  }
  const merged: Row[] = [...(after.get(-1) ?? [])];
  yours.forEach((row, j) => {
    const b = y.baseOf.get(j);
    if (b === undefined) merged.push(row);
    else {
      const kept = result[b];
      if (kept) merged.push(kept);
      merged.push(...(after.get(b) ?? []));
    }
  });
  return { merged, conflicts };
}

interface LinkLike {
  url: string;
  [key: string]: unknown;
}

const links = (v: unknown): LinkLike[] =>
  Array.isArray(v) ? v.filter((l): l is LinkLike => typeof l === 'object' && l !== null && typeof (l as LinkLike).url === 'string') : [];

/** Evidence: files merge as a set, links by their address. */
export function mergeEvidence(base: Record<string, unknown>, yours: Record<string, unknown>, theirs: Record<string, unknown>): PartsMerge<Record<string, unknown>> {
  const files = mergeSets(isStrings(base.files) ? base.files : [], isStrings(yours.files) ? yours.files : [], isStrings(theirs.files) ? theirs.files : []);
  const [b, y, t] = [links(base.links), links(yours.links), links(theirs.links)].map((l) => new Map(l.map((x) => [x.url, x]))) as [
    Map<string, LinkLike>,
    Map<string, LinkLike>,
    Map<string, LinkLike>,
  ];
  const conflicts: ConflictPart[] = [];
  const out: LinkLike[] = [];
  for (const url of new Set([...y.keys(), ...t.keys(), ...b.keys()])) {
    const p = pick(b.get(url), y.get(url), t.get(url));
    if (p.conflict) conflicts.push({ where: { kind: 'link', url }, base: b.get(url), yours: y.get(url), theirs: t.get(url) });
    if (p.value !== undefined) out.push(p.value as LinkLike);
  }
  return { merged: { files, links: out }, conflicts };
}
