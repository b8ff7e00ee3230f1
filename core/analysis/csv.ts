/**
 * The analysis as CSV: one file per table, UTF-8 with a byte order mark (without it Excel reads
 * Arabic, Chinese and Russian as mojibake), RFC 4180 (CRLF between records, fields quoted when they
 * hold a comma, quote or line break). Text that a spreadsheet would take for a formula is
 * defused (sanitize.ts). All tables together come as one zip: `NN-<table id>.csv`.
 */
import yazl from 'yazl';
import { writeFileAtomic } from '../fs/atomic';
import { csvField } from './sanitize';
import type { ExportTable } from './tables';

const BOM = '\uFEFF';

/** One table as CSV text, header first. */
export function csvText(table: ExportTable): string {
  const lines = [table.columns.map((c) => csvField(c.header)).join(',')];
  for (const row of table.rows) lines.push(row.cells.map(csvField).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** File names in the zip: sheet order, then the table id (ids are ASCII; `item-F.1` keeps its dot). */
export function csvFileNames(tables: readonly ExportTable[]): string[] {
  return tables.map((t, i) => `${String(i + 1).padStart(2, '0')}-${t.id.replace(/[^A-Za-z0-9.-]/g, '_')}.csv`);
}

/** Every table as a CSV file in one zip, dated `created` so that two runs give the same bytes. */
export async function csvZipBytes(tables: readonly ExportTable[], created: Date): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const names = csvFileNames(tables);
  tables.forEach((table, i) => zip.addBuffer(Buffer.from(csvText(table), 'utf8'), names[i] as string, { mtime: created, mode: 0o100644 }));
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function writeCsv(file: string, table: ExportTable): Promise<void> {
  await writeFileAtomic(file, Buffer.from(csvText(table), 'utf8'));
}

export async function writeCsvZip(file: string, tables: readonly ExportTable[], created: Date): Promise<void> {
  await writeFileAtomic(file, await csvZipBytes(tables, created));
}
