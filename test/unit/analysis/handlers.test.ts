// The analysis feature through dispatch, as the transports call it: the open workspace analysed as a
// job, filters, an item's answers, and exports taken once as downloads.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisView, ItemAnswers } from '../../../core/api/contract';
import { makeCore, pollJob, tempDir, type TestCore } from '../api/harness';
import { expectAlphabetical, RANK_WORDS } from './no-ranking';
import { seedWorkspace } from './workspace-seed';
import { unzipEntries } from './unzip';

let core: TestCore;
let dir = '';

async function finished<T>(jobId: unknown): Promise<T> {
  for (;;) {
    const r = await pollJob<{ state: string } & T>(core.call, jobId);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    if (r.value.state === 'done') return r.value;
    if (r.value.state !== 'running') throw new Error(JSON.stringify(r.value));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const ALL = { groups: [], responseLanguages: [] };

async function analysis(filters: object = ALL): Promise<AnalysisView> {
  const { jobId } = await core.ok<{ jobId: string }>('startAnalysis', filters);
  return (await finished<{ view: AnalysisView }>(jobId)).view;
}

async function download(request: object): Promise<{ fileName: string; bytes: Buffer }> {
  const { jobId } = await core.ok<{ jobId: string }>('exportAnalysis', request);
  const done = await finished<{ exportId: string; fileName: string }>(jobId);
  const ticket = await core.ok<{ token: string; fileName: string }>('downloadAnalysisExport', done.exportId);
  const opened = await core.service.takeDownload(ticket.token, ticket.fileName);
  if (!opened) throw new Error('no download');
  const bytes = await opened.handle.readFile();
  await opened.handle.close();
  return { fileName: done.fileName, bytes };
}

beforeAll(async () => {
  const root = await tempDir('analysis-handlers');
  dir = path.join(root, 'workspace');
  await seedWorkspace(dir, path.join(root, 'bundles'));
  core = makeCore(path.join(root, 'data'));
}, 120_000);
afterAll(() => core.service.dispose());

describe('analysis of the open workspace', () => {
  it('says no workspace is open before one is, and refuses filters it does not know', async () => {
    expect(await core.call('startAnalysis', ALL)).toMatchObject({ ok: false, error: { code: 'secretariat:errors.noWorkspaceOpen' } });
    await core.ok('openWorkspace', dir);
    expect(await core.call('startAnalysis', { groups: ['best-countries'], responseLanguages: [] })).toMatchObject({ ok: false, error: { code: 'errors.badRequest' } });
  });

  it('counts each item with its denominator, countries alphabetical in the UI language, never by result', async () => {
    const view = await analysis();
    expect(view.participants.map((p) => p.code)).toEqual(['AUT', 'BRA', 'EGY', 'FRA', 'KEN', 'ZMB']);
    expectAlphabetical(view.participants.map((p) => p.name), 'en', 'participants');
    expect(view.statisticsCount).toBe(6);
    expect(view.available.groups).toEqual(expect.arrayContaining(['african', 'western-european-other', 'latin-american-caribbean']));
    expect(view.available.languages).toEqual(['ar', 'en']);
    expect(view.filters.checklist).toEqual({ id: 'safer-cities-sacl', version: '1.0.0' });
    const withStatus = view.items.filter((i) => i.status);
    expect(withStatus.length).toBeGreaterThan(10);
    const first = withStatus[0];
    expect(first?.status?.counts.find((c) => c.id === 'fully')?.count).toBe(2);
    expect(first?.status?.counts.find((c) => c.id === 'not_implemented')?.count).toBe(2);
    for (const item of view.items) {
      const d = item.denominator;
      expect(d.answered + d.skipped + d.notAnswered, item.id).toBe(6);
    }
    // Nothing per country but facts about its submission.
    expect(Object.keys(view.participants[0] ?? {}).sort()).toEqual(['baggingDate', 'checklistVersion', 'code', 'consent', 'group', 'name', 'responseLanguage', 'submissionRevision']);
    expect(JSON.stringify(view)).not.toMatch(/"(score|rank)/i);
  });

  it('filters by regional group and response language, and names countries in the UI language', async () => {
    const african = await analysis({ groups: ['african'], responseLanguages: [] });
    expect(african.participants.map((p) => p.code)).toEqual(['EGY', 'KEN', 'ZMB']);
    expect(african.leftOut).toBe(3);
    const arabic = await analysis({ groups: [], responseLanguages: ['ar'] });
    expect(arabic.participants.map((p) => p.code)).toEqual(['EGY']);
    await core.ok('setLanguage', 'ar');
    try {
      const inArabic = await analysis();
      expect(inArabic.language).toBe('ar');
      expectAlphabetical(inArabic.participants.map((p) => p.name), 'ar', 'participants in Arabic');
      expect(inArabic.participants.map((p) => p.code)).not.toEqual(['AUT', 'BRA', 'EGY', 'FRA', 'KEN', 'ZMB']);
    } finally {
      await core.ok('setLanguage', 'en');
    }
  });

  it('gives an item’s answers as written with their language, and refuses a replaced analysis', async () => {
    const view = await analysis();
    const textual = view.items.find((i) => i.answers > 0 && i.type === 'uncac') ?? view.items.find((i) => i.answers > 0);
    const answers = await core.ok<ItemAnswers>('analysisAnswers', view.viewId, textual?.id, 100);
    expect(answers.freeText.length).toBeGreaterThan(0);
    expect(answers.freeText.find((e) => e.country === 'EGY')?.language).toBe('ar');
    const table = view.items.find((i) => i.id === 'F.1');
    const rows = await core.ok<ItemAnswers>('analysisAnswers', view.viewId, table?.id, 100);
    expect(rows.table?.rows.length).toBeGreaterThan(0);
    expectAlphabetical([...new Set(rows.table?.rows.map((r) => r.country))], 'en', 'table rows');
    await analysis();
    expect(await core.call('analysisAnswers', view.viewId, 'A.1', 10)).toMatchObject({ ok: false, error: { code: 'analysis:errors.stale' } });
  });
});

describe('exports of the open workspace', () => {
  it('writes XLSX in Arabic with right-to-left sheets, served once', async () => {
    const { fileName, bytes } = await download({ format: 'xlsx', language: 'ar', publishable: false, filters: ALL });
    expect(fileName).toMatch(/^analysis_safer-cities-sacl_1\.0\.0_ar_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThan(5);
    for (const sheet of wb.worksheets) {
      const view = sheet.views[0] as ExcelJS.WorksheetViewFrozen & { rightToLeft?: boolean };
      expect(view.rightToLeft, sheet.name).toBe(true);
      expect(view.ySplit, sheet.name).toBe(1);
      for (const h of (sheet.getRow(1).values as unknown[]).slice(1)) expect(String(h)).not.toMatch(RANK_WORDS);
    }
  });

  it('writes every table as CSV with a byte order mark in a zip; publishable leaves out what was not consented', async () => {
    const { fileName, bytes } = await download({ format: 'csv', language: 'en', publishable: true, filters: ALL });
    expect(fileName).toMatch(/_publishable_.*\.zip$/);
    const entries = await unzipEntries(bytes);
    const names = [...entries.keys()];
    expect(names[0]).toBe('01-about.csv');
    for (const content of entries.values()) expect([...content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const about = (entries.get('01-about.csv') as Buffer).toString('utf8');
    // FRA (summary only) and AUT (nothing) take part without being in the statistics.
    expect(about).toMatch(/Countries whose answers are in the statistics,4\r\n/);
  });

  it('serves a finished export once, and writes the annex PDF', async () => {
    const { jobId } = await core.ok<{ jobId: string }>('exportAnalysis', { format: 'pdf', language: 'fr', publishable: false, filters: ALL });
    const done = await finished<{ exportId: string; pages: number }>(jobId);
    expect(done.pages).toBeGreaterThan(1);
    const ticket = await core.ok<{ token: string; fileName: string }>('downloadAnalysisExport', done.exportId);
    const opened = await core.service.takeDownload(ticket.token, ticket.fileName);
    const head = Buffer.alloc(5);
    await opened?.handle.read(head, 0, 5, 0);
    await opened?.handle.close();
    expect(head.toString()).toBe('%PDF-');
    expect(await core.call('downloadAnalysisExport', done.exportId)).toMatchObject({ ok: false, error: { code: 'analysis:errors.exportGone' } });
  });
});
