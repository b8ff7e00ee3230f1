/**
 * Writes the glyphs of one laid-out line straight into the page's content stream, as one text
 * object, with pdfkit's embedded fonts doing the shaping, subsetting and ToUnicode mapping.
 *
 * Why not doc.text: a right-to-left run is drawn word by word (see TextEngine), and every
 * doc.text call measures the word twice more, wraps it in its own q/cm/BT/Tf/Tm/ET/Q and writes
 * each operator as a separate small buffer. For an Arabic report that was the largest single cost.
 * Here a line costs one buffer; glyph placement follows the PDF text model (advance widths from
 * the font's /W array, TJ adjustments where shaping changed an advance, Tm for marks placed with
 * an offset). If pdfkit's internals are not as expected, write() returns false and the caller
 * falls back to doc.text.
 */
import type { PdfDoc } from './engine';

/** A string in one font and size whose left edge is at `x`; pieces are written in array order. */
export interface Piece {
  font: string;
  size: number;
  text: string;
  x: number;
}

/** A glyph position as pdfkit's EmbeddedFont.encode returns it, in thousandths of an em. */
interface GlyphPosition {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

/** The parts of pdfkit's EmbeddedFont used here (pdfkit 0.20). */
interface EmbeddedFont {
  id: string;
  ref(): unknown;
  encode(text: string): [string[], GlyphPosition[]];
}

interface PageInternals {
  height: number;
  fonts: Record<string, unknown>;
  write(chunk: Uint8Array): unknown;
}

function isEmbeddedFont(value: unknown): value is EmbeddedFont {
  const f = value as Partial<EmbeddedFont> | null;
  return !!f && typeof f.id === 'string' && typeof f.ref === 'function' && typeof f.encode === 'function';
}

function pageOf(doc: PdfDoc): PageInternals | null {
  const page = (doc as unknown as { page?: Partial<PageInternals> }).page;
  if (!page || typeof page.height !== 'number' || typeof page.write !== 'function') return null;
  if (typeof page.fonts !== 'object' || page.fonts === null) return null;
  return page as PageInternals;
}

/** Numbers as pdfkit writes them: at most six decimals. */
function num(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

/** A string as encoded once in one font: glyph codes, and the TJ operator when no glyph is offset. */
interface Encoded {
  codes: string[];
  positions: GlyphPosition[];
  /** `[<…> adj <…>] TJ` for a string whose glyphs all sit on the baseline at their advance. */
  tj: string | null;
}

function encodeOnce(font: EmbeddedFont, text: string): Encoded {
  const [codes, positions] = font.encode(text);
  const offset = positions.some((p) => p.xOffset || p.yOffset);
  return { codes, positions, tj: offset ? null : showArray(codes, positions, 0, codes.length) };
}

/** A TJ operator for glyphs [from, to): codes with an adjustment wherever shaping changed an advance. */
function showArray(codes: string[], positions: GlyphPosition[], from: number, to: number): string {
  let items = '';
  let hex = '';
  for (let i = from; i < to; i++) {
    const p = positions[i];
    hex += codes[i] ?? '';
    const adjust = p ? p.xAdvance - p.advanceWidth : 0;
    if (adjust !== 0) {
      items += `<${hex}> ${num(-adjust)} `;
      hex = '';
    }
  }
  if (hex) items += `<${hex}>`;
  return items ? `[${items.trimEnd()}] TJ\n` : '';
}

/** Text-showing operators for one piece, starting with a Tm at its left edge; `y` is preformatted. */
function showPiece(encoded: Encoded, piece: Piece, y: number, yText: string): string {
  const { codes, positions, tj } = encoded;
  if (tj !== null) return tj ? `1 0 0 1 ${num(piece.x)} ${yText} Tm\n${tj}` : '';
  const scale = piece.size / 1000;
  let out = '';
  let x = piece.x;
  let runStart = -1; // first glyph of the pending stretch of glyphs on the baseline
  for (let i = 0; i <= codes.length; i++) {
    const p = positions[i];
    const offset = !p || p.xOffset || p.yOffset;
    if (offset && runStart >= 0) {
      out += showArray(codes, positions, runStart, i);
      runStart = -1;
    }
    if (!p) break;
    if (offset) {
      // a mark attached with an offset: placed on its own, then the pen goes back to the line
      out += `1 0 0 1 ${num(x + p.xOffset * scale)} ${num(y + p.yOffset * scale)} Tm\n<${codes[i] ?? ''}> Tj\n`;
    } else if (runStart < 0) {
      out += `1 0 0 1 ${num(x)} ${yText} Tm\n`;
      runStart = i;
    }
    x += p.xAdvance * scale;
  }
  return out;
}

export class LineWriter {
  private readonly fonts = new Map<string, EmbeddedFont | null>();
  /** Encoded strings per font: encode() is deterministic once a glyph is in the subset. */
  private readonly encoded = new Map<EmbeddedFont, Map<string, Encoded>>();

  constructor(private readonly doc: PdfDoc) {}

  private fontOf(name: string): EmbeddedFont | null {
    let font = this.fonts.get(name);
    if (font === undefined) {
      this.doc.font(name);
      const current = (this.doc as unknown as { _font?: unknown })._font;
      font = isEmbeddedFont(current) ? current : null;
      this.fonts.set(name, font);
    }
    return font;
  }

  private encode(font: EmbeddedFont, text: string): Encoded {
    let table = this.encoded.get(font);
    if (!table) {
      table = new Map();
      this.encoded.set(font, table);
    }
    let found = table.get(text);
    if (!found) {
      found = encodeOnce(font, text);
      table.set(text, found);
    }
    return found;
  }

  /**
   * Writes `pieces` on the baseline `baseline` (points from the top of the page) in the current
   * fill colour. Returns false, having written nothing, when pdfkit does not look as expected.
   */
  write(pieces: Piece[], baseline: number): boolean {
    if (pieces.length === 0) return true;
    const page = pageOf(this.doc);
    if (!page) return false;
    const fonts: EmbeddedFont[] = [];
    for (const piece of pieces) {
      const font = this.fontOf(piece.font);
      if (!font) return false;
      fonts.push(font);
    }
    const y = page.height - baseline;
    const yText = num(y);
    // The page's user space is flipped (origin top left); text is set in an unflipped one.
    let out = `q\n1 0 0 -1 0 ${num(page.height)} cm\nBT\n`;
    let selected = '';
    pieces.forEach((piece, i) => {
      const font = fonts[i] as EmbeddedFont;
      if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
      const tf = `/${font.id} ${num(piece.size)} Tf\n`;
      if (tf !== selected) out += tf;
      selected = tf;
      out += showPiece(this.encode(font, piece.text), piece, y, yText);
    });
    out += 'ET\nQ\n';
    page.write(Buffer.from(out, 'latin1'));
    return true;
  }
}

const writers = new WeakMap<PdfDoc, LineWriter>();

/** The writer of a document, shared by every engine drawing on it (its encodings are per document). */
export function lineWriterOf(doc: PdfDoc): LineWriter {
  let writer = writers.get(doc);
  if (!writer) {
    writer = new LineWriter(doc);
    writers.set(doc, writer);
  }
  return writer;
}
