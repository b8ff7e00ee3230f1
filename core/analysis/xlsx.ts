/**
 * The analysis as an XLSX workbook (exceljs, streaming writer): one sheet per table, the header row
 * localized, bold, frozen and with filters; sheets right to left when the export is in Arabic.
 * Text from submissions goes into text-typed cells (never a formula), cleaned of characters XML
 * cannot hold. exceljs is used for writing only and only here, so a later switch stays cheap.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { writeFileAtomic } from '../fs/atomic';
import { directionOf, type Language } from '../i18n/languages';
import { cleanText } from './sanitize';
import type { ExportCell, ExportTable } from './tables';

export interface XlsxOptions {
  language: Language;
  /** The workbook's creation date (the analysis date), so that two runs write the same content. */
  created: Date;
}

const MAX_SHEET_NAME = 31;

/**
 * A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], no apostrophe at
 * either end, unique regardless of case.
 */
export function sheetName(title: string, used: Set<string>): string {
  const base = Array.from(title.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '')).slice(0, MAX_SHEET_NAME).join('').trim() || 'Sheet';
  let name = base;
  for (let n = 2; used.has(name.toLocaleLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = Array.from(base).slice(0, MAX_SHEET_NAME - suffix.length).join('').trim() + suffix;
  }
  used.add(name.toLocaleLowerCase());
  return name;
}

/** Letters of a 1-based column number (1 → A, 28 → AB). */
function columnLetters(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** Text longer than this is wrapped in its cell. */
const WRAP_FROM = 60;
/** One style object for all wrapped cells of a direction, for the same reason as PLAIN below. */
const LTR_TEXT: Partial<ExcelJS.Style> = { alignment: { vertical: 'top', wrapText: true, readingOrder: 'ltr' } };
const RTL_TEXT: Partial<ExcelJS.Style> = { alignment: { vertical: 'top', wrapText: true, readingOrder: 'rtl' } };

/**
 * Every cell without a style of its own shares this object: exceljs works out a cell's style once
 * per style object it has not seen before, and each new cell otherwise comes with a fresh `{}`
 * (that alone took more time than the rest of the workbook).
 */
const PLAIN: Partial<ExcelJS.Style> = Object.freeze({});

const cellValue = (cell: ExportCell): string | number | null => (typeof cell === 'string' ? cleanText(cell) : cell);

function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, table: ExportTable, name: string, rtl: boolean): void {
  const lastColumn = columnLetters(table.columns.length);
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, rightToLeft: rtl, activeCell: 'A2' }],
    properties: { defaultRowHeight: 15 },
  });
  sheet.autoFilter = `A1:${lastColumn}${table.rows.length + 1}`;
  sheet.columns = table.columns.map((c) => ({ key: c.key, width: Math.min(Math.max(c.width, 6), 90) }));
  const header = sheet.addRow(table.columns.map((c) => cleanText(c.header)));
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9EEF3' } };
  header.commit();
  const textColumns = new Set(table.columns.flatMap((c, i) => (c.kind === 'text' ? [i] : [])));
  for (const row of table.rows) {
    const values = row.cells.map(cellValue);
    const added = sheet.addRow(values);
    values.forEach((value, i) => {
      if (value === null) return;
      // Answers keep their own direction: an Arabic answer reads right to left in any sheet. Short
      // one-line texts need no style of their own.
      const wrapped = textColumns.has(i) && typeof value === 'string' && (row.rtl || value.length > WRAP_FROM || value.includes('\n'));
      added.getCell(i + 1).style = wrapped ? (row.rtl ? RTL_TEXT : LTR_TEXT) : PLAIN;
    });
    added.commit();
  }
  sheet.commit();
}

/** The workbook's bytes; every table a sheet, in order. */
export async function xlsxBytes(tables: readonly ExportTable[], options: XlsxOptions): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Safer Cities Self-Assessment';
  workbook.lastModifiedBy = 'Safer Cities Self-Assessment';
  workbook.created = options.created;
  workbook.modified = options.created;
  const rtl = directionOf(options.language) === 'rtl';
  const used = new Set<string>();
  for (const table of tables) addSheet(workbook, table, sheetName(table.title, used), rtl);
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

/** Writes the workbook to `file` atomically (a crash leaves the old file or the new one). */
export async function writeXlsx(file: string, tables: readonly ExportTable[], options: XlsxOptions): Promise<void> {
  await writeFileAtomic(file, await xlsxBytes(tables, options));
}
