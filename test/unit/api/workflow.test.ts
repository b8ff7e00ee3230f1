import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../../../core/log';
import { DraftStore } from '../../../core/store/draft-store';
import { EVERY_TYPE, META, SAMPLE, makeCore, tempDir, type TestCore } from './harness';

type Opened = { draft: { id: string; revision: number; answers: Record<string, unknown>; checklist: { id: string; version: string }; assessment: { countryCode: string } } };

let dir: string;
let core: TestCore;

beforeEach(async () => {
  setLogSink(null);
  dir = await tempDir('api');
  core = makeCore(dir);
});

afterEach(async () => {
  await core.service.dispose();
  await fs.rm(dir, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

async function createSample(): Promise<string> {
  const opened = await core.ok<Opened>('createAssessment', META, SAMPLE);
  return opened.draft.id;
}

describe('assessments: create, answer, reopen', () => {
  it('creates an assessment on the default checklist when no pack is named, and lists it', async () => {
    const opened = await core.ok<Opened & { notices: unknown[]; readOnly: boolean }>('createAssessment', META);
    expect(opened.draft.checklist).toEqual({ id: 'safer-cities-sacl', version: '1.0.0' });
    expect(opened.readOnly).toBe(false);
    const list = await core.ok<Array<{ id: string; countryCode: string }>>('listAssessments');
    expect(list).toEqual([expect.objectContaining({ id: opened.draft.id, countryCode: 'FRA', responseLanguage: 'ar' })]);
  });

  it('keeps an answer of every item type across a close and a new process', async () => {
    const id = await createSample();
    const saved = await core.ok<{ revision: number; updatedAt: string }>('saveAnswers', id, EVERY_TYPE);
    expect(saved.revision).toBe(1);
    await core.ok('closeAssessment', id);
    await core.service.dispose();

    core = makeCore(dir);
    const reopened = await core.ok<Opened>('openAssessment', id);
    expect(reopened.draft.answers).toEqual(EVERY_TYPE);
    expect(reopened.draft.revision).toBe(1);
    expect(await core.ok('validateAssessment', id)).toEqual([]);
  });

  it('applies changes on top of earlier answers; null or a blank value removes an answer', async () => {
    const id = await createSample();
    await core.ok('saveAnswers', id, { 'A.1': 'first', 'B.4': 12, 'A.3': ['academia'] });
    const second = await core.ok<{ revision: number }>('saveAnswers', id, { 'A.1': null, 'B.4': 13, 'A.3': [] });
    await core.ok('saveAnswers', id, { 'A.4': true, 'B.3': '   ' });
    expect(second.revision).toBe(2);
    await core.ok('closeAssessment', id);
    const reopened = await core.ok<Opened>('openAssessment', id);
    expect(reopened.draft.answers).toEqual({ 'B.4': 13, 'A.4': true });
  });

  it('loses nothing when saves overlap: every change of every call is on disk', async () => {
    const id = await createSample();
    await Promise.all(Array.from({ length: 12 }, (_, i) => core.ok('saveAnswers', id, { [`Z.${i}`]: `v${i}` })));
    await core.service.dispose();
    core = makeCore(dir);
    const reopened = await core.ok<Opened>('openAssessment', id);
    expect(Object.keys(reopened.draft.answers)).toHaveLength(12);
    expect(reopened.draft.revision).toBe(12);
  });

  it('keeps answers to item ids the checklist does not know, and reports them', async () => {
    const id = await createSample();
    await core.ok('saveAnswers', id, { 'Q.99': 'from an older checklist', 'A.1': 'x' });
    await core.ok('saveAnswers', id, { 'A.1': 'y' });
    await core.ok('closeAssessment', id);
    const reopened = await core.ok<Opened>('openAssessment', id);
    expect(reopened.draft.answers['Q.99']).toBe('from an older checklist');
    const problems = await core.ok<Array<{ itemId: string; problem: string }>>('validateAssessment', id);
    expect(problems).toContainEqual(expect.objectContaining({ itemId: 'Q.99', problem: 'unknownItem' }));
  });

  it.each([
    ['not an item id', { 'a.1': 'x' }],
    ['a path as item id', { '../A.1': 'x' }],
    ['a value that is not JSON', { 'A.1': undefined }],
    ['no changes object', 'A.1'],
  ])('refuses malformed changes (%s) with errors.badRequest, changing nothing', async (_what, changes) => {
    const id = await createSample();
    await core.ok('saveAnswers', id, { 'A.1': 'kept' });
    expect(await core.call('saveAnswers', id, changes)).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
    expect(await core.call('saveAnswers', '../../etc', { 'A.1': 'x' })).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
    const reopened = await core.ok<Opened>('openAssessment', id);
    expect(reopened.draft.answers).toEqual({ 'A.1': 'kept' });
    expect(reopened.draft.revision).toBe(1);
  });

  it('refuses edits to an assessment that is not open, and an unknown pack', async () => {
    const id = await createSample();
    await core.ok('closeAssessment', id);
    expect(await core.call('saveAnswers', id, { 'A.1': 'x' })).toMatchObject({ ok: false, error: { code: 'drafts:errors.notOpen' } });
    expect(await core.call('createAssessment', META, { id: 'no-such-pack', version: '9.9.9' })).toEqual({
      ok: false,
      error: { code: 'drafts:errors.packNotFound', params: { id: 'no-such-pack', version: '9.9.9' } },
    });
    expect(await core.call('openAssessment', 'no-such-assessment')).toMatchObject({ ok: false, error: { code: 'drafts:errors.notFound' } });
  });

  it('updates the assessment details as a new revision', async () => {
    const id = await createSample();
    const r = await core.ok<{ revision: number }>('updateAssessment', id, { ...META, countryCode: 'SEN', responseLanguage: 'fr' });
    expect(r.revision).toBe(1);
    await core.ok('closeAssessment', id);
    expect((await core.ok<Opened>('openAssessment', id)).draft.assessment.countryCode).toBe('SEN');
    expect(await core.call('updateAssessment', id, { ...META, countryCode: 'fr' })).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
  });
});

describe('locks', () => {
  it('refuses to open an assessment another process holds, and allows it once released', async () => {
    const id = await createSample();
    await core.ok('closeAssessment', id);
    // Another process: its own store on the same folder holds the lock.
    const other = new DraftStore({ dataDir: dir });
    await other.open(id);
    const refused = await core.call('openAssessment', id);
    expect(refused).toMatchObject({ ok: false, error: { code: 'drafts:errors.locked' } });
    expect(await core.call('saveAnswers', id, { 'A.1': 'x' })).toMatchObject({ ok: false, error: { code: 'drafts:errors.notOpen' } });
    await other.closeAll();
    expect(await core.call('openAssessment', id)).toMatchObject({ ok: true });
  });

  it('a second core on the same folder cannot open what the first one has open; dispose releases it', async () => {
    const id = await createSample();
    const second = makeCore(dir);
    expect(await second.call('openAssessment', id)).toMatchObject({ ok: false, error: { code: 'drafts:errors.locked' } });
    await core.service.dispose();
    expect(await second.call('openAssessment', id)).toMatchObject({ ok: true });
    await second.service.dispose();
  });
});

describe('history and restore', () => {
  it('lists saved versions newest first and restores an earlier one as a new revision', async () => {
    const id = await createSample();
    await core.ok('saveAnswers', id, { 'A.1': 'version one' });
    await core.ok('saveAnswers', id, { 'A.1': 'version two', 'B.4': 5 });
    const history = await core.ok<Array<{ revision: number; savedAt: string; size: number }>>('listHistory', id);
    expect(history.map((h) => h.revision)).toEqual([2, 1, 0]);
    expect(history[0]?.size).toBeGreaterThan(0);

    const restored = await core.ok<Opened>('restoreVersion', id, 1);
    expect(restored.draft.answers).toEqual({ 'A.1': 'version one' });
    expect(restored.draft.revision).toBe(3);
    await core.ok('closeAssessment', id);
    expect((await core.ok<Opened>('openAssessment', id)).draft.answers).toEqual({ 'A.1': 'version one' });
    expect(await core.call('restoreVersion', id, 42)).toMatchObject({ ok: false, error: { code: 'drafts:errors.snapshotNotFound' } });
    expect(await core.call('restoreVersion', id, -1)).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
  });
});

describe('damaged drafts', () => {
  it('opens a damaged draft from its newest good snapshot and says so; a future one is refused untouched', async () => {
    const id = await createSample();
    await core.ok('saveAnswers', id, { 'A.1': 'saved before the damage' });
    await core.ok('closeAssessment', id);
    const file = path.join(dir, 'assessments', id, 'draft.scsa.json');
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.slice(0, text.length / 2));

    const opened = await core.ok<Opened & { notices: Array<{ code: string }> }>('openAssessment', id);
    expect(opened.draft.answers).toEqual({ 'A.1': 'saved before the damage' });
    expect(opened.notices.map((n) => n.code)).toEqual(['drafts:notices.recovered']);
    await core.ok('closeAssessment', id);

    const future = text.replace(/"schemaVersion": \d+/, '"schemaVersion": 50');
    await fs.writeFile(file, future);
    expect(await core.call('openAssessment', id)).toMatchObject({ ok: false, error: { code: 'drafts:errors.futureVersion' } });
    expect(await fs.readFile(file, 'utf8')).toBe(future);
  });
});
