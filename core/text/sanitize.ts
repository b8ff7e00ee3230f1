/**
 * The one place that decides how text from outside (a draft, a bundle, a key file, a file name) may
 * be printed, shown, written into a one-line field or used as a file name. A terminal obeys control
 * characters (ESC sequences can clear the screen and print a fake line), and bidi controls make a
 * line read differently from the bytes it holds (`evil\u202Egnp.exe` shows as `evilexe.png`), so
 * every such character is either shown as a visible `\uXXXX` escape or removed. Pure: no Node
 * import, so the renderer uses it too.
 */

/** C0 controls, DEL, C1 controls (NEL U+0085 included). */
const CONTROLS = '\\u0000-\\u001f\\u007f-\\u009f';
/** Embeddings and overrides (LRE RLE PDF LRO RLO) and isolates (LRI RLI FSI PDI). */
const BIDI_CONTROLS = '\\u202a-\\u202e\\u2066-\\u2069';
/** Invisible direction marks: LRM, RLM, ALM. */
const BIDI_MARKS = '\\u200e\\u200f\\u061c';
/** Unicode line and paragraph separators: some readers break a line there. */
const LINE_SEPARATORS = '\\u2028\\u2029';

const EVERY = new RegExp(`[${CONTROLS}${BIDI_CONTROLS}${BIDI_MARKS}${LINE_SEPARATORS}]`, 'gu');
const ALL_BUT_MARKS = new RegExp(`[${CONTROLS}${BIDI_CONTROLS}${LINE_SEPARATORS}]`, 'gu');
// A whole printed text keeps its own line breaks and tabs, and the LRM/RLM the Arabic messages use
// to keep option names in order; a value inside it has had those escaped already (visibleControls).
const IN_TEXT = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f${BIDI_CONTROLS}\\u061c${LINE_SEPARATORS}]`, 'gu');
const BREAKS = new RegExp(`[${CONTROLS}${LINE_SEPARATORS}]+`, 'gu');
const BIDI = new RegExp(`[${BIDI_CONTROLS}${BIDI_MARKS}]`, 'gu');

const escapeOne = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * A value from outside, made safe to print or show on one line: every control character, bidi
 * control or mark and line separator becomes a visible `\uXXXX` escape (the same spelling JSON
 * uses, so a JSON text stays valid JSON). Everything else, every script included, is untouched.
 * `keepMarks` leaves LRM, RLM and ALM alone: on screen they only lean a neutral character one way
 * and cannot reverse a run, while a translated message passed as a value carries them legitimately.
 */
export function visibleControls(value: string, options: { keepMarks?: boolean } = {}): string {
  return value.replace(options.keepMarks ? ALL_BUT_MARKS : EVERY, escapeOne);
}

/**
 * A whole text about to be written to a terminal: as `visibleControls`, but line feeds, tabs and
 * the LRM/RLM marks of the translations are kept. The last net under every line the CLI prints.
 */
export function terminalText(text: string): string {
  return text.replace(IN_TEXT, escapeOne);
}

/**
 * A value for a one-line field of a text file (`Label: value` in bag-info.txt): control characters
 * and line separators (CR, LF, NEL, U+2028, U+2029) become one space, bidi controls and marks are
 * dropped, the ends trimmed. No reader can then split the value or reorder the line around it.
 */
export function oneLineText(value: string): string {
  return value.replace(BIDI, '').replace(BREAKS, ' ').trim();
}

/** Longest file name this app writes or shows, in UTF-8 bytes (zip tools and file systems cope with far more). */
export const MAX_FILE_NAME_BYTES = 120;

const utf8Length = (s: string) => new TextEncoder().encode(s).length;
// Device names Windows will not open as files, whatever the extension (`CON`, `aux.txt`, `com1.log`).
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

/**
 * A file name that survives every zip tool, file system, download and `sha256sum -c` line: letters
 * and digits of any script, `.`, `-`, `_`; everything else (spaces, slashes, control and bidi
 * characters, quotes) becomes `_`. No leading dot, no trailing dot, never a Windows device name,
 * never empty, at most 120 UTF-8 bytes with the extension kept. Attachment names in a bag, portable
 * copies and PDF reports are all named through it.
 */
export function safeFileName(name: string): string {
  let safe = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '_')
    .replace(/_+/g, '_')
    .replace(/^[._]+/, '')
    // Windows drops a trailing dot: the name must extract and save as itself everywhere.
    .replace(/\.+$/, '');
  if (safe === '') safe = 'file';
  if (WINDOWS_DEVICE.test(safe)) safe = safe.replace(/^([^.]*)/, '$1_');
  if (utf8Length(safe) <= MAX_FILE_NAME_BYTES) return safe;
  const ext = extensionOf(safe).slice(0, 16);
  const stem = [...safe.slice(0, safe.length - ext.length)];
  while (stem.length > 0 && utf8Length(stem.join('') + ext) > MAX_FILE_NAME_BYTES) stem.pop();
  return stem.join('') + ext;
}

/**
 * The name of a file a user picked, as messages and logs show it: its last path segment only,
 * without control or bidi characters, at most 120 characters; `fallback` when nothing is left.
 */
export function shownFileName(fileName: string, fallback = 'file'): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return [...base.replace(EVERY, '')].slice(0, 120).join('').trim() || fallback;
}
