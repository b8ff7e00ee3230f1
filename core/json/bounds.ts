/**
 * Depth and size of a parsed JSON value, found without recursion. `JSON.parse` itself is iterative
 * and happily builds an array nested a million deep; zod's `z.json()`, `JSON.stringify` and any
 * recursive walk then overflow the stack (a `RangeError`, an HTTP 500). And pretty-printing is
 * quadratic in depth: 430 KB of answers nested 1,000 deep became a 380 MB draft. So every value from
 * outside is measured here, with an explicit stack and early exits, before anything recursive
 * touches it.
 */

/** A container's nesting: `"x"` has depth 0, `[]` and `{}` depth 1, `[[1]]` depth 2. */
export type JsonProblem = 'depth' | 'bytes' | 'notJson';

export type JsonMeasure = { ok: true; depth: number; bytes: number } | { ok: false; problem: JsonProblem };

export interface JsonBounds {
  /** Deepest nesting of arrays and objects allowed. */
  maxDepth: number;
  /** Largest size allowed of `JSON.stringify(value, null, 2)` in UTF-8 bytes; unbounded when absent. */
  maxBytes?: number;
  /** Indentation level the value sits at in its document (an answer sits at 2 in a draft). */
  level?: number;
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** UTF-8 bytes of `JSON.stringify(s)`: quotes, escapes and lone surrogates as JSON writes them. */
export function jsonStringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) n += 2;
    else if (c < 0x20) n += c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d ? 2 : 6;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n += 4;
        i++;
      } else n += 6;
    } else if (c >= 0xdc00 && c <= 0xdfff) n += 6;
    else n += 3;
  }
  return n;
}

/** Bytes of a scalar as JSON writes it, or -1 when it is not a JSON value. */
function scalarBytes(v: unknown): number {
  if (v === null) return 4;
  if (typeof v === 'string') return jsonStringBytes(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v).length : -1;
  if (typeof v === 'boolean') return v ? 4 : 5;
  return -1;
}

const isContainer = (v: unknown): v is object => typeof v === 'object' && v !== null;

/**
 * Measure `value` as `JSON.stringify(value, null, 2)` would write it at indentation `level`: its
 * deepest nesting and its exact size in UTF-8 bytes, stopping at the first bound crossed. Anything
 * that is not plain JSON (undefined, a function, a non-finite number, a class instance) is `notJson`.
 * Only containers go on the stack (three parallel arrays, no object per entry): scalars, most of
 * any document, are counted where they stand.
 */
export function measureJson(value: unknown, bounds: JsonBounds): JsonMeasure {
  const maxBytes = bounds.maxBytes ?? Number.POSITIVE_INFINITY;
  if (!isContainer(value)) {
    const n = scalarBytes(value);
    if (n < 0) return { ok: false, problem: 'notJson' };
    return n > maxBytes ? { ok: false, problem: 'bytes' } : { ok: true, depth: 0, bytes: n };
  }
  const values: object[] = [value];
  const levels: number[] = [bounds.level ?? 0];
  const depths: number[] = [1];
  let bytes = 0;
  let deepest = 0;
  while (values.length > 0) {
    const v = values.pop() as object;
    const level = levels.pop() as number;
    const depth = depths.pop() as number;
    if (depth > bounds.maxDepth) return { ok: false, problem: 'depth' };
    if (depth > deepest) deepest = depth;
    const array = Array.isArray(v);
    if (!array && !isPlainObject(v)) return { ok: false, problem: 'notJson' };
    const keys = array ? null : Object.keys(v);
    const count = array ? v.length : (keys as string[]).length;
    if (count === 0) bytes += 2;
    // `[` `\n`, each entry on its own indented line, `,\n` between, `\n`, the closing indent and `]`.
    else bytes += 4 + 2 * level + count * 2 * (level + 1) + 2 * (count - 1);
    for (let i = 0; i < count; i++) {
      let child: unknown;
      if (array) child = (v as unknown[])[i];
      else {
        const key = (keys as string[])[i] as string;
        bytes += jsonStringBytes(key) + 2;
        child = (v as Record<string, unknown>)[key];
      }
      if (isContainer(child)) {
        values.push(child);
        levels.push(level + 1);
        depths.push(depth + 1);
      } else {
        const n = scalarBytes(child);
        if (n < 0) return { ok: false, problem: 'notJson' };
        bytes += n;
      }
    }
    if (bytes > maxBytes) return { ok: false, problem: 'bytes' };
  }
  return { ok: true, depth: deepest, bytes };
}

/** Whether `value` nests arrays and objects no deeper than `maxDepth` (cheap: sizes are not counted). */
export function depthWithin(value: unknown, maxDepth: number): boolean {
  if (!isContainer(value)) return true;
  const values: object[] = [value];
  const depths: number[] = [1];
  while (values.length > 0) {
    const v = values.pop() as object;
    const depth = depths.pop() as number;
    if (depth > maxDepth) return false;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const child: unknown = v[i];
        if (isContainer(child)) {
          values.push(child);
          depths.push(depth + 1);
        }
      }
    } else {
      for (const key in v) {
        const child: unknown = (v as Record<string, unknown>)[key];
        if (isContainer(child)) {
          values.push(child);
          depths.push(depth + 1);
        }
      }
    }
  }
  return true;
}
