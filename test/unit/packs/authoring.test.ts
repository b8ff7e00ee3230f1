/**
 * The secretariat's authoring tools as functions: build from per-language sources, check (every
 * problem listed), diff between versions, and the migration checks every loaded pack passes.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../../core/checklist/load';
import { checkMigrations, migrationPath } from '../../../core/checklist/migration-chain';
import { defaultPack, findPack } from '../../../core/checklist/registry';
import { loadSamplePack } from '../../../core/checklist/sample';
import type { ChecklistPack } from '../../../core/checklist/schema';
import { buildPackFromSource, checkPackText, diffPacks } from '../../../core/packs';
import { REAL_SOURCES, REVISION_STEP, writeSaclRevisionSources } from '../../fixtures/packs/sacl-revision';
import { SAMPLE_STEP, sampleRevisionSource } from '../../fixtures/packs/sample-revision';

let tmp = '';
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-authoring-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const withSteps = (migrations: unknown) => ({ ...sampleRevisionSource(), migrations });

describe('building a pack from its sources', () => {
  it('gives the shipped pack byte for byte from core/checklist/packs/src', async () => {
    const built = await buildPackFromSource(REAL_SOURCES);
    const shipped = await fs.readFile(path.resolve(__dirname, '../../../core/checklist/packs/safer-cities-sacl.pack.json'), 'utf8');
    expect(built.text).toBe(shipped);
    expect(built.languages).toEqual(['ar', 'zh', 'en', 'fr', 'ru', 'es']);
  });

  it('carries the migrations, with removal notes from each language file', async () => {
    const dir = await writeSaclRevisionSources(path.join(tmp, 'rev'));
    const { pack } = await buildPackFromSource(dir);
    const loaded = loadPack(pack);
    expect(loaded.pack.version).toBe('1.1.0');
    const step = loaded.pack.migrations?.[0];
    expect(Object.keys(step?.items ?? {}).sort()).toEqual(Object.keys(REVISION_STEP.items).sort());
    expect(step?.items['B.5']).toMatchObject({ removed: true, note: { zh: expect.stringContaining('B.4') } });
    // C.20 has no guidance in any language: the field is left out rather than empty.
    expect(loaded.items.get('C.20')).not.toHaveProperty('guidance');
  });

  it('names a missing or broken source file', async () => {
    const dir = path.join(tmp, 'broken');
    await fs.mkdir(dir, { recursive: true });
    await expect(buildPackFromSource(dir)).rejects.toMatchObject({ code: 'packs:errors.sourceMissing', params: { file: 'structure.json' } });
    await fs.writeFile(path.join(dir, 'structure.json'), '{"id": "x", "version": "1.0.0", "sections": "none"}');
    await expect(buildPackFromSource(dir)).rejects.toMatchObject({ code: 'packs:errors.sourceInvalid', params: { file: 'structure.json', path: 'sections' } });
    await fs.writeFile(path.join(dir, 'structure.json'), '{"id": "x", "version": "1.0.0", "sections": []}');
    await expect(buildPackFromSource(dir)).rejects.toMatchObject({ code: 'packs:errors.sourceMissing', params: { file: 'en.json' } });
  });
});

describe('migration checks (loading refuses, check lists)', () => {
  // The raw JSON has the parsed shape (the fixtures leave no default to fill), so the checks can run on it before loading.
  const problems = (migrations: unknown) => checkMigrations(withSteps(migrations) as unknown as ChecklistPack);

  it('accepts the fixtures and finds the path from each earlier version', () => {
    expect(checkMigrations(loadPack(sampleRevisionSource()).pack)).toEqual([]);
    expect(migrationPath(loadPack(sampleRevisionSource()).pack, '0.1.0')).toHaveLength(1);
    expect(migrationPath(loadPack(sampleRevisionSource()).pack, '0.0.1')).toBeNull();
  });

  it.each([
    ['a target that is not an item', [{ ...SAMPLE_STEP, items: { 'C.3': { to: 'D.7' } } }], 'migrationTarget'],
    ['a target a later step moves nowhere', [{ from: '0.0.1', to: '0.1.0', items: { 'A.9': { to: 'A.8' } } }, SAMPLE_STEP], 'migrationTarget'],
    ['two items moved onto one', [{ ...SAMPLE_STEP, items: { 'B.2': { to: 'B.1.a' }, 'B.3': { to: 'B.1.a' } } }], 'migrationSharedTarget'],
    ['a loop of versions', [{ from: '0.1.0', to: '0.1.1', items: {} }, { from: '0.1.1', to: '0.1.0', items: {} }], 'migrationLoop'],
    ['a step from the pack\'s own version', [{ from: '0.2.0', to: '0.2.0', items: {} }], 'migrationLoop'],
    ['a step that leads to a version with no way on', [{ from: '0.1.0', to: '0.1.5', items: {} }], 'migrationDeadEnd'],
    ['two steps from one version', [SAMPLE_STEP, SAMPLE_STEP], 'migrationDuplicate'],
  ])('%s', (_what, migrations, code) => {
    expect(problems(migrations).map((p) => p.code)).toContain(code);
    expect(() => loadPack(withSteps(migrations))).toThrow(expect.objectContaining({ code: `packs:errors.${code}` }));
    const report = checkPackText(JSON.stringify(withSteps(migrations)));
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => f.code)).toContain(`packs:errors.${code}`);
  });
});

describe('checking a pack', () => {
  it('passes the shipped pack and the fixtures, with a summary', async () => {
    const report = checkPackText(await fs.readFile(path.resolve(__dirname, '../../../core/checklist/packs/safer-cities-sacl.pack.json'), 'utf8'), findPack);
    expect(report).toMatchObject({ ok: true, findings: [], pack: { id: 'safer-cities-sacl', version: '1.0.0', sections: 9 } });
    expect(checkPackText(JSON.stringify(sampleRevisionSource()), findPack)).toMatchObject({ ok: true, findings: [] });
  });

  it('lists every problem, not only the first: rules, references, languages, gaps', () => {
    const raw = sampleRevisionSource() as { languages: string[]; sections: { items: Record<string, unknown>[] }[]; title: Record<string, string> };
    raw.sections[0]!.items[0]!.relevance = "value('A.2') >";
    raw.sections[0]!.items[1]!.relevance = "answered('Q.1')";
    delete raw.title.ru;
    raw.languages = raw.languages.filter((l) => l !== 'ru');
    const report = checkPackText(JSON.stringify(raw));
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => [f.code, f.params.path ?? f.params.language])).toEqual([
      ['drafts:errors.packRuleSyntax', 'sections[0].items[0].relevance'],
      ['packs:check.languageMissing', 'ru'],
      ['packs:check.translationGap', 'title.ru'],
    ]);
    delete raw.sections[0]!.items[0]!.relevance;
    expect(checkPackText(JSON.stringify(raw)).findings.map((f) => f.code)).toContain('drafts:errors.packUnknownReference');
  });

  it('warns about an item of a known earlier version that vanishes without a migration entry', () => {
    const items = { ...SAMPLE_STEP.items } as Record<string, unknown>;
    delete items['B.3'];
    const report = checkPackText(JSON.stringify(withSteps([{ ...SAMPLE_STEP, items }])), findPack);
    expect(report.ok).toBe(true);
    expect(report.findings).toEqual([{ severity: 'warning', code: 'packs:check.itemVanishes', params: { from: '0.1.0', itemId: 'B.3' } }]);
  });

  it('refuses what is not a pack at all, and a schema problem with its path', () => {
    expect(checkPackText('not json').findings[0]?.code).toBe('drafts:errors.packNotJson');
    const report = checkPackText(JSON.stringify({ ...sampleRevisionSource(), version: 'two' }));
    expect(report.findings[0]).toMatchObject({ code: 'packs:check.schema', params: { path: 'version' } });
  });
});

describe('diff between two versions', () => {
  it('follows the migrations: moves, rewordings, type and option changes, removals, additions', async () => {
    const diff = diffPacks(loadSamplePack(), loadPack(sampleRevisionSource()));
    expect(diff.viaMigrations).toBe(true);
    expect(diff.entries.map((e) => [e.change, e.oldId, e.newId])).toEqual([
      ['textChanged', 'A.1', 'A.1'],
      ['optionsChanged', 'A.3', 'A.3'],
      ['typeChanged', 'A.4', 'A.4'],
      ['typeChanged', 'B.1', 'B.1'],
      ['moved', 'B.2', 'B.1.a'],
      ['removed', 'B.3', null],
      ['moved', 'B.4', 'B.4.a'],
      ['optionsChanged', 'C.2', 'C.2'],
      ['moved', 'C.3', 'D.1'],
      ['typeChanged', 'C.4', 'C.4'],
      ['added', null, 'B.4.b'],
      ['added', null, 'C.5'],
    ]);
    expect(diff.entries.find((e) => e.oldId === 'C.3')).toMatchObject({ fromSection: 'C', toSection: 'D' });
    expect(diff.entries.find((e) => e.oldId === 'A.4')).toMatchObject({ fromType: 'yesno', toType: 'single' });
    expect(diff.entries.find((e) => e.oldId === 'C.2')?.renamed).toEqual(['audit → safety_audit']);
    expect(diff.entries.find((e) => e.oldId === 'A.1')?.languages).toEqual(['ar', 'zh', 'en', 'fr', 'ru', 'es']);
  });

  it('without migrations between them, matches items by id', () => {
    const diff = diffPacks(loadPack(sampleRevisionSource()), loadSamplePack());
    expect(diff.viaMigrations).toBe(false);
    expect(diff.counts.removed).toBeGreaterThan(0);
    expect(diff.entries.find((e) => e.oldId === 'B.1.a')?.change).toBe('removed');
    expect(diffPacks(defaultPack(), defaultPack()).entries).toEqual([]);
  });
});
