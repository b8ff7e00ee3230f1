/**
 * Word-level differences between two texts in any script. Words are cut on Unicode word
 * boundaries (UAX #29; Intl.Segmenter with its dictionaries for Chinese and other scripts written
 * without spaces), so Arabic, Cyrillic and Chinese answers are compared word by word like English ones. Joining the parts of
 * one side gives back that side's text exactly.
 */
import { diffSequences } from './sequence';

/** A piece of text kept, deleted (only in the older text) or inserted (only in the newer). */
export interface TextPart {
  op: 'equal' | 'delete' | 'insert';
  text: string;
}

// Texts of letters, digits, punctuation and plain spaces are cut by this equivalent of UAX #29
// (letters with their marks and joiners; an apostrophe or dot between letters and a dot or comma
// between digits stay inside the word), about fifteen times faster per call than Intl.Segmenter.
// Scripts written without spaces between words need the Segmenter's dictionaries; so do emoji
// sequences and no-break spaces, which ICU keeps with their neighbours.
const WORD = '[\\p{L}\\p{M}\\p{N}\\u200c\\u200d]';
const INSIDE = "(?:(?<=[\\p{L}\\p{M}])['’.·:](?=\\p{L})|(?<=\\p{N})[.,٫٬](?=\\p{N}))";
const TOKENS = new RegExp(`${WORD}+(?:${INSIDE}${WORD}+)*|\\s+|[^\\p{L}\\p{M}\\p{N}\\s]`, 'gu');
const PLAIN = /^[\p{L}\p{M}\p{N}\p{P}\p{Sm}\p{Sc}\t\n\r \u200c\u200d]*$/u;
const NO_SPACES = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;
let segmenter: Intl.Segmenter | null | undefined;

/** The text cut into words, spaces and punctuation on Unicode word boundaries; the pieces join to the whole text. */
export function wordTokens(text: string): string[] {
  if (text === '') return [];
  segmenter ??= typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'word' }) : null;
  if (!segmenter || (PLAIN.test(text) && !NO_SPACES.test(text))) return text.match(TOKENS) ?? [text];
  const out: string[] = [];
  for (const s of segmenter.segment(text)) out.push(s.segment);
  return out;
}

/** How far a cut may move to reach a space, so that unchanged words on either side stay whole. */
const BOUNDARY_REACH = 64;
const SPACE = /\s/;
const JOINING = /[\p{M}\u200c\u200d\ufe00-\ufe0f]/u;

/** Whether cutting just before index `i` would split a character (a surrogate pair, a mark from its letter). */
function inside(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const code = text.charCodeAt(i);
  return (code >= 0xdc00 && code <= 0xdfff) || JOINING.test(text.charAt(i));
}

/**
 * The start of the changed middle: just after the last space before `at` (or the start of the
 * text), when one is near; else at `at`, moved back so that neither text has a character split.
 */
function cutBefore(a: string, b: string, at: number): number {
  for (let i = at; i >= 0 && at - i <= BOUNDARY_REACH; i--) if (i === 0 || SPACE.test(a.charAt(i - 1))) return i;
  let i = at;
  while (inside(a, i) || inside(b, i)) i--;
  return i;
}

/** The end of the changed middle in `a`: at the first space from `at` on (or the end), when one is near; it only moves into the common end. */
function cutAfter(a: string, at: number): number {
  for (let i = at; i <= a.length && i - at <= BOUNDARY_REACH; i++) if (i === a.length || SPACE.test(a.charAt(i))) return i;
  let i = at;
  while (inside(a, i)) i++;
  return i;
}

// Binary searches over string equality (a native comparison of whole stretches) rather than a loop
// over characters: the common beginning and end of two long answers are most of their length.
function commonPrefix(a: string, b: string): number {
  let lo = 0;
  let hi = Math.min(a.length, b.length);
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (a.slice(0, mid) === b.slice(0, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let lo = 0;
  let hi = limit;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (a.slice(a.length - mid) === b.slice(b.length - mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function add(parts: TextPart[], op: TextPart['op'], text: string): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (last && last.op === op) last.text += text;
  else parts.push({ op, text });
}

/**
 * Between two changes, a kept stretch of only spaces or punctuation reads better as part of the
 * change: "-a- +c+ -b- +d+" becomes "-a b- +c d+". Deletions come before insertions in each change.
 */
function tidy(parts: readonly TextPart[]): TextPart[] {
  const out: TextPart[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    add(out, 'delete', del);
    add(out, 'insert', ins);
    del = ins = '';
  };
  parts.forEach((p, i) => {
    if (p.op === 'delete') del += p.text;
    else if (p.op === 'insert') ins += p.text;
    else if ((del || ins) && i < parts.length - 1 && !/[\p{L}\p{N}]/u.test(p.text)) {
      del += p.text;
      ins += p.text;
    } else {
      flush();
      add(out, 'equal', p.text);
    }
  });
  flush();
  return out;
}

/** Word-level differences turning `before` into `after`. Equal texts give one `equal` part (none if empty). */
export function diffText(before: string, after: string): TextPart[] {
  if (before === after) return before === '' ? [] : [{ op: 'equal', text: before }];
  // Only the stretch between the common beginning and end is cut into words: a one-word change in
  // a 2,000-character answer segments a few words, not the whole text twice.
  const prefix = commonPrefix(before, after);
  const suffix = commonSuffix(before, after, Math.min(before.length, after.length) - prefix);
  const start = cutBefore(before, after, prefix);
  const endA = cutAfter(before, before.length - suffix);
  const endB = endA + (after.length - before.length);
  const a = wordTokens(before.slice(start, endA));
  const b = wordTokens(after.slice(start, endB));
  const ids = new Map<string, number>();
  const idOf = (t: string) => {
    let id = ids.get(t);
    if (id === undefined) ids.set(t, (id = ids.size));
    return id;
  };
  const runs = diffSequences(Int32Array.from(a, idOf), Int32Array.from(b, idOf));
  const parts: TextPart[] = [];
  add(parts, 'equal', before.slice(0, start));
  for (const r of runs) {
    if (r.op === 'insert') add(parts, 'insert', b.slice(r.bStart, r.bEnd).join(''));
    else add(parts, r.op, a.slice(r.aStart, r.aEnd).join(''));
  }
  add(parts, 'equal', before.slice(endA));
  return tidy(parts);
}
