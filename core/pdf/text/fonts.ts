/**
 * The bundled fonts: whole TTFs from npm packages, embedded by pdfkit as subsets.
 *
 * Paths are found with `require.resolve` at run time, so they resolve the same way from the
 * sources (vitest), from the esbuild bundle in dist/ (pdfkit and fontkit stay external there), and
 * from an Electron app.asar. fontkit is reached through pdfkit's own dependency, so we read glyph
 * coverage from exactly the library that will embed the glyphs.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { createLogger } from '../../log';

const log = createLogger('pdf-fonts');

export const FACES = ['latin', 'han', 'arabic'] as const;
export type Face = (typeof FACES)[number];
export type Weight = 400 | 700;

/** The subset of fontkit's Font object this module relies on. */
export interface FontkitFace {
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string, features?: string[]): {
    glyphs: { path: { toSVG(): string } }[];
    positions: { xAdvance: number; xOffset: number; yOffset: number }[];
  };
  unitsPerEm: number;
  ascent: number;
  descent: number;
}

interface Fontkit {
  create(buffer: Buffer): FontkitFace;
}

/** npm package and file of each face and weight. */
const FILES: Record<Face, readonly [string, string, string]> = {
  latin: ['@expo-google-fonts/noto-sans', '400Regular/NotoSans_400Regular.ttf', '700Bold/NotoSans_700Bold.ttf'],
  han: ['@expo-google-fonts/noto-sans-sc', '400Regular/NotoSansSC_400Regular.ttf', '700Bold/NotoSansSC_700Bold.ttf'],
  arabic: ['@expo-google-fonts/amiri', '400Regular/Amiri_400Regular.ttf', '700Bold/Amiri_700Bold.ttf'],
};

function resolveFontPath(face: Face, weight: Weight): string {
  const [pkg, regular, bold] = FILES[face];
  // A computed specifier: esbuild leaves it to Node's resolver at run time instead of warning.
  return require.resolve(pkg + '/' + (weight === 700 ? bold : regular));
}

const buffers = new Map<string, Buffer>();
const faces = new Map<string, FontkitFace>();
let fontkit: Fontkit | null = null;

function loadFontkit(): Fontkit {
  if (!fontkit) {
    const fromPdfkit = createRequire(require.resolve('pdfkit'));
    fontkit = fromPdfkit('fontkit') as Fontkit;
  }
  return fontkit;
}

/** The name under which a face is registered in every PDF document. */
export function fontName(face: Face, weight: Weight): string {
  return `${face}-${weight}`;
}

/** The TTF bytes, read once per process (Noto Sans SC alone is ~10 MB). */
export function fontBuffer(face: Face, weight: Weight): Buffer {
  const key = fontName(face, weight);
  let buffer = buffers.get(key);
  if (!buffer) {
    const file = resolveFontPath(face, weight);
    buffer = fs.readFileSync(file);
    buffers.set(key, buffer);
    log.info('font loaded', { key, bytes: buffer.length });
  }
  return buffer;
}

/**
 * The parsed font used for coverage questions. Coverage is the same for both weights of a family
 * in practice, but we ask the exact weight being drawn so a gap can never become an empty box.
 */
export function fontFace(face: Face, weight: Weight): FontkitFace {
  const key = fontName(face, weight);
  let parsed = faces.get(key);
  if (!parsed) {
    parsed = loadFontkit().create(fontBuffer(face, weight));
    faces.set(key, parsed);
  }
  return parsed;
}

/** Minimal surface of a pdfkit document needed to register fonts (keeps tests free of casts). */
export interface FontRegistrar {
  registerFont(name: string, src: Buffer): unknown;
}

/** pdfkit ≥ 0.20 also takes a parsed fontkit font (`typeof src.layout === 'function'`); its typings know only bytes. */
type RegisterParsed = (name: string, src: FontkitFace) => unknown;

/**
 * A fontkit font for one document that shares the decoded tables of the process-wide one.
 * fontkit decodes tables lazily (Amiri's GSUB/GPOS lookups are large) and keeps them in `_tables`,
 * the way its own getVariation shares them; glyph objects and the layout engine stay per
 * document, so which code points a glyph maps back to (ToUnicode) depends on this document only.
 * If a fontkit version keeps its tables elsewhere, the font simply decodes its own.
 */
function documentFace(face: Face, weight: Weight): FontkitFace {
  const shared = fontFace(face, weight) as unknown as { _tables?: unknown };
  const own = loadFontkit().create(fontBuffer(face, weight));
  const target = own as unknown as { _tables?: unknown };
  if (isTables(shared._tables) && isTables(target._tables)) target._tables = shared._tables;
  return own;
}

function isTables(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Registers every face and weight; pdfkit sets each up on first use and embeds a subset. */
export function registerFonts(doc: FontRegistrar): void {
  const register = doc.registerFont.bind(doc) as unknown as RegisterParsed;
  for (const face of FACES) {
    for (const weight of [400, 700] as const) register(fontName(face, weight), documentFace(face, weight));
  }
}
