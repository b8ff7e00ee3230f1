/**
 * A cursor down the page that starts a new page when the next line does not fit, and keeps
 * tagged-PDF marked content balanced across page breaks (every page-chunk of lines is its own
 * marked-content sequence of the same structure element).
 */
import type { ParagraphLayout, PdfDoc, TextEngine, TextStyle } from './engine';

/** The content area of every page, in points from the top-left corner. */
export interface Frame {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A structure element that content is attributed to, and its tag (P, H1, TD…). */
export interface TagTarget {
  elem: PDFKit.PDFStructureElement;
  type: string;
}

export interface FlowParagraph extends TextStyle {
  /** Inset from the paragraph's start side (right side in a right-to-left document). */
  indent?: number;
  /** Narrower column than the frame, measured from the start side after the indent. */
  width?: number;
  gapAfter?: number;
}

/** A paragraph laid out in its column, not yet drawn. */
export interface Prepared {
  layout: ParagraphLayout;
  x: number;
  gapAfter: number;
}

/** Height of the first `keep` lines of a paragraph: what it needs at the bottom of a page to start there. */
export function leadOf(p: Prepared, keep = 1): number {
  return Math.min(keep, p.layout.lines.length) * p.layout.lineHeight;
}

/** Height of a whole paragraph and the gap after it. */
export function heightOf(p: Prepared): number {
  return p.layout.lines.length * p.layout.lineHeight + p.gapAfter;
}

export class Flow {
  y: number;
  private readonly pageHooks: (() => void)[] = [];

  constructor(
    readonly engine: TextEngine,
    readonly frame: Frame,
  ) {
    this.y = frame.top;
  }

  get doc(): PdfDoc {
    return this.engine.doc;
  }

  get width(): number {
    return this.frame.right - this.frame.left;
  }

  get rtl(): boolean {
    return this.engine.direction === 'rtl';
  }

  /** Zero-based index of the page being written. */
  get page(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  /** Runs `hook` after every page break until the returned function is called (repeated table headers). */
  onNewPage(hook: () => void): () => void {
    this.pageHooks.push(hook);
    return () => {
      const at = this.pageHooks.indexOf(hook);
      if (at >= 0) this.pageHooks.splice(at, 1);
    };
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.frame.top;
    for (const hook of [...this.pageHooks]) hook();
  }

  /** Starts a new page unless `height` more points fit (never on an empty page). */
  ensure(height: number): void {
    if (this.y + height > this.frame.bottom && this.y > this.frame.top + 0.5) this.newPage();
  }

  space(height: number): void {
    this.y = Math.min(this.y + height, this.frame.bottom);
  }

  /** Left x and width of a column inset by `indent` on the start side. */
  column(indent = 0, width?: number): { x: number; width: number } {
    const w = width ?? this.width - indent;
    const x = this.rtl ? this.frame.right - indent - w : this.frame.left + indent;
    return { x, width: w };
  }

  /** Lays out a paragraph in its column without drawing it (to know its height first). */
  prepare(text: string, style: FlowParagraph): Prepared {
    const col = this.column(style.indent, style.width);
    return { layout: this.engine.layout(text, col.width, style), x: col.x, gapAfter: style.gapAfter ?? 0 };
  }

  /**
   * Draws a prepared paragraph, breaking pages between lines: its first `keep` lines stay on one
   * page, and when that is all of it (a heading), `keepNext` more points must fit below it, so a
   * heading never ends a page without the start of what it introduces.
   */
  draw(p: Prepared, tag?: TagTarget, keep = 1, keepNext = 0): void {
    this.drawLayout(p.layout, p.x, tag, keep, keepNext > 0 ? p.gapAfter + keepNext : 0);
    this.space(p.gapAfter);
  }

  /** Lays out and draws a paragraph (see draw). */
  paragraph(text: string, style: FlowParagraph, tag?: TagTarget, keep = 1, keepNext = 0): ParagraphLayout {
    const p = this.prepare(text, style);
    this.draw(p, tag, keep, keepNext);
    return p.layout;
  }

  /** Draws a laid-out paragraph at column x, one marked chunk per page (keep and keepNext as in draw). */
  drawLayout(layout: ParagraphLayout, x: number, tag?: TagTarget, keep = 1, keepNext = 0): void {
    const first = Math.min(keep, layout.lines.length);
    this.ensure(first * layout.lineHeight + (first === layout.lines.length ? keepNext : 0));
    let i = 0;
    while (i < layout.lines.length) {
      const fit = Math.max(1, Math.floor((this.frame.bottom - this.y + 0.01) / layout.lineHeight));
      const end = Math.min(layout.lines.length, i + fit);
      this.mark(tag, () => {
        this.y += this.engine.drawLines(layout, x, this.y, i, end);
      });
      i = end;
      if (i < layout.lines.length) this.newPage();
    }
  }

  /** Wraps drawing in marked content attributed to `tag` (or as-is without a tag). */
  mark(tag: TagTarget | undefined, draw: () => void): void {
    if (!tag) {
      draw();
      return;
    }
    tag.elem.add(this.doc.markStructureContent(tag.type));
    draw();
    this.doc.endMarkedContent();
  }
}
