/**
 * A kept answer as plain text, to read and to copy: it belongs to a question no longer in the
 * checklist, so there is no widget to show it in. Lists one per line, a block's fields and a
 * table's cells as `name: value`.
 */
function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function answerText(value: unknown, words: { yes: string; no: string }): string {
  const scalar = (v: unknown): string => (v === true ? words.yes : v === false ? words.no : v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const fields = (r: Record<string, unknown>): string =>
    Object.entries(r)
      .filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.map((x) => (isRecord(x) ? Object.values(x).map(scalar).join(' ') : scalar(x))).join(', ') : scalar(v)}`)
      .join('\n');
  if (Array.isArray(value)) return value.map((entry) => (isRecord(entry) ? fields(entry).replace(/\n/g, '; ') : scalar(entry))).join('\n');
  if (isRecord(value)) return fields(value);
  return scalar(value);
}
