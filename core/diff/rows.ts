/**
 * Which row of one version of a table is which row of another. Table rows carry no id, so rows are
 * matched by what they hold: first identical rows in order, then identical rows moved elsewhere,
 * then rows naming the same thing in the first column (the city, the title…), then rows sharing at
 * least half of their filled cells. What is left was removed or added.
 */
import { jsonEqual, jsonKey } from './equal';
import { diffSequences } from './sequence';

export type Row = Readonly<Record<string, unknown>>;

/** A row of `a` and the row of `b` it became (`same`: not edited). */
export interface RowPair {
  from: number;
  to: number;
  same: boolean;
}

export interface RowMatch {
  /** Matched rows, in the order of `b`. */
  pairs: RowPair[];
  /** Indexes in `a` of rows with no counterpart in `b`. */
  removed: number[];
  /** Indexes in `b` of rows with no counterpart in `a`. */
  added: number[];
}

/** Least share of filled cells two rows must agree on to count as one row edited. */
export const SIMILAR_ROWS = 0.5;

export function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function filled(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '';
}

function identityOf(row: Row, column: string | undefined): string | null {
  const v = column === undefined ? undefined : row[column];
  return typeof v === 'string' && v.trim() !== '' ? v.normalize('NFC').trim().toLocaleLowerCase() : null;
}

function similarity(a: Row, b: Row): number {
  let shared = 0;
  let total = 0;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!filled(a[key]) && !filled(b[key])) continue;
    total++;
    if (jsonEqual(a[key], b[key])) shared++;
  }
  return total === 0 ? 1 : shared / total;
}

/**
 * Match the rows of two versions of a table. `identityColumn` is the column that names a row (the
 * table's first column when it is text); rows agreeing on it, and only on it, still pair up.
 */
export function matchRows(a: readonly Row[], b: readonly Row[], identityColumn?: string): RowMatch {
  const keys = new Map<string, number>();
  const idOf = (row: Row) => {
    const k = jsonKey(row);
    let id = keys.get(k);
    if (id === undefined) keys.set(k, (id = keys.size));
    return id;
  };
  const ka = Int32Array.from(a, idOf);
  const kb = Int32Array.from(b, idOf);
  const toOfA = new Int32Array(a.length).fill(-1);
  const fromOfB = new Int32Array(b.length).fill(-1);
  const pair = (i: number, j: number) => {
    toOfA[i] = j;
    fromOfB[j] = i;
  };
  for (const run of diffSequences(ka, kb)) {
    if (run.op === 'equal') for (let k = 0; k < run.aEnd - run.aStart; k++) pair(run.aStart + k, run.bStart + k);
  }
  const freeB = () => [...fromOfB.keys()].filter((j) => fromOfB[j] === -1);
  // Identical rows that moved.
  for (let i = 0; i < a.length; i++) {
    if (toOfA[i] !== -1) continue;
    const j = freeB().find((x) => kb[x] === ka[i]);
    if (j !== undefined) pair(i, j);
  }
  // Rows naming the same thing, when the name is unique on both sides among the unmatched rows.
  if (identityColumn !== undefined) {
    const count = (rows: readonly Row[], free: number[]) => {
      const m = new Map<string, number[]>();
      for (const i of free) {
        const id = identityOf(rows[i] as Row, identityColumn);
        if (id !== null) m.set(id, [...(m.get(id) ?? []), i]);
      }
      return m;
    };
    const inA = count(a, [...toOfA.keys()].filter((i) => toOfA[i] === -1));
    const inB = count(b, freeB());
    for (const [id, is] of inA) {
      const js = inB.get(id);
      if (is.length === 1 && js?.length === 1) pair(is[0] as number, js[0] as number);
    }
  }
  // Rows that share most of their filled cells, best pairs first.
  const candidates: Array<{ i: number; j: number; score: number }> = [];
  const restB = freeB();
  for (let i = 0; i < a.length; i++) {
    if (toOfA[i] !== -1) continue;
    for (const j of restB) {
      const score = similarity(a[i] as Row, b[j] as Row);
      if (score >= SIMILAR_ROWS) candidates.push({ i, j, score });
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  for (const c of candidates) if (toOfA[c.i] === -1 && fromOfB[c.j] === -1) pair(c.i, c.j);

  const pairs: RowPair[] = [];
  const added: number[] = [];
  fromOfB.forEach((i, j) => (i === -1 ? added.push(j) : pairs.push({ from: i, to: j, same: ka[i] === kb[j] })));
  const removed = [...toOfA.keys()].filter((i) => toOfA[i] === -1);
  return { pairs, removed, added };
}
