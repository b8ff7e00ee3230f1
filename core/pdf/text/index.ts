/**
 * The text engine's public surface for code outside the report (one-off paragraphs on any pdfkit
 * document). The report itself uses TextEngine and Flow directly.
 */
import { directionOf, type Language } from '../../i18n/languages';
import { TextEngine, type PdfDoc, type TextStyle } from './engine';
import { baseFaceOf } from './font-runs';
import { registerFonts } from './fonts';

export { TextEngine, type PdfDoc, type TextStyle, type ParagraphLayout } from './engine';
export { Flow, type Frame, type TagTarget } from './flow';
export { registerFonts } from './fonts';

export interface ParagraphBox extends TextStyle {
  x: number;
  y: number;
  width: number;
  /** Language whose direction and script decide the defaults; English if absent. */
  language?: Language;
  fontWeight?: 400 | 700;
}

const prepared = new WeakSet<object>();

function engineFor(doc: PdfDoc, box: ParagraphBox, onMissingGlyphs?: (codePoints: string[]) => void): TextEngine {
  if (!prepared.has(doc)) {
    registerFonts(doc);
    prepared.add(doc);
  }
  const language = box.language ?? 'en';
  return new TextEngine(doc, { direction: directionOf(language), baseFace: baseFaceOf(language), onMissingGlyphs });
}

/** Draws `text` in a column (no page breaks) and returns its height in points. */
export function drawParagraph(doc: PdfDoc, text: string, box: ParagraphBox, onMissingGlyphs?: (codePoints: string[]) => void): number {
  return engineFor(doc, box, onMissingGlyphs).drawParagraph(text, { ...box, weight: box.fontWeight ?? box.weight });
}

/** Height in points that drawParagraph would use, without drawing. */
export function measureParagraph(doc: PdfDoc, text: string, box: Omit<ParagraphBox, 'x' | 'y'>): number {
  return engineFor(doc, { ...box, x: 0, y: 0 }).measure(text, box.width, { ...box, weight: box.fontWeight ?? box.weight });
}
