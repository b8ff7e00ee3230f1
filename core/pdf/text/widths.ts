/**
 * Widths of strings as pdfkit will draw them, remembered per document, font and size.
 *
 * Wrapping asks for the width of every word, then of every line, then of every visual run, and
 * drawing asks again: without this cache each question switches pdfkit's current font and walks
 * pdfkit's per-word layout cache (whose GlyphRun re-sums its advances on every read). Scoped to
 * one document, like pdfkit's own layout cache, so every report still shapes its own text.
 */
import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

/** The word splitting of right-to-left runs, shared with drawing so measured and drawn widths agree. */
export const WORDS = /(?<= )|(?= )/u;

export class WidthCache {
  /** font name → size → text → width in points. */
  private readonly fonts = new Map<string, Map<number, Map<string, number>>>();

  constructor(private readonly doc: Doc) {}

  private table(font: string, size: number): Map<string, number> {
    let sizes = this.fonts.get(font);
    if (!sizes) {
      sizes = new Map();
      this.fonts.set(font, sizes);
    }
    let table = sizes.get(size);
    if (!table) {
      table = new Map();
      sizes.set(size, table);
    }
    return table;
  }

  /** Width of `text` in `font` at `size` (points), exactly as doc.widthOfString would return it. */
  width(font: string, size: number, text: string): number {
    if (text.length === 0) return 0;
    const table = this.table(font, size);
    let width = table.get(text);
    if (width === undefined) {
      this.doc.font(font).fontSize(size);
      width = this.doc.widthOfString(text);
      table.set(text, width);
    }
    return width;
  }

  /** Width of a right-to-left run drawn word by word (see TextEngine.drawRun). */
  wordsWidth(font: string, size: number, text: string): number {
    if (!text.includes(' ')) return this.width(font, size, text);
    let sum = 0;
    for (const word of text.split(WORDS)) sum += this.width(font, size, word);
    return sum;
  }
}

const caches = new WeakMap<Doc, WidthCache>();

/** The cache of a document, shared by every engine drawing on it. */
export function widthCacheOf(doc: Doc): WidthCache {
  let cache = caches.get(doc);
  if (!cache) {
    cache = new WidthCache(doc);
    caches.set(doc, cache);
  }
  return cache;
}
