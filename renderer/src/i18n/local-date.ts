// Calendar dates typed and shown the way the interface language writes them ("17/05/2024" in French,
// "17.05.2024" in Russian, "2024/05/17" in Chinese), while answers keep ISO dates (YYYY-MM-DD). The
// browser's own date field cannot do this: it follows the browser's or the system's locale, so a
// French interface on an English system showed 05/17/2024.

type Part = 'day' | 'month' | 'year';

interface Pattern {
  /** The order of day, month and year in this language's short numeric date. */
  order: readonly Part[];
  format: Intl.DateTimeFormat;
}

const patterns = new Map<string, Pattern>();

// Bidirectional marks Intl puts around the separators of Arabic dates: invisible, and they would
// make the typed text differ from what is shown.
const MARKS = /[\u200e\u200f\u061c]/g;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function pattern(lng: string): Pattern {
  let found = patterns.get(lng);
  if (!found) {
    const format = new Intl.DateTimeFormat(lng, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
    const order = format
      .formatToParts(Date.UTC(2024, 11, 31))
      .map((p) => p.type)
      .filter((type): type is Part => type === 'day' || type === 'month' || type === 'year');
    found = { order: order.length === 3 ? order : ['year', 'month', 'day'], format };
    patterns.set(lng, found);
  }
  return found;
}

/** Western digits for the Arabic-Indic and Persian ones a keyboard may type. */
function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.codePointAt(0) ?? 0) & 0xf));
}

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** An ISO date (YYYY-MM-DD) written as the language writes short dates; anything else as it is. */
export function formatLocalDate(iso: string, lng: string): string {
  const m = ISO.exec(iso);
  if (!m || isoOf(Number(m[1]), Number(m[2]), Number(m[3])) === null) return iso;
  return pattern(lng).format.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).replace(MARKS, '');
}

/**
 * The ISO date a user typed, in the language's order of day, month and year with any separator
 * ("17/5/2024", "17.05.2024", Arabic-Indic digits), or as an ISO date; null when it is not a real
 * calendar date with a four-digit year (no guessing of centuries or of the order).
 */
export function parseLocalDate(text: string, lng: string): string | null {
  const clean = westernDigits(text.replace(MARKS, '')).trim();
  const iso = ISO.exec(clean) ?? /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(clean);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  // Three groups of digits with short separators between them ("/", ".", "-", " / ", "年"…).
  const groups = /^(\d{1,4})\D{1,3}(\d{1,4})\D{1,3}(\d{1,4})\D?$/.exec(clean);
  if (!groups) return null;
  const value: Partial<Record<Part, string>> = {};
  pattern(lng).order.forEach((part, i) => (value[part] = groups[i + 1]));
  if (value.year?.length !== 4) return null;
  return isoOf(Number(value.year), Number(value.month), Number(value.day));
}

/** The last day of 2024 written the language's way: an example no reader can take day for month in. */
export function localDateExample(lng: string): string {
  return formatLocalDate('2024-12-31', lng);
}
