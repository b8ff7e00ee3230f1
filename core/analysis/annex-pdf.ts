/**
 * The statistical annex as PDF, in any of the six languages, through the report engine: the same
 * pdfkit document set-up, multi-script text engine (core/pdf/text), tables, contents and running
 * header and footer as the submission report; only the cover and the order of parts are the
 * annex's own. It prints every table of the analysis except the free text (the spreadsheet and CSV
 * carry that), with countries in alphabetical order and counts only per item, option or type.
 */
import { openTaggedDocument } from '../pdf/document';
import { createLabels } from '../pdf/labels';
import { drawRunningText } from '../pdf/report-chrome';
import { sectionKey, STYLE, tag, type ReportContext } from '../pdf/report-context';
import { ReportModelSchema, type Paper } from '../pdf/report-model';
import { drawTable } from '../pdf/report-table';
import { fillToc, reserveToc } from '../pdf/report-toc';
import type { AnalysisLabels } from './labels';
import { cleanText } from './sanitize';
import type { ExportCell, ExportColumn, ExportTable } from './tables';

export interface AnnexOptions {
  labels: AnalysisLabels;
  /** Title of the checklist in the export language, for the running header. */
  checklist: { id: string; version: string; title: string };
  /** The analysis date: the cover's date and the PDF's creation date. */
  created: Date;
  paper?: Paper;
}

export interface RenderedAnnex {
  bytes: Buffer;
  pages: number;
  /** Tables printed (all but About, which is the cover, and Free text). */
  parts: number;
  /** Characters no bundled font can draw (shown as a replacement mark). */
  missingGlyphs: string[];
}

const MARGIN = { side: 48, top: 72, bottom: 64 };
/** A cell of the annex is a table cell, not a document: longer answers are in the spreadsheet. */
const MAX_PDF_CELL = 3000;
/** Tables that the annex leaves to the spreadsheet and CSV. */
const NOT_IN_ANNEX = new Set(['about', 'free-text']);
/** Columns that the annex leaves out of per-country answer tables, for room. */
const NARROW_OUT = new Set(['iso3', 'responseLanguage']);

function printable(labels: AnalysisLabels, cell: ExportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return labels.number(cell);
  return cleanText(cell, MAX_PDF_CELL);
}

/** Longest word, so that a narrow column still holds its header's words whole. */
const longestWord = (text: string): number => Math.max(0, ...text.split(/\s+/).map((w) => Array.from(w).length));

const FIXED_KINDS = new Set(['count', 'statistic', 'id', 'code', 'date']);
const CELL_SIZE = 7.5;
/** Average advance of a character at CELL_SIZE in bold, with the cell padding: a safe estimate for the six scripts. */
const charWidth = (chars: number): number => chars * CELL_SIZE * 0.6 + 10;

/**
 * Column widths in points: numbers, codes and dates as wide as their longest word (header
 * included), never broken inside a word; text columns share the rest by their nominal widths.
 */
function columnWidths(columns: ExportColumn[], rows: ExportCell[][], total: number): number[] {
  const fixed = columns.map((c, k) => {
    if (!FIXED_KINDS.has(c.kind)) return 0;
    const cells = rows.slice(0, 200).map((r) => (r[k] === null || r[k] === undefined ? 0 : Array.from(String(r[k])).length));
    return charWidth(Math.max(longestWord(c.header), ...cells));
  });
  const flexible = columns.reduce((n, c) => n + (FIXED_KINDS.has(c.kind) ? 0 : c.width), 0);
  // Codes, identifiers and dates are never squeezed; counts are, when text would keep less than a fifth.
  const squeezable = (k: number): boolean => columns[k]?.kind === 'count' || columns[k]?.kind === 'statistic';
  const firm = fixed.reduce((sum, w, k) => sum + (squeezable(k) ? 0 : w), 0);
  const counts = fixed.reduce((sum, w, k) => sum + (squeezable(k) ? w : 0), 0);
  const room = (flexible > 0 ? total * 0.8 : total) - firm;
  const scale = counts > room || flexible === 0 ? Math.max(room, 0) / Math.max(counts, 1) : 1;
  const rest = total - firm - counts * scale;
  return columns.map((c, k) =>
    FIXED_KINDS.has(c.kind) ? (fixed[k] as number) * (squeezable(k) ? scale : 1) : (rest * c.width) / Math.max(flexible, 1),
  );
}

function cover(ctx: ReportContext, labels: AnalysisLabels, about: ExportTable | undefined): void {
  const { flow } = ctx;
  const sect = tag(ctx, ctx.root, 'Sect').elem;
  flow.space(30);
  flow.paragraph(labels.t('mechanism'), { size: STYLE.small, color: STYLE.muted, gapAfter: 30 }, tag(ctx, sect, 'P'));
  flow.paragraph(labels.t('title'), { size: STYLE.title, weight: 700, gapAfter: 24 }, tag(ctx, sect, 'H1'));
  const labelWidth = flow.width * 0.32;
  const list = tag(ctx, sect, 'L').elem;
  for (const row of about?.rows ?? []) {
    const [label, value] = row.cells.map((c) => printable(labels, c));
    const li = tag(ctx, list, 'LI').elem;
    const valueLayout = ctx.engine.layout(value ?? '', flow.width - labelWidth, { size: STYLE.body });
    const labelLayout = ctx.engine.layout(label ?? '', labelWidth - 8, { size: STYLE.small, color: STYLE.muted, weight: 700 });
    flow.ensure(valueLayout.lines.length * valueLayout.lineHeight);
    const top = flow.y;
    flow.mark(tag(ctx, li, 'Lbl'), () => ctx.engine.drawLines(labelLayout, flow.column(0, labelWidth - 8).x, top + 1.5));
    flow.mark(tag(ctx, li, 'LBody'), () => ctx.engine.drawLines(valueLayout, flow.column(labelWidth).x, top));
    flow.y = top + Math.max(valueLayout.lines.length * valueLayout.lineHeight, labelLayout.lines.length * labelLayout.lineHeight) + 6;
  }
}

function part(ctx: ReportContext, labels: AnalysisLabels, table: ExportTable, index: number): void {
  const { flow, doc } = ctx;
  const sect = tag(ctx, ctx.root, 'Sect').elem;
  flow.newPage();
  ctx.pageOf.set(sectionKey(index), flow.page + 1);
  doc.addNamedDestination(sectionKey(index), 'XYZ', null, flow.y, null);
  doc.outline.addItem(table.title.slice(0, 90));
  flow.paragraph(table.title, { size: STYLE.h1, weight: 700, color: STYLE.accent, gapAfter: 8 }, tag(ctx, sect, 'H1'), 2);
  const keep = table.columns.flatMap((c, i) => (c.kind !== 'country' && table.columns.some((k) => k.kind === 'country') && NARROW_OUT.has(c.key) ? [] : [i]));
  if (table.rows.length === 0) {
    flow.paragraph(labels.t('empty'), { size: STYLE.body, color: STYLE.muted }, tag(ctx, sect, 'P'));
    return;
  }
  const columns = keep.map((i) => table.columns[i] as ExportColumn);
  const cells = table.rows.map((r) => keep.map((i) => r.cells[i] ?? null));
  drawTable(
    ctx,
    {
      columns: columns.map((c) => c.header),
      rows: cells.map((row) => row.map((cell) => printable(labels, cell))),
      weights: columnWidths(columns, cells, ctx.flow.width),
      // Answers keep their own direction (an Arabic answer in an English annex, and the reverse).
      directions: columns.map((c) => (c.kind === 'text' || c.kind === 'answer' || c.kind === 'country' ? 'auto' : undefined)),
      size: CELL_SIZE,
    },
    sect,
  );
}

/** Renders the annex of `tables` (buildTables' output) in the labels' language. */
export async function renderAnnex(tables: readonly ExportTable[], options: AnnexOptions): Promise<RenderedAnnex> {
  const { labels } = options;
  const language = labels.language;
  const parts = tables.filter((t) => !NOT_IN_ANNEX.has(t.id));
  const model = ReportModelSchema.parse({
    language,
    title: labels.t('title'),
    country: labels.t('title'),
    checklist: options.checklist,
    revision: 0,
    date: options.created.toISOString(),
    status: 'submitted',
    author: 'UN-Habitat Safer Cities Programme',
    paper: options.paper ?? 'a4',
    sections: parts.map((t, i) => ({ id: `part-${i}`, title: t.title, items: [] })),
  });
  const { ctx, missing, finish } = openTaggedDocument({
    model,
    labels: createLabels(language),
    paper: model.paper,
    margin: MARGIN,
    info: { Title: model.title, Author: model.author, Subject: labels.t('mechanism'), CreationDate: options.created },
  });

  cover(ctx, labels, tables.find((t) => t.id === 'about'));
  const toc = reserveToc(ctx);
  for (const [index, table] of parts.entries()) {
    part(ctx, labels, table, index);
    // Lets a caller on the main thread breathe between parts.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  fillToc(ctx, toc);
  drawRunningText(ctx);
  const { bytes, pages } = await finish();
  return { bytes, pages, parts: parts.length, missingGlyphs: [...missing].sort() };
}
