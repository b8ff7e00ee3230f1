/**
 * Which entry names a bundle may hold: one rule for the zip reader, which refuses the others before
 * reading any content, and for the exporter, which must never write a name the reader refuses.
 * A name that is refused here either extracts as another file somewhere (Windows devices, trailing
 * dots, `..`) or reads as another name on screen (direction overrides, invisible characters).
 */
import type { VerifyReasonCode } from './reasons';

// C0 controls, DEL and the C1 controls (U+0080–U+009F; U+0085 NEL ends a line for some readers).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// Characters that change how the name reads without showing themselves: bidi marks, embeddings,
// overrides and isolates; zero-width spaces and joiners, word joiner and invisible operators, BOM;
// soft hyphen, Mongolian vowel separator; the Unicode line and paragraph separators.
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/g;
// Windows device names, in any case, with or without an extension (`aux.txt` is the device AUX too),
// including the superscript-digit ports Windows also reserves and the console's own names.
const RESERVED = /^(con|prn|aux|nul|com[1-9\u00b9\u00b2\u00b3]|lpt[1-9\u00b9\u00b2\u00b3]|conin\$|conout\$)[ ]*(\..*)?$/i;

/** Why a name is refused: the reason code, and the name made safe to show (the offending characters as `?`). */
export interface EntryNameProblem {
  reason: Extract<VerifyReasonCode, 'badName' | 'unsafePath' | 'reservedName' | 'invisibleInName'>;
  params: { path: string; character?: string };
}

const codePoint = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The problem with an entry name (decoded UTF-8, `/` separated, a trailing `/` for a folder), or
 * null when it is one a bundle may hold.
 */
export function entryNameProblem(name: string): EntryNameProblem | null {
  const control = name.match(CONTROL);
  const invisible = name.match(INVISIBLE);
  // Shown with every control and invisible character as `?`: the message must not be spoofed by the name it reports.
  const shown = name.replace(CONTROL, '?').replace(INVISIBLE, '?');
  if (control) return { reason: 'badName', params: { path: shown } };
  if (invisible) return { reason: 'invisibleInName', params: { path: shown, character: codePoint(invisible[0] as string) } };
  if (name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name)) return { reason: 'unsafePath', params: { path: shown } };
  const parts = name.replace(/\/$/, '').split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return { reason: 'unsafePath', params: { path: shown } };
  // Names Windows cannot create, or silently changes (trailing dot or space), would extract as other files there.
  if (/[<>:"|?*]/.test(name) || parts.some((p) => /[. ]$/.test(p))) return { reason: 'unsafePath', params: { path: shown } };
  if (parts.some((p) => RESERVED.test(p))) return { reason: 'reservedName', params: { path: shown } };
  return null;
}

/** Whether one path component is a Windows device name (for writers that rename instead of refusing). */
export function isReservedDeviceName(component: string): boolean {
  return RESERVED.test(component);
}
