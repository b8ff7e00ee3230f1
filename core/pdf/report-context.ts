/** What every part of the report layout shares while one PDF is being written. */
import type { Labels } from './labels';
import type { ReportModel } from './report-model';
import type { PdfDoc, TextEngine } from './text/engine';
import type { Flow, TagTarget } from './text/flow';

/** A problem the user should know about; the PDF was still produced. */
export type ReportWarning =
  | { code: 'missingGlyphs'; codePoints: string[] }
  | { code: 'truncated'; itemId: string; omitted: number };

export interface ReportContext {
  model: ReportModel;
  labels: Labels;
  doc: PdfDoc;
  engine: TextEngine;
  flow: Flow;
  /** The /Document structure element every other element descends from. */
  root: PDFKit.PDFStructureElement;
  warnings: ReportWarning[];
  /** One-based page number where each TOC key (section or item) starts. */
  pageOf: Map<string, number>;
}

/** Colours and sizes in one place so the cover, body and tables agree. */
export const STYLE = {
  accent: '#1b4f72',
  muted: '#555555',
  danger: '#9b1c1c',
  rule: '#9aa5b1',
  headerFill: '#e9eef3',
  body: 10.5,
  small: 9,
  h1: 15,
  h2: 11.5,
  title: 22,
} as const;

/** pdfkit also accepts a table header's scope (its typings do not list it). */
export type StructOptions = PDFKit.Mixins.StructureElementOptions & { scope?: 'Row' | 'Column' | 'Both' };

/** Creates a structure element of `type` under `parent`, ready to receive marked content. */
export function tag(ctx: ReportContext, parent: PDFKit.PDFStructureElement, type: string, options?: StructOptions): TagTarget {
  const elem = options ? ctx.doc.struct(type, options) : ctx.doc.struct(type);
  parent.add(elem);
  return { elem, type };
}

/** Draws decoration (rules, fills, running headers) outside the structure tree, as screen readers expect. */
export function artifact(ctx: ReportContext, draw: () => void, type: 'Pagination' | 'Layout' = 'Layout'): void {
  ctx.doc.markContent('Artifact', { type });
  draw();
  ctx.doc.endMarkedContent();
}

/** Keys of the table of contents and of outline destinations. */
export function sectionKey(index: number): string {
  return `s${index}`;
}
export function itemKey(section: number, item: number): string {
  return `s${section}i${item}`;
}
