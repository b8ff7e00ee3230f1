/**
 * The text engine: lays out paragraphs of any of the six scripts (and mixtures) and draws them
 * with pdfkit at explicit positions. pdfkit's own wrapper is not used: it has no bidi.
 */
import type PDFDocument from 'pdfkit';
import { FACES, fontName, type Face, type Weight } from './fonts';
import { withoutExplicitBidi, unifiedLineBreaks } from './bidi-controls';
import { assignFonts, BIDI_CONTROL, type FontAssignment } from './font-runs';
import { isolateTokens, type Span } from './isolate';
import { paragraphBidi, RTL_SCRIPT, visualPieces, type Direction } from './bidi-lines';
import { lineWriterOf, type LineWriter, type Piece } from './line-writer';
import { widthCacheOf, WORDS, type WidthCache } from './widths';
import { wrapLogical } from './wrap';

/** What the engine needs from a pdfkit document. */
export type PdfDoc = InstanceType<typeof PDFDocument>;

export interface TextStyle {
  size: number;
  weight?: Weight;
  /** Paragraph base direction; 'auto' takes the first strong character. Defaults to the engine's language. */
  direction?: Direction;
  /** 'start' is the left edge of a left-to-right paragraph and the right edge of a right-to-left one. */
  align?: 'start' | 'end' | 'center';
  color?: string;
}

export interface LaidRun {
  text: string;
  face: Face;
  width: number;
  /** Logical position in the paragraph. */
  start: number;
}

export interface LaidLine {
  runs: LaidRun[];
  width: number;
  rtl: boolean;
  /** Face of the white space the line was broken at, if any: drawn past the line's logical end. */
  spaceFace?: Face;
}

export interface ParagraphLayout {
  lines: LaidLine[];
  lineHeight: number;
  /** Distance from the top of a line box to its baseline. */
  ascent: number;
  style: Required<TextStyle>;
  width: number;
}

/** Line box height per face, as a multiple of the font size (Amiri's marks reach far). */
const LINE_FACTOR: Record<Face, number> = { latin: 1.4, han: 1.45, arabic: 1.85 };
/** Amiri looks a size smaller than Noto Sans at the same nominal size; drawn larger so mixed lines match. */
export const FACE_SCALE: Record<Face, number> = { latin: 1, han: 1, arabic: 1.12 };

export interface EngineOptions {
  direction: 'ltr' | 'rtl';
  baseFace: Face;
  onMissingGlyphs?: (codePoints: string[]) => void;
}

export class TextEngine {
  private readonly widths: WidthCache;
  private readonly writer: LineWriter;

  constructor(
    readonly doc: PdfDoc,
    private readonly options: EngineOptions,
  ) {
    this.widths = widthCacheOf(doc);
    this.writer = lineWriterOf(doc);
  }

  get direction(): 'ltr' | 'rtl' {
    return this.options.direction;
  }

  private styleOf(style: TextStyle): Required<TextStyle> {
    return {
      size: style.size,
      weight: style.weight ?? 400,
      direction: style.direction ?? this.options.direction,
      align: style.align ?? 'start',
      color: style.color ?? '#000000',
    };
  }

  /**
   * Width as it will be drawn: a right-to-left run word by word (as drawRun places it), anything
   * else as pdfkit shapes the whole string. Cached per document, font and size.
   */
  private widthOf(text: string, face: Face, style: Required<TextStyle>): number {
    const font = fontName(face, style.weight);
    const size = style.size * FACE_SCALE[face];
    return wholeRun(text) ? this.widths.wordsWidth(font, size, text) : this.widths.width(font, size, text);
  }

  private rangeMeasure(a: FontAssignment, style: Required<TextStyle>) {
    const controls = ANY_CONTROL.test(a.text);
    return (start: number, end: number): number => {
      let width = 0;
      let runStart = start;
      for (let i = start + 1; i <= end; i++) {
        if (i === end || a.faces[i] !== a.faces[runStart]) {
          const slice = a.text.slice(runStart, i);
          const piece = controls ? stripControls(slice) : slice;
          width += this.widthOf(piece, FACES[a.faces[runStart] ?? 0] ?? 'latin', style);
          runStart = i;
        }
      }
      return width;
    };
  }

  /** An Arabic name inside another language's paragraph needs less room than Arabic body text. */
  private lineFactor(face: Face): number {
    return face === 'arabic' && this.options.baseFace !== 'arabic' ? 1.65 : LINE_FACTOR[face];
  }

  /** Lays out `text` (hard line breaks allowed) in a column `width` points wide. */
  layout(text: string, width: number, style: TextStyle): ParagraphLayout {
    const s = this.styleOf(style);
    const lines: LaidLine[] = [];
    let factor = LINE_FACTOR[this.options.baseFace];
    for (const hard of normalize(text).split('\n')) {
      const fonts = assignFonts(hard, s.weight, this.options.baseFace);
      if (fonts.missing.length > 0) this.options.onMissingGlyphs?.(fonts.missing);
      for (const f of fonts.faces) factor = Math.max(factor, this.lineFactor(FACES[f] ?? 'latin'));
      const a = isolateTokens(fonts, s.direction);
      const para = paragraphBidi(a.text, s.direction);
      for (const line of wrapLogical(a.text, width, this.rangeMeasure(a, s), insideAny(a.keepWhole))) {
        const runs = visualPieces(a.text, para, a.faces, line.start, line.end).map((p) => {
          const face = FACES[p.face] ?? 'latin';
          return { text: p.text, face, width: this.widthOf(p.text, face, s), start: p.start };
        });
        const laid: LaidLine = { runs, width: runs.reduce((sum, r) => sum + r.width, 0), rtl: para.baseLevel === 1 };
        if (line.spaceAfter) laid.spaceFace = FACES[a.faces[line.end] ?? 0] ?? 'latin';
        lines.push(laid);
      }
    }
    return { lines, lineHeight: s.size * factor, ascent: s.size * factor * 0.72, style: s, width };
  }

  /** Height in points that `text` takes in a column `width` points wide. */
  measure(text: string, width: number, style: TextStyle): number {
    const l = this.layout(text, width, style);
    return l.lines.length * l.lineHeight;
  }

  /** Draws lines [from, to) of a layout with the top of the first line at `y`; returns the height used. */
  drawLines(layout: ParagraphLayout, x: number, y: number, from = 0, to = layout.lines.length): number {
    const s = layout.style;
    let top = y;
    for (let i = from; i < to; i++) {
      const line = layout.lines[i];
      if (!line) continue;
      let left = x;
      const free = layout.width - line.width;
      const atRight = (s.align === 'start' && line.rtl) || (s.align === 'end' && !line.rtl);
      if (s.align === 'center') left += free / 2;
      else if (atRight) left += free;
      const baseline = top + layout.ascent;
      const lineStart = left;
      // Positions follow the visual order; the content stream follows the logical order, so text
      // read from the structure tree (screen readers) comes out in reading order.
      const placed = line.runs.map((run) => {
        const at = left;
        left += run.width;
        return { run, at };
      });
      placed.sort((p, q) => p.run.start - q.run.start);
      const pieces: Piece[] = [];
      for (const { run, at } of placed) this.runPieces(run, at, s, pieces);
      if (line.spaceFace) {
        // the logical end of the line: right of it when left-to-right, left of it when right-to-left
        const space = this.widthOf(' ', line.spaceFace, s);
        const size = s.size * FACE_SCALE[line.spaceFace];
        pieces.push({ font: fontName(line.spaceFace, s.weight), size, text: ' ', x: line.rtl ? lineStart - space : left });
      }
      this.writeLine(pieces, baseline, s.color);
      top += layout.lineHeight;
    }
    return top - y;
  }

  private runPieces(run: LaidRun, x: number, s: Required<TextStyle>, out: Piece[]): void {
    const font = fontName(run.face, s.weight);
    const size = s.size * FACE_SCALE[run.face];
    if (!wholeRun(run.text)) {
      out.push({ font, size, text: run.text, x });
      return;
    }
    // A right-to-left run goes word by word: fontkit reverses each word's glyphs, we place the
    // words right to left. Shaping whole runs instead (features: []) bypasses pdfkit's word cache
    // and made Arabic documents several times slower. Words are written in logical order.
    let right = x + run.width;
    for (const word of run.text.split(WORDS)) {
      right -= this.widths.width(font, size, word);
      out.push({ font, size, text: word, x: right });
    }
  }

  private writeLine(pieces: Piece[], baseline: number, color: string): void {
    if (pieces.length === 0) return;
    this.doc.fillColor(color);
    if (this.writer.write(pieces, baseline)) return;
    for (const p of pieces) {
      this.doc.font(p.font).fontSize(p.size);
      this.doc.text(p.text, p.x, baseline, { lineBreak: false, baseline: 'alphabetic' });
    }
  }

  /** Lays out and draws a paragraph in one go; returns its height. No page breaks (see Flow). */
  drawParagraph(text: string, box: { x: number; y: number; width: number } & TextStyle): number {
    return this.drawLines(this.layout(text, box.width, box), box.x, box.y);
  }
}

/** A run fontkit will reverse: drawn word by word, right to left. */
function wholeRun(text: string): boolean {
  return RTL_SCRIPT.test(text);
}

const ANY_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

function stripControls(s: string): string {
  let out = '';
  for (const ch of s) if (!BIDI_CONTROL.test(ch)) out += ch;
  return out;
}

/**
 * One hard line per paragraph (every kind of line break, so an override or embedding could not
 * run past one anyway); embeddings, overrides and isolates of the input dropped (bidi-controls.ts);
 * tabs and other C0 controls become spaces (fonts have no glyphs for them).
 */
function normalize(text: string): string {
  return withoutExplicitBidi(unifiedLineBreaks(text)).replace(/[\u0000-\u0008\u000B-\u001F\u007F]|\t/g, ' ');
}

/** No line break strictly inside any of the spans (none at all when there are none). */
function insideAny(spans: Span[]): ((position: number) => boolean) | undefined {
  if (spans.length === 0) return undefined;
  return (position) => spans.some((s) => position > s.start && position < s.end);
}
