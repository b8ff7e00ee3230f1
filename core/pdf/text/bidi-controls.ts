/**
 * What the report does with the characters that change how text reads without being seen:
 * explicit bidi formatting and line breaks. Decided once here, for every string the engine lays
 * out (docs/pdf.md, "Invisible characters").
 */

/**
 * Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). Printed text follows the
 * data's characters in their implicit bidi order: "plan<RLO>fdp.exe" prints as "planfdp.exe",
 * and an override cannot reverse the words after it. The marks LRM, RLM and ALM stay: they only
 * decide where neutral characters go and cannot reverse letters.
 */
const EXPLICIT = /[\u202A-\u202E\u2066-\u2069]/u;
const EVERY_EXPLICIT = /[\u202A-\u202E\u2066-\u2069]/gu;

/** Every line break Unicode knows: CR LF, CR, LF, VT, FF, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR. */
const LINE_BREAKS = /\r\n|[\n\v\f\r\u0085\u2028\u2029]/gu;

/** The visible sign for a line break inside a one-line field (drawn with Noto Sans SC). */
export const LINE_BREAK_SIGN = '\u23CE';

export function withoutExplicitBidi(text: string): string {
  return EXPLICIT.test(text) ? text.replace(EVERY_EXPLICIT, '') : text;
}

/** Multi-line text: every kind of line break becomes '\n', the engine's paragraph separator. */
export function unifiedLineBreaks(text: string): string {
  return text.replace(LINE_BREAKS, '\n');
}

/**
 * A one-line field (a name, an e-mail address, a short answer, a table cell) as printed: a line
 * break in it is shown as ⏎, so "Jane Doe\nDirector" cannot pass for two separate lines of the
 * report.
 */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKS, LINE_BREAK_SIGN);
}
