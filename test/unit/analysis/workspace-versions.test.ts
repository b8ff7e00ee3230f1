/**
 * The analysis across checklist versions from a real secretariat workspace (versions-workspace.ts:
 * signed bundles on 1.0.0 and on the test-only 1.1.0, imported with importBundles), analysed per
 * version and across versions as `scsa report` and the app's analysis screen do.
 */
import os from 'node:os';
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisModel, Denominator } from '../../../core/analysis/model';
import { prepareReport, type PreparedReport } from '../../../core/analysis/report';
import { clearInstalledPacks, registerInstalledPack } from '../../../core/checklist/registry';
import { prepare, type Read } from '../../../core/features/analysis/handlers';
import { currentSubmissions, loadIndex, type Workspace } from '../../../core/secretariat';
import { NOW } from './fixture';
import { sacl, versionsWorkspace } from './versions-workspace';

let tmp = '';
let ws: Workspace;
let d4Other = '';

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-ws-versions-'));
  const made = await versionsWorkspace(tmp);
  ws = made.ws;
  d4Other = made.d4Other;
  expect(made.decisions.map((d) => [d.facts?.country, d.facts?.checklistVersion, d.decision])).toEqual([
    ['DEU', '1.0.0', 'imported'],
    ['PER', '1.0.0', 'imported'],
    ['KEN', '1.0.0', 'imported'],
    // A later revision on the newer version of the same checklist is the same series.
    ['KEN', '1.1.0', 'supersedes'],
    ['AUT', '1.1.0', 'imported'],
    ['JPN', '1.1.0', 'imported'],
  ]);
  // What the app's installed packs give the analysis: 1.1.0 is known.
  registerInstalledPack(made.revision, 'test');
}, 120_000);

afterAll(async () => {
  clearInstalledPacks();
  await ws?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

/** The workspace as `scsa report --workspace` reads it: the current submission of each country. */
const workspaceSource = () => ({
  async *submissions() {
    yield* currentSubmissions(ws, await loadIndex(ws));
  },
});

async function read(): Promise<Read> {
  const submissions = [];
  for await (const s of workspaceSource().submissions()) submissions.push(s);
  return { submissions, unreadable: [] };
}

const codes = (m: AnalysisModel) => m.participants.map((p) => p.code);
const denominator = (m: AnalysisModel, itemId: string): Denominator | undefined => m.coverage.find((r) => r.itemId === itemId)?.denominator;
const options = (m: AnalysisModel, itemId: string) => Object.fromEntries((m.choices.find((r) => r.itemId === itemId)?.options ?? []).map((o) => [o.id, o.count]));
const total = (d: Denominator | undefined) => (d ? d.answered + d.skipped + d.notAnswered + (d.otherVersion ?? 0) : -1);

describe('a workspace with submissions on two checklist versions, one version at a time', () => {
  let old: PreparedReport;
  let next: PreparedReport;
  beforeAll(async () => {
    old = await prepareReport({ source: workspaceSource(), language: 'en', publishable: false, checklist: { id: sacl.pack.id, version: '1.0.0' }, now: NOW });
    next = await prepareReport({ source: workspaceSource(), language: 'en', publishable: false, checklist: { id: sacl.pack.id, version: '1.1.0' }, now: NOW });
  });

  it('each version counts only the current submissions on it (KEN\'s 1.0.0 revision is superseded)', () => {
    expect(old.selection.current).toHaveLength(5);
    expect(codes(old.model)).toEqual(['DEU', 'PER']);
    expect(old.leftOut).toBe(3);
    expect(codes(next.model)).toEqual(['AUT', 'JPN', 'KEN']);
    expect(next.leftOut).toBe(2);
    expect(old.model.versions).toBeUndefined();
  });

  it('counts per item over that version\'s countries: an item of one version only is in that version\'s analysis', () => {
    expect(options(old.model, 'A.4')).toEqual({ yes: 1, no: 1 });
    expect(options(old.model, 'D.4')).toMatchObject({ not_available: 1, [d4Other]: 1 });
    expect(denominator(old.model, 'D.4')).toEqual({ answered: 2, skipped: 0, notAnswered: 0 });
    expect(old.model.coverage.some((r) => r.itemId === 'C.20')).toBe(false);
    expect(options(next.model, 'A.4')).toEqual({ yes: 1, planned: 1, no: 1 });
    expect(options(next.model, 'C.20')).toEqual({ yes: 2, no: 1 });
    expect(denominator(next.model, 'C.20')).toEqual({ answered: 3, skipped: 0, notAnswered: 0 });
    expect(next.model.coverage.some((r) => r.itemId === 'D.4')).toBe(false);
    for (const m of [old.model, next.model]) for (const r of m.coverage) expect(total(r.denominator), r.itemId).toBe(m.statisticsCount);
  });
});

describe('the same workspace across versions', () => {
  let across: PreparedReport;
  beforeAll(async () => {
    across = await prepareReport({ source: workspaceSource(), language: 'en', publishable: false, acrossVersions: true, now: NOW });
  });

  it('counts every current submission under the newest version, each once', () => {
    expect(across.model.checklist.version).toBe('1.1.0');
    expect(across.leftOut).toBe(0);
    expect(across.model.statisticsCount).toBe(5);
    expect(across.model.participants.map((p) => [p.code, p.checklistVersion, p.submissionRevision])).toEqual([
      ['AUT', '1.1.0', 1],
      ['DEU', '1.0.0', 1],
      ['JPN', '1.1.0', 1],
      ['KEN', '1.1.0', 2],
      ['PER', '1.0.0', 1],
    ]);
    expect(across.model.versions?.counted.map((v) => [v.version, v.countries])).toEqual([
      ['1.1.0', 3],
      ['1.0.0', 2],
    ]);
  });

  it('adds up an item both versions ask, the old answers converted, with every country in its denominator', () => {
    // DEU's yes and PER's no on 1.0.0 (converted), with AUT's yes, JPN's no and KEN's plan on 1.1.0.
    expect(options(across.model, 'A.4')).toEqual({ yes: 2, planned: 1, no: 2 });
    expect(across.model.choices.find((r) => r.itemId === 'A.4')?.denominator).toEqual({ answered: 5, skipped: 0, notAnswered: 0, otherVersion: 0 });
    for (const r of across.model.coverage) expect(total(r.denominator), r.itemId).toBe(5);
  });

  it('counts an item only the newer version asks over its own countries, the others as "other version"', () => {
    expect(options(across.model, 'C.20')).toEqual({ yes: 2, no: 1 });
    expect(denominator(across.model, 'C.20')).toEqual({ answered: 3, skipped: 0, notAnswered: 0, otherVersion: 2 });
  });

  it('leaves an item only the older version asks to that version\'s own analysis, and says so', () => {
    expect(across.model.coverage.some((r) => r.itemId === 'D.4')).toBe(false);
    expect(across.model.choices.some((r) => r.itemId === 'D.4')).toBe(false);
    expect(across.model.versions?.counted[1]?.notCounted.map((n) => n.itemId)).toEqual(expect.arrayContaining(['B.5', 'D.4']));
    const versions = across.tables.find((t) => t.id === 'versions');
    expect(versions?.rows.some((r) => r.cells[0] === '1.0.0' && r.cells[2] === 'D.4')).toBe(true);
  });

  it('orders countries by name in the report\'s language, never by what they answered', async () => {
    const fr = await prepareReport({ source: workspaceSource(), language: 'fr', publishable: false, acrossVersions: true, now: NOW });
    for (const m of [across.model, fr.model]) {
      const names = m.participants.map((p) => p.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, m.language)));
      // Every per-country list follows the same order.
      const rank = new Map(m.participants.map((p, i) => [p.code, i]));
      const byItem = new Map<string, number[]>();
      for (const e of m.freeText) byItem.set(`${e.itemId} ${e.field}`, [...(byItem.get(`${e.itemId} ${e.field}`) ?? []), rank.get(e.country.code) ?? -1]);
      for (const t of m.tables) byItem.set(t.itemId, t.rows.map((r) => rank.get(r.country.code) ?? -1));
      for (const [item, order] of byItem) expect(order, item).toEqual([...order].sort((a, b) => a - b));
    }
    // Germany is "Allemagne" in French: first there, second in English; answers change nothing of it.
    expect(codes(across.model)).toEqual(['AUT', 'DEU', 'JPN', 'KEN', 'PER']);
    expect(codes(fr.model)).toEqual(['DEU', 'AUT', 'JPN', 'KEN', 'PER']);
    expect(across.model.freeText.filter((e) => e.itemId === 'A.1').map((e) => e.text)).toEqual(['Bundeskanzleramt', 'Bundesministerium', 'Cabinet Office', 'Ministry of Lands', 'Ministerio']);
  });
});

describe('the app\'s analysis of the same workspace', () => {
  it('one version when the analyst picks it; every version when none or "all versions" is picked', async () => {
    const r = await read();
    const one = await prepare(r, { groups: [], responseLanguages: [], checklist: { id: sacl.pack.id, version: '1.0.0' } }, 'en', false, NOW);
    expect(codes(one.model)).toEqual(['DEU', 'PER']);
    expect(options(one.model, 'D.4')).toMatchObject({ not_available: 1, [d4Other]: 1 });
    for (const filters of [{ groups: [], responseLanguages: [] }, { groups: [], responseLanguages: [], checklist: { id: sacl.pack.id, version: null } }]) {
      const all = await prepare(r, filters, 'en', false, NOW);
      expect(all.model.versions?.target).toBe('1.1.0');
      expect(options(all.model, 'A.4')).toEqual({ yes: 2, planned: 1, no: 2 });
      expect(denominator(all.model, 'C.20')).toEqual({ answered: 3, skipped: 0, notAnswered: 0, otherVersion: 2 });
    }
  });
});
