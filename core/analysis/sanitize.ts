/**
 * Text from submissions on its way into a spreadsheet cell, a CSV field or the PDF annex. Answers
 * are written by people in other institutions and arrive in signed bundles: signed is not the same
 * as harmless. A cell that starts with = + - @ is a formula to a spreadsheet that reads CSV (CSV
 * injection); characters XML 1.0 forbids would corrupt an XLSX; embedding and override controls
 * could make a cell read as something else.
 */

/** Excel's limit is 32,767 characters per cell; the rest of a longer answer is cut with a mark. */
export const MAX_CELL_CHARS = 32_000;

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;
const OVERRIDES = /[\u202A-\u202E]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Anything cleanText may change; most answers have none of it, and are returned as they are. */
const NEEDS_WORK = /[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF\u202A-\u202E\uD800-\uDFFF]/;

/** Text safe for any cell: line breaks as \n, no forbidden or override characters, no lone surrogate, at most `max` characters. */
export function cleanText(text: string, max = MAX_CELL_CHARS): string {
  if (text.length <= max && !NEEDS_WORK.test(text)) return text;
  let clean = text.replace(/\r\n?/g, '\n').replace(FORBIDDEN, '').replace(OVERRIDES, '').replace(LONE_SURROGATE, '\uFFFD');
  if (clean.length > max) {
    let cut = max - 1;
    if (/[\uD800-\uDBFF]/.test(clean.charAt(cut - 1))) cut--;
    clean = `${clean.slice(0, cut)}…`;
  }
  return clean;
}

/** Characters that make a spreadsheet read a CSV field as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a text would be taken for a formula if a spreadsheet read it from CSV. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * One CSV field (RFC 4180): text that a spreadsheet would take for a formula gets a leading
 * apostrophe (the usual defence, which Excel and LibreOffice show as text); fields with a comma,
 * quote or line break are quoted, quotes doubled. Numbers are written as numbers.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = cleanText(value);
  if (looksLikeFormula(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
