// scsa report, run as the secretariat runs it: the built command line over a folder of real bundles.
import { spawnSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ENTRY, ROOT, ensureBuilt } from '../../e2e/harness';
import { pageCount } from '../pdf/pdf-tools';
import { signingKey, writeBundle } from '../analysis/bundles';
import type { SigningKey } from '../../../core/keys';

const STACK_LINE = /\n\s+at .+:\d+:\d+/;
let dir: string;
let bundles: string;
let key: SigningKey;

function scsa(args: string[]) {
  const { SCSA_LANG: _ignored, ...base } = process.env;
  const r = spawnSync(process.execPath, [CLI_ENTRY, ...args], { encoding: 'utf8', cwd: dir, env: base });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const text = (lng: string) => JSON.parse(readFileSync(path.join(ROOT, 'locales', lng, 'cli.json'), 'utf8')) as { report: Record<string, string> };
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));

beforeAll(async () => {
  await ensureBuilt();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-cli-report-'));
  bundles = path.join(dir, 'bundles');
  key = await signingKey();
  await writeBundle(bundles, { code: 'ZMB', key });
  await writeBundle(bundles, { code: 'EGY', key, language: 'ar' });
  await writeBundle(bundles, { code: 'AUT', key, consent: 'not_public' });
  await fs.writeFile(path.join(bundles, 'damaged.zip'), 'PK\u0003\u0004 not really');
}, 120_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('scsa report --bundles DIR', () => {
  it('writes the workbook from the intact bundles, names the one left out, exit 0', async () => {
    const r = scsa(['report', '--bundles', 'bundles', '--out', 'report.xlsx']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(fill(text('en').report.written ?? '', { file: 'report.xlsx', tables: 14, countries: 3, statistics: 3 }));
    expect(r.stderr).toMatch(/^Left out damaged\.zip: /m);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'report.xlsx'));
    const participation = wb.worksheets[1] as ExcelJS.Worksheet;
    expect([2, 3, 4].map((row) => participation.getRow(row).getCell(1).value)).toEqual(['Austria', 'Egypt', 'Zambia']);
  });

  it('speaks and writes in the language of --lang, right to left in Arabic; --publishable applies consent', async () => {
    const r = scsa(['report', '--bundles', 'bundles', '--out', 'ar.xlsx', '--lang', 'ar', '--publishable']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(fill(text('ar').report.written ?? '', { file: 'ar.xlsx', tables: 14, countries: 3, statistics: 2 }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'ar.xlsx'));
    expect((wb.worksheets[0]?.views[0] as { rightToLeft?: boolean }).rightToLeft).toBe(true);
  });

  it('writes the PDF annex, a zip of CSV files, and one CSV table', async () => {
    const pdf = scsa(['report', '--bundles', 'bundles', '--out', 'annex.pdf', '--lang', 'fr', '--group', 'african']);
    expect(pdf.code).toBe(0);
    expect(pdf.stdout).toContain(`(pages : ${pageCount(path.join(dir, 'annex.pdf'))} ; pays participants : 2 ;`);
    expect(scsa(['report', '--bundles', 'bundles', '--out', 'all.zip']).code).toBe(0);
    expect(scsa(['report', '--bundles', 'bundles', '--out', 'status.csv', '--table', 'status']).code).toBe(0);
    const csv = await fs.readFile(path.join(dir, 'status.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('\r\nB.2,');
  }, 120_000);

  it('--all-versions counts every version under the newest: one version here, with the versions sheet and its extra denominator', async () => {
    const r = scsa(['report', '--bundles', 'bundles', '--out', 'all-versions.xlsx', '--all-versions']);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'all-versions.xlsx'));
    const analysis = JSON.parse(readFileSync(path.join(ROOT, 'locales', 'en', 'analysis.json'), 'utf8')) as { tables: Record<string, string>; columns: Record<string, string> };
    expect(wb.worksheets.map((s) => s.name)).toContain(analysis.tables.versions);
    const coverage = wb.worksheets.find((s) => s.name === analysis.tables.coverage) as ExcelJS.Worksheet;
    expect(coverage.getRow(1).values).toContain(analysis.columns.otherVersion);
  });

  it('uses only registered keys with --registry, and says what it left out', async () => {
    await fs.writeFile(path.join(dir, 'registry.json'), '[]');
    const r = scsa(['report', '--bundles', 'bundles', '--registry', 'registry.json', '--out', 'none.xlsx']);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/not signed by a key registered/g)).toHaveLength(3);
    expect(r.stdout).toContain('participating countries: 0');
  });
});

describe('scsa report --workspace DIR', () => {
  it('analyses the current submission of each country the workspace holds', async () => {
    expect(scsa(['import', '--workspace', 'ws', 'bundles']).code).toBe(1); // damaged.zip is rejected
    await fs.writeFile(path.join(dir, 'key.pub.pem'), key.publicKeyPem);
    for (const country of ['ZMB', 'EGY', 'AUT']) {
      expect(scsa(['registry', 'add', '--workspace', 'ws', '--country', country, '--pem', 'key.pub.pem', '--fingerprint', key.fingerprint]).code).toBe(0);
    }
    const r = scsa(['report', '--workspace', 'ws', '--out', 'ws.xlsx']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(fill(text('en').report.written ?? '', { file: 'ws.xlsx', tables: 14, countries: 3, statistics: 3 }));
  });

  it('a folder that is not a workspace is a failed run (exit 1) with the reason', () => {
    const r = scsa(['report', '--workspace', 'nowhere', '--out', 'r.xlsx']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nowhere does not exist/);
  });
});

describe('scsa report: wrong usage says what to do, exit 2, nothing written', () => {
  it.each([
    [['--bundles', 'bundles'], /The option --out FILE is required/],
    [['--bundles', 'bundles', '--out', 'r.txt'], /must end in \.xlsx, \.csv, \.zip or \.pdf/],
    [['--out', 'r.xlsx'], /either --workspace DIR or --bundles DIR/],
    [['--bundles', 'bundles', '--workspace', 'ws', '--out', 'r.xlsx'], /either --workspace DIR or --bundles DIR/],
    [['--bundles', 'bundles', '--out', 'r.xlsx', '--group', 'nordic'], /"nordic" is not a UN regional group/],
    [['--bundles', 'bundles', '--out', 'r.xlsx', '--response-lang', 'de'], /Unknown language "de"/],
    [['--bundles', 'bundles', '--out', 'r.xlsx', '--checklist', 'safer-cities-sacl@9.9.9'], /9\.9\.9 is not available/],
    [['--bundles', 'bundles', '--out', 'r.xlsx', '--table', 'status'], /--table ID goes with a \.csv output only/],
    [['--bundles', 'bundles', '--out', 'r.csv'], /A CSV file holds one table.*Tables: about, participation, coverage, status/],
    [['--bundles', 'bundles', '--out', 'r.csv', '--table', 'ranking'], /There is no table "ranking"/],
  ])('%j', async (args, message) => {
    const r = scsa(['report', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_LINE);
    await expect(fs.access(path.join(dir, 'r.xlsx'))).rejects.toThrow();
    await expect(fs.access(path.join(dir, 'r.csv'))).rejects.toThrow();
  });

  it('a folder that cannot be read is a failed run (exit 1) with the reason', () => {
    const r = scsa(['report', '--bundles', 'nowhere', '--out', 'r.xlsx']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/The folder .*nowhere cannot be read \(ENOENT\)/);
  });
});
