// The secretariat's analysis end to end in Chromium, English and Arabic: a workspace holding six
// countries' signed bundles, the analysis screen reached from home, a filter by regional group, a
// chart, and the three exports downloaded and opened again — with no ranking anywhere.
import { execFileSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { countryName } from '../../core/i18n/countries';
import { axeViolations } from './axe';
import { browserTestsEnabled, makeTempDir, ROOT } from './harness';
import { hostApi } from './host-api';
import { openApp } from './workflow-steps';
import { RANK_WORDS } from '../unit/analysis/no-ranking';
import { seedWorkspace, SEED } from '../unit/analysis/workspace-seed';
import { unzipEntries } from '../unit/analysis/unzip';

type Tree = { [key: string]: string | Tree };
const text = (lng: string, ns = 'analysis'): Tree => JSON.parse(readFileSync(path.join(ROOT, 'locales', lng, `${ns}.json`), 'utf8')) as Tree;
const at = (tree: Tree, key: string): string => key.split('.').reduce<Tree | string>((node, part) => (node as Tree)[part] as Tree | string, tree) as string;

let cleanups: Array<() => Promise<unknown>> = [];
let workspaceDir = '';
let seedRoot: { path: string; remove: () => Promise<void> };

/** The seed's countries ordered by their results ("fully" first): what a ranking would show. */
const BY_RESULT = SEED.map((c) => c.code);
const AFRICAN = ['EGY', 'KEN', 'ZMB'];

const alphabetical = (codes: readonly string[], lng: string) => {
  const collator = new Intl.Collator(lng);
  return [...codes].map((c) => countryName(c, lng)).sort(collator.compare);
};

async function download(page: Page, click: () => Promise<void>, dir: string): Promise<{ name: string; file: string }> {
  const started = page.waitForEvent('download', { timeout: 180_000 });
  await click();
  const file = await started;
  const saved = path.join(dir, file.suggestedFilename());
  await file.saveAs(saved);
  return { name: file.suggestedFilename(), file: saved };
}

async function participantNames(page: Page): Promise<string[]> {
  return page.locator('[data-testid=analysis-participants] tbody th').allTextContents();
}

describe.skipIf(!browserTestsEnabled)('secretariat analysis (Chromium)', { timeout: 600_000 }, () => {
  beforeAll(async () => {
    seedRoot = await makeTempDir('analysis-seed');
    workspaceDir = path.join(seedRoot.path, 'workspace');
    await seedWorkspace(workspaceDir, path.join(seedRoot.path, 'bundles'));
  }, 180_000);
  afterAll(() => seedRoot?.remove());
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
    cleanups = [];
  });

  it.each(['en', 'ar'] as const)('in %s: filter, chart, exports, no ranking, no axe violations', async (lng) => {
    const t = text(lng);
    const { page, host } = await openApp(cleanups, lng);
    await page.setViewportSize({ width: 1366, height: 768 });
    await hostApi(host, 'openWorkspace', workspaceDir);
    // From home: the secretariat workspace, then its analysis.
    const ws = text(lng, 'secretariat');
    await page.getByRole('link', { name: at(ws, 'app.entry.open') }).click();
    await page.getByRole('navigation', { name: at(ws, 'app.navLabel') }).getByRole('link', { name: at(ws, 'app.nav.analysis') }).click();
    await page.locator('[data-testid=analysis-summary]').waitFor({ timeout: 120_000 });

    // Every country, alphabetical in the interface language, never in the order of results.
    const all = await participantNames(page);
    expect(all).toEqual(alphabetical(BY_RESULT, lng));
    expect(all).not.toEqual(BY_RESULT.map((c) => countryName(c, lng)));

    // Filter by regional group.
    await page.getByRole('checkbox', { name: at(t, 'groups.african') }).check();
    await page.getByRole('button', { name: at(t, 'screen.apply') }).click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=analysis-participants] tbody tr').length === n, AFRICAN.length);
    expect(await participantNames(page)).toEqual(alphabetical(AFRICAN, lng));

    // A chart: bars with their numbers in words, starting at the inline start (the right in Arabic).
    const chart = page.locator('[data-testid^=chart-status-]').first();
    await chart.scrollIntoViewIfNeeded();
    await expect.poll(() => chart.locator('.bar-chart__value').first().textContent()).toMatch(/\S/);
    const cell = await chart.locator('.bar-chart__bar-cell').first().boundingBox();
    const bar = await chart.locator('tr').filter({ has: page.locator('.bar-chart__bar') }).first().locator('.bar-chart__bar').boundingBox();
    expect(cell && bar).toBeTruthy();
    if (cell && bar) {
      if (lng === 'ar') expect(Math.abs(bar.x + bar.width - (cell.x + cell.width))).toBeLessThan(12);
      else expect(Math.abs(bar.x - cell.x)).toBeLessThan(12);
    }
    // An item's answers as written, each in its own direction.
    const show = page.locator('.analysis-item button', { hasText: /\(/ }).first();
    await show.click();
    await page.locator('.analysis-answers__text').first().waitFor();
    expect(await page.locator('.analysis-answers__text[lang=ar]').first().getAttribute('dir')).toBe('rtl');

    expect(await axeViolations(page)).toEqual([]);
    if (process.env.SCSA_SHOTS) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(process.env.SCSA_SHOTS, `analysis-${lng}-top.png`) });
      await chart.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(process.env.SCSA_SHOTS, `analysis-${lng}-chart.png`) });
    }

    const out = await makeTempDir('analysis-downloads');
    cleanups.push(out.remove);
    const panel = page.locator('[data-testid=analysis-export]');
    await panel.getByLabel(at(t, 'screen.exportLanguage')).selectOption(lng);

    // XLSX: a sheet per table, localized headers, frozen header row, filters, right to left in Arabic.
    const xlsx = await download(page, () => panel.getByRole('button', { name: at(t, 'screen.export'), exact: true }).click(), out.path);
    expect(xlsx.name).toMatch(new RegExp(`_${lng}_\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    await panel.locator('[data-testid=analysis-export-done]').waitFor();
    if (process.env.SCSA_SHOTS) {
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(process.env.SCSA_SHOTS, `analysis-${lng}-export.png`) });
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fs.readFile(xlsx.file)) as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThan(8);
    expect(wb.worksheets[1]?.name).toBe(at(t, 'tables.participation'));
    for (const sheet of wb.worksheets) {
      const view = sheet.views[0] as ExcelJS.WorksheetViewFrozen & { rightToLeft?: boolean };
      expect(view.state, sheet.name).toBe('frozen');
      expect(view.ySplit, sheet.name).toBe(1);
      expect(Boolean(view.rightToLeft), sheet.name).toBe(lng === 'ar');
      expect(sheet.autoFilter, sheet.name).toBeTruthy();
      const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      for (const h of headers) expect(h, `${sheet.name}: ${h}`).not.toMatch(RANK_WORDS);
      // A sheet that lists countries carries no count; a sheet of counts names no country.
      if (headers.includes(at(t, 'columns.country'))) expect(headers.some((h) => [at(t, 'columns.count'), at(t, 'columns.answered')].includes(h)), sheet.name).toBe(false);
    }
    const participation = wb.worksheets[1] as ExcelJS.Worksheet;
    expect((participation.getRow(1).values as unknown[]).slice(1, 4)).toEqual([at(t, 'columns.country'), at(t, 'columns.iso3'), at(t, 'columns.group')]);
    const sheetNames = Array.from({ length: participation.rowCount - 1 }, (_, i) => String(participation.getRow(i + 2).getCell(1).value));
    expect(sheetNames).toEqual(alphabetical(AFRICAN, lng));

    // CSV: every table a file with a byte order mark, the same order of countries.
    await panel.getByRole('radio', { name: at(t, 'screen.formats.csv') }).check();
    const csv = await download(page, () => panel.getByRole('button', { name: at(t, 'screen.export'), exact: true }).click(), out.path);
    const entries = await unzipEntries(await fs.readFile(csv.file));
    for (const bytes of entries.values()) expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = (entries.get('02-participation.csv') as Buffer).toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(rows[0]?.startsWith(at(t, 'columns.country'))).toBe(true);
    expect(rows.slice(1).map((r) => r.split(',')[0]?.replace(/^"|"$/g, ''))).toEqual(alphabetical(AFRICAN, lng));

    // The statistical annex: its headings, and countries in alphabetical order.
    await panel.getByRole('radio', { name: at(t, 'screen.formats.pdf') }).check();
    const pdf = await download(page, () => panel.getByRole('button', { name: at(t, 'screen.export'), exact: true }).click(), out.path);
    const annex = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf.file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const flat = annex.replace(/\s+/g, ' ');
    if (lng === 'en') {
      for (const heading of ['tables.participation', 'tables.status', 'tables.choices', 'tables.assistanceTypes']) expect(flat).toContain(at(t, heading));
      const positions = alphabetical(AFRICAN, lng).map((name) => flat.indexOf(name));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      // The annex says why it ranks no one; no column header of it names a rank or a score.
      expect(flat).toContain(at(t, 'noRanking').replace(/\s+/g, ' ').slice(0, 40));
    } else {
      // pdftotext gives Arabic runs in visual order: the words are there, their order is not text.
      expect(annex.length).toBeGreaterThan(1000);
      expect(flat).toMatch(/[\u0600-\u06ff]/);
    }
  });
});
