/**
 * Telephone numbers, e-mail addresses, URLs and codes read left to right, whole, inside
 * right-to-left text.
 *
 * The bidi algorithm alone gets them wrong in an Arabic paragraph: in "+212 5 37 00 00 00" each
 * group of digits is its own European-number run and the spaces between them take the paragraph's
 * direction, so the groups come out right to left ("00 00 00 37 5 212+"); "12-AB-34" becomes
 * "34-AB-12"; a URL ending in "/" gets its slash on the wrong side. Each such token is wrapped in
 * LRI … PDI before the levels are computed (UAX #9 isolates: the token is laid out as a
 * left-to-right unit and counts as one neutral character outside). The two controls are never
 * drawn (bidi-lines.ts) nor measured (engine.ts).
 */
import type { FontAssignment } from './font-runs';
import { RTL_SCRIPT } from './bidi-lines';

const LRI = '\u2066';
const PDI = '\u2069';

const DIGIT = '[0-9\\u0660-\\u0669\\u06F0-\\u06F9]';
const SPACE = '[ \\u00A0\\u202F]';
const SEP = '[-./ \\u00A0\\u202F]';
const TOKEN = new RegExp(
  [
    // URL: up to white space or a right-to-left letter; trailing punctuation trimmed below
    String.raw`(?:https?|ftp)://[^\s<>"\p{Script=Arabic}\p{Script=Hebrew}]+|www\.[^\s<>"\p{Script=Arabic}\p{Script=Hebrew}]+`,
    // e-mail address
    String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+`,
    // an acronym and its number: "SDG 11.7.2", "ISO 37120"
    String.raw`[A-Z][A-Z0-9]+${SPACE}${DIGIT}+(?:[-./]${DIGIT}+)*`,
    // a code of Latin letters and digits joined by punctuation: "12-AB-34", "RUS-2026-0007"
    String.raw`[A-Za-z0-9]+(?:[-_./:][A-Za-z0-9]+)+`,
    // groups of digits: a telephone number, a number grouped with spaces; a bracket only as a
    // whole group, "(0)" or "(+212)", so an answer's own brackets are never split
    String.raw`(?:\+|\(\+?${DIGIT}+\)${SEP}?)?${DIGIT}+(?:(?:${SEP}|${SEP}?\(${DIGIT}+\)${SEP}?)${DIGIT}+)*`,
  ].join('|'),
  'gu',
);
/** Worth looking for tokens at all: digits, an at sign, or the start of a URL. */
const HINT = /[0-9\u0660-\u0669\u06F0-\u06F9@]|:\/\/|www\./u;
/** Marks that give neighbouring numbers a right-to-left context inside left-to-right text. */
const RTL_MARK = /[\u200F\u061C]/u;
const LATIN_LETTER = /[A-Za-z]/u;
const ASCII_DIGIT = /[0-9]/u;
const TRAILING = /^[.,;:!?'"»)\]}\u060C\u061B\u061F\u2026]$/u;

/** A match that the bidi algorithm would not already keep whole and in order. */
function needsIsolation(token: string): boolean {
  if (token.includes('@') || token.includes('://') || token.startsWith('www.')) return true;
  if (LATIN_LETTER.test(token)) return ASCII_DIGIT.test(token) || /\s/u.test(token) || /[\u00A0\u202F]/u.test(token);
  // digits only: "11.7.2", "2021-2023" and "14/04/2026" are one number run already
  return /^[+(]/u.test(token) || /[\s\u00A0\u202F()]/u.test(token);
}

/** Closing brackets and the opening ones they match. */
const OPENING: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Punctuation after a URL or code ends the sentence, not the token; a bracket opened inside the token stays. */
function trimTrailing(token: string): string {
  let end = token.length;
  while (end > 0 && TRAILING.test(token.charAt(end - 1))) {
    const ch = token.charAt(end - 1);
    const open = OPENING[ch];
    if (open && count(token.slice(0, end - 1), open) > count(token.slice(0, end - 1), ch)) break;
    end--;
  }
  return token.slice(0, end);
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

export interface Span {
  start: number;
  end: number;
}

/** Spans of `text` to lay out as left-to-right units, in order, not overlapping. */
export function ltrTokens(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const token = trimTrailing(m[0]);
    if (token.length > 1 && needsIsolation(token)) spans.push({ start: m.index, end: m.index + token.length });
  }
  return spans;
}

/** Whether a paragraph can have its numbers or codes reordered at all. */
export function mayReorderTokens(text: string, direction: 'ltr' | 'rtl' | 'auto'): boolean {
  return HINT.test(text) && (direction !== 'ltr' || RTL_SCRIPT.test(text) || RTL_MARK.test(text));
}

export interface Isolated extends FontAssignment {
  /** Ranges (of the new text) a line must not break inside: tokens with spaces, such as telephone numbers. */
  keepWhole: Span[];
}

/**
 * The assignment with LRI … PDI around every token. The controls take the faces of the
 * characters outside them, so a run is not split where nothing is drawn.
 */
export function isolateTokens(a: FontAssignment, direction: 'ltr' | 'rtl' | 'auto'): Isolated {
  const spans = mayReorderTokens(a.text, direction) ? ltrTokens(a.text) : [];
  if (spans.length === 0) return { ...a, keepWhole: [] };
  const faces = new Uint8Array(a.faces.length + 2 * spans.length);
  const keepWhole: Span[] = [];
  let text = '';
  let from = 0;
  let at = 0;
  const copy = (end: number): void => {
    text += a.text.slice(from, end);
    faces.set(a.faces.subarray(from, end), at);
    at += end - from;
    from = end;
  };
  for (const span of spans) {
    copy(span.start);
    const start = at;
    text += LRI;
    faces[at++] = a.faces[span.start - 1] ?? a.faces[span.start] ?? 0;
    copy(span.end);
    text += PDI;
    faces[at++] = a.faces[span.end] ?? a.faces[span.end - 1] ?? 0;
    if (/[\s\u00A0\u202F]/u.test(a.text.slice(span.start, span.end))) keepWhole.push({ start, end: at });
  }
  copy(a.text.length);
  return { text, faces, missing: a.missing, keepWhole };
}
