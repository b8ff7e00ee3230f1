/**
 * Shortest edit script between two sequences of token ids (Myers' O(ND) algorithm). Texts and
 * tables are mapped to integer ids first, so comparing two tokens is one integer comparison.
 */

/** One run of the script: `a[aStart, aEnd)` kept, deleted, or `b[bStart, bEnd)` inserted. */
export interface EditRun {
  op: 'equal' | 'delete' | 'insert';
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/**
 * Past this many edits the two sequences have little in common and the search would cost memory
 * quadratic in the edit count; the middle is then reported as deleted and inserted whole.
 */
export const MAX_EDIT_DISTANCE = 1500;

type Step = 'equal' | 'delete' | 'insert';

function push(runs: EditRun[], op: Step, a: number, b: number): void {
  const last = runs[runs.length - 1];
  if (last && last.op === op) {
    if (op !== 'insert') last.aEnd = a + 1;
    if (op !== 'delete') last.bEnd = b + 1;
    return;
  }
  runs.push({ op, aStart: a, aEnd: op === 'insert' ? a : a + 1, bStart: b, bEnd: op === 'delete' ? b : b + 1 });
}

/** Myers on a[lo, lo+n) and b[lo, lo+m); null when more than `maxD` edits are needed. */
function myers(a: ArrayLike<number>, b: ArrayLike<number>, lo: number, n: number, m: number, maxD: number): Step[] | null {
  const max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] = V before step d, for diagonals -(d-1)..(d-1): all that the walk back reads.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    if (d > maxD) return null;
    trace.push(d === 0 ? new Int32Array(0) : v.slice(off - d + 1, off + d));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[off + k - 1] as number) < (v[off + k + 1] as number)) ? (v[off + k + 1] as number) : (v[off + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[lo + x] === b[lo + y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) return walkBack(trace, d, n, m);
    }
  }
  return null;
}

function walkBack(trace: Int32Array[], depth: number, n: number, m: number): Step[] {
  const steps: Step[] = [];
  let x = n;
  let y = m;
  for (let d = depth; d > 0; d--) {
    const t = trace[d] as Int32Array;
    const at = (k: number) => t[k + d - 1] as number;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      steps.push('equal');
      x--;
      y--;
    }
    if (x === prevX) {
      steps.push('insert');
      y--;
    } else {
      steps.push('delete');
      x--;
    }
  }
  for (; x > 0 && y > 0; x--, y--) steps.push('equal');
  return steps.reverse();
}

/** The edit runs turning `a` into `b`, in order; equal runs included. */
export function diffSequences(a: ArrayLike<number>, b: ArrayLike<number>, maxD = MAX_EDIT_DISTANCE): EditRun[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const n = a.length - prefix - suffix;
  const m = b.length - prefix - suffix;
  const runs: EditRun[] = [];
  if (prefix > 0) runs.push({ op: 'equal', aStart: 0, aEnd: prefix, bStart: 0, bEnd: prefix });
  const steps = n === 0 || m === 0 ? null : myers(a, b, prefix, n, m, maxD);
  if (steps) {
    let x = prefix;
    let y = prefix;
    for (const step of steps) {
      push(runs, step, x, y);
      if (step !== 'insert') x++;
      if (step !== 'delete') y++;
    }
  } else {
    if (n > 0) runs.push({ op: 'delete', aStart: prefix, aEnd: prefix + n, bStart: prefix, bEnd: prefix });
    if (m > 0) runs.push({ op: 'insert', aStart: prefix + n, aEnd: prefix + n, bStart: prefix, bEnd: prefix + m });
  }
  if (suffix > 0) runs.push({ op: 'equal', aStart: a.length - suffix, aEnd: a.length, bStart: b.length - suffix, bEnd: b.length });
  return runs;
}
