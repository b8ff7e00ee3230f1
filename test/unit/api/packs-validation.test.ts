import { promises as fs } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../../../core/log';
import { LoadedPackSchema, PackInfoSchema } from '../../../core/api/contract';
import { EVERY_TYPE, META, SAMPLE, makeCore, tempDir, type TestCore } from './harness';

let dir: string;
let core: TestCore;

beforeEach(async () => {
  setLogSink(null);
  dir = await tempDir('api-packs');
  core = makeCore(dir);
});

afterEach(async () => {
  await core.service.dispose();
  await fs.rm(dir, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

type Problem = { itemId: string; problem: string; messageKey: string };
const problemsOf = async (id: string) => core.ok<Problem[]>('validateAssessment', id);

describe('packs', () => {
  it('lists the Safer Cities checklist as default and the sample pack, in the contract shape', async () => {
    const packs = await core.ok<Array<{ id: string; version: string; isDefault: boolean; itemCount: number; languages: string[] }>>('listPacks');
    for (const p of packs) expect(PackInfoSchema.safeParse(p).success).toBe(true);
    expect(packs.map((p) => [p.id, p.version, p.isDefault])).toEqual([
      ['safer-cities-sacl', '1.0.0', true],
      ['safer-cities-sample', '0.1.0', false],
    ]);
    expect(packs[0]?.itemCount).toBeGreaterThanOrEqual(60);
    expect(packs[0]?.languages.sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    const info = await core.ok<{ checklistPack: unknown }>('getAppInfo');
    expect(info.checklistPack).toEqual({ id: 'safer-cities-sacl', version: '1.0.0' });
  });

  it('gives a pack with its translation gaps, and a clear error for one the app does not carry', async () => {
    const loaded = await core.ok<{ pack: { id: string; sections: Array<{ id: string }> }; translationGaps: string[] }>('getPack', { id: 'safer-cities-sacl', version: '1.0.0' });
    expect(LoadedPackSchema.safeParse(loaded).success).toBe(true);
    expect(loaded.pack.sections.map((s) => s.id)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']);
    expect(loaded.translationGaps).toEqual([]);
    expect(await core.call('getPack', { id: 'safer-cities-sacl', version: '0.9.0' })).toEqual({
      ok: false,
      error: { code: 'drafts:errors.packNotFound', params: { id: 'safer-cities-sacl', version: '0.9.0' } },
    });
    expect(await core.call('getPack', { id: 'safer-cities-sacl' })).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
  });
});

describe('validation', () => {
  it('lists every missing required item of a new draft, in pack order', async () => {
    const { draft } = await core.ok<{ draft: { id: string } }>('createAssessment', META, SAMPLE);
    const problems = await problemsOf(draft.id);
    expect(problems.map((p) => [p.itemId, p.problem])).toEqual([
      ['A.1', 'required'],
      ['A.3', 'required'],
      ['A.4', 'required'],
      ['B.1', 'required'],
      ['B.5', 'required'],
      ['C.1', 'required'],
    ]);
    expect(problems[0]?.messageKey).toBe('drafts:validation.required');
  });

  it('follows skip logic: an item becomes required only when relevant, and a skipped item is not checked', async () => {
    const { draft } = await core.ok<{ draft: { id: string } }>('createAssessment', META, SAMPLE);
    const id = draft.id;
    await core.ok('saveAnswers', id, EVERY_TYPE);
    expect(await problemsOf(id)).toEqual([]);

    // "Not implemented": B.2 is skipped (its answer kept but not checked) and B.3 becomes required.
    await core.ok('saveAnswers', id, { 'B.1': 'not_implemented', 'B.2': 'not-an-option' });
    expect((await problemsOf(id)).map((p) => [p.itemId, p.problem])).toEqual([['B.3', 'required']]);

    // C.1 no longer partially implemented: the table, evidence and C.4 requirement all drop out.
    await core.ok('saveAnswers', id, { 'B.3': 'Pas encore', 'C.1': { status: 'not_applicable' }, 'C.4': null });
    expect(await problemsOf(id)).toEqual([]);
    await core.ok('saveAnswers', id, { 'C.1': { status: 'fully' } });
    expect((await problemsOf(id)).map((p) => [p.itemId, p.problem])).toEqual([['C.4', 'required']]);
  });

  it('reports invalid answers and broken constraints', async () => {
    const { draft } = await core.ok<{ draft: { id: string } }>('createAssessment', META, SAMPLE);
    await core.ok('saveAnswers', draft.id, { ...EVERY_TYPE, 'A.2': '2010-01-01', 'A.3': ['nobody'] });
    const problems = await problemsOf(draft.id);
    expect(problems).toContainEqual(expect.objectContaining({ itemId: 'A.2', problem: 'constraint' }));
    expect(problems).toContainEqual(expect.objectContaining({ itemId: 'A.3', problem: 'invalid' }));
  });

  it('validates a closed assessment without taking its lock', async () => {
    const { draft } = await core.ok<{ draft: { id: string } }>('createAssessment', META, SAMPLE);
    await core.ok('closeAssessment', draft.id);
    expect((await problemsOf(draft.id)).length).toBe(6);
    expect(await core.call('openAssessment', draft.id)).toMatchObject({ ok: true });
  });
});
