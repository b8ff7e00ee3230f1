/**
 * Chooses a font for every character of a paragraph and replaces characters no bundled font can
 * draw with a visible U+FFFD, reporting them instead of failing.
 *
 * Rule (TECH-NOTES "PDF in six languages"): a letter takes the font of its script; a neutral
 * character (space, punctuation, digit, combining mark, the Arabic comma) takes its neighbour's
 * font only if that font has the glyph, otherwise the next font that has it.
 */
import { FACES, fontFace, type Face, type Weight } from './fonts';

export const REPLACEMENT = '\uFFFD';
/** The only bundled face with U+FFFD is Noto Sans, so replacements are always drawn with it. */
const REPLACEMENT_FACE: Face = 'latin';

const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]$/u;
const ARABIC_SCRIPT = /^[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}]$/u;
const HAN_SCRIPT = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Hangul}]$/u;
/** Bidi controls steer the algorithm but are never drawn (some fonts lack them; copy-paste stays clean). */
export const BIDI_CONTROL = /^[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]$/u;

export interface FontAssignment {
  /** The paragraph text with undrawable characters replaced by U+FFFD (same code-unit length is NOT guaranteed). */
  text: string;
  /** Index into FACES for every UTF-16 code unit of `text`. */
  faces: Uint8Array;
  /** Code points (as `U+XXXX`) that no bundled font covers. */
  missing: string[];
}

/** Glyph coverage per (code point, face, weight): asked for every character of every paragraph. */
const coverage = new Map<number, boolean>();
function has(face: Face, weight: Weight, cp: number): boolean {
  const key = cp * 8 + FACES.indexOf(face) * 2 + (weight === 700 ? 1 : 0);
  let known = coverage.get(key);
  if (known === undefined) {
    known = fontFace(face, weight).hasGlyphForCodePoint(cp);
    coverage.set(key, known);
  }
  return known;
}

const enum Kind {
  Latin,
  Arabic,
  Han,
  Neutral,
  Control,
}

/** What a code point is for font choice: four regular expressions per character otherwise. */
const kinds = new Map<number, Kind>();
function kindOf(ch: string, cp: number): Kind {
  let kind = kinds.get(cp);
  if (kind === undefined) {
    if (BIDI_CONTROL.test(ch)) kind = Kind.Control;
    else if (NEUTRAL.test(ch)) kind = Kind.Neutral;
    else if (ARABIC_SCRIPT.test(ch)) kind = Kind.Arabic;
    else if (HAN_SCRIPT.test(ch)) kind = Kind.Han;
    else kind = Kind.Latin;
    kinds.set(cp, kind);
  }
  return kind;
}

function preferredFace(kind: Kind): Face {
  if (kind === Kind.Arabic) return 'arabic';
  if (kind === Kind.Han) return 'han';
  return 'latin';
}

function anyFace(cp: number, weight: Weight, first: Face): Face | null {
  if (has(first, weight, cp)) return first;
  for (const face of FACES) if (face !== first && has(face, weight, cp)) return face;
  return null;
}

function hexOf(cp: number): string {
  return 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Assigns faces. `baseFace` is the face of the response language, used for neutrals with no
 * usable neighbour (a paragraph made only of digits and spaces).
 */
export function assignFonts(input: string, weight: Weight, baseFace: Face): FontAssignment {
  const missing = new Set<string>();
  const chars: string[] = [];
  const picked: (Face | null)[] = [];
  for (const ch of input) {
    const cp = ch.codePointAt(0) ?? 0;
    const kind = kindOf(ch, cp);
    if (kind === Kind.Control || kind === Kind.Neutral) {
      chars.push(ch);
      picked.push(null); // decided below, once neighbours are known
      continue;
    }
    const face = anyFace(cp, weight, preferredFace(kind));
    if (face) {
      chars.push(ch);
      picked.push(face);
    } else {
      missing.add(hexOf(cp));
      chars.push(REPLACEMENT);
      picked.push(REPLACEMENT_FACE);
    }
  }
  resolveNeutrals(chars, picked, weight, baseFace, missing);
  const text = chars.join('');
  const faces = new Uint8Array(text.length);
  let unit = 0;
  chars.forEach((ch, i) => {
    const index = FACES.indexOf(picked[i] ?? baseFace);
    for (let k = 0; k < ch.length; k++) faces[unit + k] = index;
    unit += ch.length;
  });
  return { text, faces, missing: [...missing] };
}

function resolveNeutrals(chars: string[], picked: (Face | null)[], weight: Weight, baseFace: Face, missing: Set<string>): void {
  // The next strong face for each position, found in one backward pass.
  const nextStrong: (Face | null)[] = new Array<Face | null>(chars.length).fill(null);
  let upcoming: Face | null = null;
  for (let i = chars.length - 1; i >= 0; i--) {
    nextStrong[i] = upcoming;
    const p = picked[i];
    if (p) upcoming = p;
  }
  let previous: Face | null = null;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const cp = ch.codePointAt(0) ?? 0;
    if (picked[i] === null) {
      if (kindOf(ch, cp) === Kind.Control) {
        picked[i] = previous ?? nextStrong[i] ?? baseFace; // never drawn; keeps runs unbroken
      } else {
        const candidates = [previous, nextStrong[i], baseFace].filter((f): f is Face => f !== null);
        const face = candidates.find((f) => has(f, weight, cp)) ?? anyFace(cp, weight, baseFace);
        if (face) {
          picked[i] = face;
        } else {
          missing.add(hexOf(cp));
          chars[i] = REPLACEMENT;
          picked[i] = REPLACEMENT_FACE;
        }
      }
    }
    previous = picked[i] ?? previous;
  }
}

/** The face of a response language's own script. */
export function baseFaceOf(language: string): Face {
  if (language === 'ar') return 'arabic';
  if (language === 'zh') return 'han';
  return 'latin';
}
