/**
 * The analysis across checklist versions: submissions on the sample pack 0.1.0 and its test-only
 * 0.2.0, and on the real pack 1.0.0 and its test-only 1.1.0, counted per version or together
 * through the packs' migrations.
 */
import os from 'node:os';
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../core/analysis/aggregate';
import { versionMap, compareVersions } from '../../../core/analysis/across-versions';
import { createAnalysisLabels } from '../../../core/analysis/labels';
import { prepareReport } from '../../../core/analysis/report';
import { buildSubmission, type Submission } from '../../../core/bundle/submission';
import { loadPack, type LoadedPack } from '../../../core/checklist/load';
import { clearInstalledPacks, registerInstalledPack } from '../../../core/checklist/registry';
import { loadSamplePack } from '../../../core/checklist/sample';
import { newDraft } from '../../../core/draft/create';
import type { Draft } from '../../../core/draft/schema';
import { moveDraft } from '../../../core/revisions';
import { AppError } from '../../../core/errors';
import { prepare } from '../../../core/features/analysis/handlers';
import { sampleRevisionSource } from '../../fixtures/packs/sample-revision';
import { saclRevisionSource } from '../../fixtures/packs/sacl-revision';
import { NOW, pack as sacl, sourceOf, submissionFor } from './fixture';

const sample = loadSamplePack();
const sample2 = loadPack(sampleRevisionSource());
const en = createAnalysisLabels('en');

function submissionOn(loaded: LoadedPack, code: string, answers: Record<string, unknown>): Submission {
  const draft = newDraft({ countryCode: code, responseLanguage: 'en' }, loaded.pack, new Date('2026-05-01T00:00:00Z'), `${code.toLowerCase()}-x`);
  const given = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined));
  return buildSubmission({ ...draft, answers: given as Draft['answers'] }, {
    externalIdentifier: `urn:uuid:00000000-0000-4000-8000-0000000000${code.charCodeAt(0)}`,
    submissionRevision: 1,
    exportedAt: new Date('2026-10-01T12:00:00Z'),
    software: 'test',
  });
}

// Two countries answered 0.1.0, two 0.2.0; the old answers use the old ids and option names.
const OLD = {
  'A.1': 'Ministry of Cities',
  'A.3': ['civil_society', 'women_youth'],
  'A.4': true,
  'B.1': 'partially',
  'B.2': 'interministerial',
  'B.4': 35,
  'C.1': { status: 'fully' },
  'C.4': 'Safety walks',
};
const submissions = [
  submissionOn(sample, 'KEN', OLD),
  // B.2 is asked only after "fully" or "partially", B.3 only after "not implemented" (the skip logic).
  submissionOn(sample, 'FRA', { ...OLD, 'A.3': ['women_youth'], 'A.4': false, 'B.1': 'not_implemented', 'B.2': undefined, 'B.3': 'Plans for a policy in 2027' }),
  submissionOn(sample2, 'BRA', { 'A.3': ['women_youth_orgs', 'older_persons'], 'A.4': 'full', 'B.1': { status: 'fully' }, 'B.1.a': 'interministerial', 'B.4.a': 12, 'B.4.b': 20, 'C.1': { status: 'fully' }, 'C.4': 'Short' }),
  submissionOn(sample2, 'EGY', { 'A.3': ['civil_society'], 'A.4': 'not_public', 'B.4.a': 7 }),
];

describe('the map from one version to the next (sample 0.1.0 → 0.2.0)', () => {
  const map = versionMap(sample, sample2);

  it('follows moves and keeps items that kept their id', () => {
    expect(map).not.toBeNull();
    expect(map?.places.get('B.2')?.newId).toBe('B.1.a');
    expect(map?.places.get('B.4')?.newId).toBe('B.4.a');
    expect(map?.places.get('C.3')?.newId).toBe('D.1');
    expect(map?.places.get('A.4')?.newId).toBe('A.4');
  });

  it('names the old items counted in their own version only, with why', () => {
    expect(map?.notCounted).toEqual([
      { itemId: 'B.3', reason: 'removed' },
      { itemId: 'C.4', reason: 'typeChanged' },
    ]);
    expect([...(map?.absent ?? [])].sort()).toEqual(['B.4.b', 'C.4', 'C.5']);
  });

  it('has no map backwards, nor between two checklists', () => {
    expect(versionMap(sample2, sample)).toBeNull();
    expect(versionMap(sample, sacl)).toBeNull();
  });
});

describe('analysis across the sample versions', () => {
  const model = analyse(submissions, sample2, { labels: en, publishable: false, now: NOW, across: [versionMap(sample, sample2) as NonNullable<ReturnType<typeof versionMap>>] });
  const choice = (item: string) => Object.fromEntries((model.choices.find((r) => r.itemId === item)?.options ?? []).map((o) => [o.id, o.count]));
  const coverage = (item: string) => model.coverage.find((r) => r.itemId === item)?.denominator;

  it('counts an old answer under its new id, renamed options and conversions applied', () => {
    expect(model.participants.map((p) => [p.code, p.checklistVersion])).toEqual([
      ['BRA', '0.2.0'],
      ['EGY', '0.2.0'],
      ['FRA', '0.1.0'],
      ['KEN', '0.1.0'],
    ]);
    expect(choice('A.3')).toMatchObject({ civil_society: 2, women_youth_orgs: 3, older_persons: 1 });
    expect(choice('A.4')).toMatchObject({ full: 2, not_public: 2 });
    // FRA (0.1.0) and EGY (0.2.0) were not asked it, each under its own version's rules.
    expect(coverage('B.1.a')).toEqual({ answered: 2, skipped: 2, notAnswered: 0, otherVersion: 0 });
    expect(model.numbers.find((r) => r.itemId === 'B.4.a')).toMatchObject({ min: 7, max: 35, denominator: { answered: 4 } });
    expect(model.status.find((r) => r.itemId === 'B.1')?.counts).toMatchObject({ partially: 1, not_implemented: 1, fully: 1 });
  });

  it('counts countries whose version did not ask an item apart, never as not answered', () => {
    expect(coverage('B.4.b')).toEqual({ answered: 1, skipped: 0, notAnswered: 1, otherVersion: 2 });
    // C.4 changed type with no conversion: the old long answers are in 0.1.0's own analysis only.
    expect(coverage('C.4')).toEqual({ answered: 1, skipped: 0, notAnswered: 1, otherVersion: 2 });
    for (const row of model.coverage) {
      const d = row.denominator;
      expect(d.answered + d.skipped + d.notAnswered + (d.otherVersion ?? 0), row.itemId).toBe(model.statisticsCount);
    }
    expect(model.freeText.filter((e) => e.itemId === 'C.4').map((e) => e.text)).toEqual(['Short']);
  });

  it('says which versions it counts, and what of the older one it leaves to that version', () => {
    expect(model.versions?.target).toBe('0.2.0');
    expect(model.versions?.counted.map((v) => [v.version, v.countries, v.notCounted.map((n) => n.itemId)])).toEqual([
      ['0.2.0', 2, []],
      ['0.1.0', 2, ['B.3', 'C.4']],
    ]);
    expect(model.versions?.counted[1]?.notCounted[0]?.question).toBe(sample.items.get('B.3')?.text.en);
  });

  it('analyses one version alone when not asked to map (the removed item is there)', () => {
    const old = analyse(submissions, sample, { labels: en, publishable: false, now: NOW });
    expect(old.versions).toBeUndefined();
    expect(old.participants.map((p) => p.code)).toEqual(['FRA', 'KEN']);
    expect(old.coverage.find((r) => r.itemId === 'B.3')?.denominator).toEqual({ answered: 1, skipped: 1, notAnswered: 0 });
    expect(old.freeText.filter((e) => e.itemId === 'C.4').map((e) => e.text)).toEqual(['Safety walks', 'Safety walks']);
  });
});

describe('a report across versions', () => {
  beforeAll(() => registerInstalledPack(sample2, 'test'));
  afterAll(() => clearInstalledPacks());

  it('takes the newest version the submissions use and lists the versions in a table', async () => {
    const report = await prepareReport({ source: sourceOf(submissions), language: 'fr', publishable: false, acrossVersions: true, now: NOW });
    expect(report.model.checklist.version).toBe('0.2.0');
    expect(report.leftOut).toBe(0);
    const versions = report.tables.find((t) => t.id === 'versions');
    expect(versions?.rows.map((r) => [r.cells[0], r.cells[2]])).toEqual([
      ['0.2.0', null],
      ['0.1.0', 'B.3'],
      ['0.1.0', 'C.4'],
    ]);
    expect(versions?.rows[1]?.cells[4]).toMatch(/^Retiré de la liste/);
    const coverage = report.tables.find((t) => t.id === 'coverage');
    expect(coverage?.columns.map((c) => c.key)).toContain('otherVersion');
    expect(report.tables.find((t) => t.id === 'about')?.rows.some((r) => String(r.cells[1]).includes('0.2.0, 0.1.0'))).toBe(true);
  });

  it('in the app: several versions and no choice are counted together; a chosen version alone', async () => {
    const read = { submissions: submissions.map((submission, i) => ({ submission, origin: `m-${i}` })), unreadable: [] };
    const none = await prepare(read, { groups: [], responseLanguages: [] }, 'en', false, NOW);
    expect(none.model.versions?.target).toBe('0.2.0');
    expect(none.model.participants).toHaveLength(4);
    const one = await prepare(read, { groups: [], responseLanguages: [], checklist: { id: 'safer-cities-sample', version: '0.1.0' } }, 'en', false, NOW);
    expect(one.model.versions).toBeUndefined();
    expect(one.model.participants.map((p) => p.code)).toEqual(['FRA', 'KEN']);
    const all = await prepare(read, { groups: [], responseLanguages: [], checklist: { id: 'safer-cities-sample', version: null } }, 'en', false, NOW);
    expect(all.model.versions?.counted.map((v) => v.version)).toEqual(['0.2.0', '0.1.0']);
  });

  it('still refuses several versions unless one is chosen or all are mapped', async () => {
    await expect(prepareReport({ source: sourceOf(submissions), language: 'en', publishable: false })).rejects.toSatisfy(
      (e: unknown) => e instanceof AppError && e.code === 'analysis:errors.severalChecklists',
    );
    const one = await prepareReport({ source: sourceOf(submissions), language: 'en', publishable: false, checklist: { id: 'safer-cities-sample', version: '0.1.0' } });
    expect(one.model.participants.map((p) => p.code)).toEqual(['FRA', 'KEN']);
    expect(one.leftOut).toBe(2);
    expect(one.tables.some((t) => t.id === 'versions')).toBe(false);
  });
});

describe('across the real pack 1.0.0 and its test-only 1.1.0', () => {
  let tmp = '';
  let revision: LoadedPack;
  let old: Submission[];
  let moved: Submission[];
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-across-'));
    revision = loadPack(await saclRevisionSource(tmp));
    old = [submissionFor('KEN', { answers: { 'A.4': true } }), submissionFor('PER', { answers: { 'A.4': false } })];
    // Two countries moved their draft to 1.1.0 before submitting.
    moved = ['AUT', 'JPN'].map((code) => {
      const s = submissionFor(code);
      const draft = { ...newDraft(s.assessment, sacl.pack, new Date('2026-05-01T00:00:00Z'), `${code.toLowerCase()}-y`), answers: s.answers } as Draft;
      const next = moveDraft(draft, sacl, revision, NOW).draft;
      return buildSubmission(next, { externalIdentifier: s.externalIdentifier, submissionRevision: 1, exportedAt: new Date('2026-10-02T00:00:00Z'), software: 'test' });
    });
  });
  afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

  it('adds up, item by item, what each version counts on its own', () => {
    const all = [...old, ...moved];
    const map = versionMap(sacl, revision) as NonNullable<ReturnType<typeof versionMap>>;
    expect(map.notCounted.map((n) => n.itemId)).toEqual(['B.5', 'D.4']);
    const across = analyse(all, revision, { labels: en, publishable: false, now: NOW, across: [map] });
    const perOld = analyse(all, sacl, { labels: en, publishable: false, now: NOW });
    const perNew = analyse(all, revision, { labels: en, publishable: false, now: NOW });
    expect(across.participants).toHaveLength(4);
    let compared = 0;
    for (const row of across.status) {
      const oldId = [...map.places].find(([, p]) => p.newId === row.itemId)?.[0];
      const a = perOld.status.find((r) => r.itemId === oldId);
      const b = perNew.status.find((r) => r.itemId === row.itemId);
      if (!a || !b) continue;
      for (const [status, count] of Object.entries(row.counts)) expect(count, `${row.itemId} ${status}`).toBe(a.counts[status as keyof typeof a.counts] + b.counts[status as keyof typeof b.counts]);
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
    const answered = (m: typeof across, id: string) => m.coverage.find((r) => r.itemId === id)?.denominator.answered ?? -1;
    expect(answered(across, 'E.9')).toBe(answered(perOld, 'D.14') + answered(perNew, 'E.9'));
    expect(across.coverage.find((r) => r.itemId === 'C.20')?.denominator.otherVersion).toBe(2);
    const a4 = Object.fromEntries((across.choices.find((r) => r.itemId === 'A.4')?.options ?? []).map((o) => [o.id, o.count]));
    // KEN said yes and PER no on 1.0.0 (yes/no converted by the pack's map); AUT and JPN answered on 1.1.0.
    expect((a4.yes ?? 0) + (a4.no ?? 0) + (a4.planned ?? 0)).toBe(4);
    expect(a4.no).toBeGreaterThanOrEqual(1);
  });
});

describe('version order', () => {
  it('compares numbers as numbers', () => {
    expect(['1.10.0', '1.9.2', '0.2.0', '1.0.0'].sort(compareVersions)).toEqual(['0.2.0', '1.0.0', '1.9.2', '1.10.0']);
  });
});
