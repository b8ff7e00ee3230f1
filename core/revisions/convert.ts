/**
 * What one migration entry does to an answer: rename option ids, rename table columns, then convert
 * the shape as the pack says. A conversion either keeps everything the answer said or fails; a
 * failed conversion never loses the answer (the caller keeps it aside).
 */
import type { Conversion, MovedEntry } from '../checklist/migrations-schema';
import { isAnswered } from '../checklist/answer-presence';
import { UNCAC_FIELDS } from '../checklist/vocabulary';

export type Converted = { ok: true; value: unknown } | { ok: false };

const own = (record: Readonly<Record<string, string>>, key: string): string | undefined =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON with object keys sorted, so two equal answers compare equal whatever their key order. */
export function canonicalText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalText(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function renameOptions(value: unknown, renames: Readonly<Record<string, string>>): unknown {
  if (typeof value === 'string') return own(renames, value) ?? value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? (own(renames, v) ?? v) : v));
  return value;
}

function renameColumns(value: unknown, renames: Readonly<Record<string, string>>): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((row) => (isRecord(row) ? Object.fromEntries(Object.entries(row).map(([k, v]) => [own(renames, k) ?? k, v])) : row));
}

const NUMBER_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;

function toText(value: unknown): Converted {
  if (typeof value === 'string') return { ok: true, value };
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value: String(value) };
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return { ok: true, value: value.join(', ') };
  return { ok: false };
}

/** Apply one conversion; `{ok: false}` when it would lose or invent something. */
export function applyConversion(value: unknown, conversion: Conversion): Converted {
  switch (conversion.kind) {
    case 'wrap':
      return typeof value === 'string' ? { ok: true, value: [value] } : { ok: false };
    case 'unwrap':
      return Array.isArray(value) && value.length === 1 ? { ok: true, value: value[0] } : { ok: false };
    case 'map': {
      const key = canonicalText(value);
      const hit = conversion.values.find((v) => canonicalText(v.from) === key);
      return hit ? { ok: true, value: structuredClone(hit.to) } : { ok: false };
    }
    case 'toText':
      return toText(value);
    case 'toNumber':
      return typeof value === 'string' && NUMBER_TEXT.test(value) ? { ok: true, value: Number(value) } : { ok: false };
    case 'intoField':
      return { ok: true, value: { [conversion.field]: value } };
    case 'fromField': {
      if (!isRecord(value)) return { ok: false };
      const others = UNCAC_FIELDS.filter((f) => f !== conversion.field).some((f) => isAnswered(value[f]));
      const extra = Object.keys(value).some((k) => !(UNCAC_FIELDS as readonly string[]).includes(k));
      return others || extra ? { ok: false } : { ok: true, value: value[conversion.field] ?? null };
    }
  }
}

/** One step's entry applied to an answer: renames, then the conversion if any. */
export function applyEntry(value: unknown, entry: MovedEntry): Converted {
  let next = value;
  if (entry.options) next = renameOptions(next, entry.options);
  if (entry.columns) next = renameColumns(next, entry.columns);
  return entry.convert ? applyConversion(next, entry.convert) : { ok: true, value: next };
}
