/**
 * Tables as tables: bordered cells, a header row repeated at the top of every page the table
 * continues on, rows kept whole when they fit on a page and split between lines when they don't.
 * Column order follows the document direction (first column on the right in Arabic).
 */
import { artifact, STYLE, tag, type ReportContext } from './report-context';
import type { ParagraphLayout } from './text/engine';
import type { Direction } from './text/bidi-lines';

const PAD = 4;

export interface TableSpec {
  columns: string[];
  rows: string[][];
  /** Relative column widths; by default from the length of the content. */
  weights?: number[];
  /** Paragraph direction per column ('auto' for file names); the document's by default. */
  directions?: (Direction | undefined)[];
  size?: number;
}

function columnWeights(spec: TableSpec): number[] {
  if (spec.weights && spec.weights.length === spec.columns.length) return spec.weights;
  return spec.columns.map((title, c) => {
    let total = title.length;
    const sample = spec.rows.slice(0, 50);
    for (const row of sample) total += Math.min((row[c] ?? '').length, 200);
    return Math.max(4, Math.sqrt(total / (sample.length + 1)));
  });
}

/** A table measured before it is drawn: `lead` is what it needs at the bottom of a page to start there. */
export interface PreparedTable {
  lead: number;
  draw(parent: PDFKit.PDFStructureElement): void;
}

export function drawTable(ctx: ReportContext, spec: TableSpec, parent: PDFKit.PDFStructureElement): void {
  prepareTable(ctx, spec).draw(parent);
}

export function prepareTable(ctx: ReportContext, spec: TableSpec): PreparedTable {
  const { flow, engine, doc } = ctx;
  const size = spec.size ?? STYLE.small;
  const weights = columnWeights(spec);
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (flow.width * w) / sum);
  // x of each column's left edge, first column on the start side
  const xs = widths.map((_, c) => {
    const before = widths.slice(0, c).reduce((a, b) => a + b, 0);
    return flow.rtl ? flow.frame.right - before - (widths[c] ?? 0) : flow.frame.left + before;
  });
  const layoutRow = (cells: string[], bold: boolean): ParagraphLayout[] =>
    spec.columns.map((_, c) =>
      engine.layout(cells[c] ?? '', (widths[c] ?? 0) - 2 * PAD, {
        size,
        weight: bold ? 700 : 400,
        direction: spec.directions?.[c] ?? engine.direction,
      }),
    );
  const heightOf = (cells: ParagraphLayout[], from: number[]): number =>
    Math.max(...cells.map((l, c) => (l.lines.length - (from[c] ?? 0)) * l.lineHeight)) + 2 * PAD;

  const header = layoutRow(spec.columns, true);
  const headerHeight = heightOf(header, []);
  const pageRoom = flow.frame.bottom - flow.frame.top - headerHeight;
  // the header never ends a page alone: it needs its first row (or as much of it as a page holds)
  const firstRow = spec.rows[0] ? layoutRow(spec.rows[0], false) : undefined;
  const first = firstRow ? heightOf(firstRow, []) : Math.max(...header.map((l) => l.lineHeight)) + 2 * PAD;
  const lead = headerHeight + Math.min(first, pageRoom);

  const draw = (parent: PDFKit.PDFStructureElement): void => {
    const table = tag(ctx, parent, 'Table');

    const drawCells = (cells: ParagraphLayout[], from: number[], to: number[], height: number, fill: boolean, tags?: PDFKit.PDFStructureElement[]): void => {
      const top = flow.y;
      artifact(ctx, () => {
        doc.save().lineWidth(0.5).strokeColor(STYLE.rule);
        cells.forEach((_, c) => {
          const rect = doc.rect(xs[c] ?? 0, top, widths[c] ?? 0, height);
          if (fill) rect.fillAndStroke(STYLE.headerFill, STYLE.rule);
          else rect.stroke();
        });
        doc.restore();
      });
      cells.forEach((layout, c) => {
        const drawCell = (): void => {
          engine.drawLines(layout, (xs[c] ?? 0) + PAD, top + PAD, from[c] ?? 0, to[c] ?? layout.lines.length);
        };
        const cellTag = tags?.[c];
        if (cellTag) flow.mark({ elem: cellTag, type: fill ? 'TH' : 'TD' }, drawCell);
        else artifact(ctx, drawCell, 'Pagination');
      });
      flow.y = top + height;
    };

    const headerTags = (): PDFKit.PDFStructureElement[] => {
      const tr = tag(ctx, table.elem, 'TR');
      return spec.columns.map(() => tag(ctx, tr.elem, 'TH', { scope: 'Column' }).elem);
    };
    flow.ensure(lead);
    drawCells(header, [], [], headerHeight, true, headerTags());
    // Later pages repeat the header as a page artifact: it is already in the structure tree once.
    const stopRepeating = flow.onNewPage(() => drawCells(header, [], [], headerHeight, true));

    for (const [r, row] of spec.rows.entries()) {
      const cells = r === 0 && firstRow ? firstRow : layoutRow(row, false);
      const tr = tag(ctx, table.elem, 'TR');
      const tds = spec.columns.map(() => tag(ctx, tr.elem, 'TD').elem);
      const from = cells.map(() => 0);
      let whole = heightOf(cells, from);
      if (flow.y + whole > flow.frame.bottom && whole <= pageRoom) flow.newPage();
      for (;;) {
        whole = heightOf(cells, from);
        const room = flow.frame.bottom - flow.y;
        if (whole <= room) {
          drawCells(cells, from, cells.map((l) => l.lines.length), whole, false, tds);
          break;
        }
        const to = cells.map((l, c) => Math.min(l.lines.length, (from[c] ?? 0) + Math.floor((room - 2 * PAD) / l.lineHeight)));
        if (to.every((t, c) => t === from[c])) {
          flow.newPage();
          continue;
        }
        drawCells(cells, from, to, room, false, tds);
        to.forEach((t, c) => (from[c] = t));
        flow.newPage();
      }
    }
    stopRepeating();
    flow.space(8);
  };
  return { lead, draw };
}
