/**
 * A move in the draft store: saved as the next revision (history undoes it like any change), the
 * submitted revision frozen on its version, and a refused move leaves the assessment as it was.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPack } from '../../../core/checklist/load';
import { clearInstalledPacks, registerInstalledPack } from '../../../core/checklist/registry';
import { migrateDraft } from '../../../core/draft/migrations/index';
import type { Draft } from '../../../core/draft/schema';
import { moveStoredDraft, previewStoredMove } from '../../../core/revisions/store-move';
import type { DraftStore } from '../../../core/store/draft-store';
import { sampleRevisionSource, SAMPLE_STEP } from '../../fixtures/packs/sample-revision';
import { makeStore, pack, quietLogs, steppingClock, tempDir } from '../store/helpers';

const NEXT = { id: 'safer-cities-sample', version: '0.2.0' };
let dataDir = '';
let store: DraftStore;

beforeEach(async () => {
  quietLogs();
  dataDir = await tempDir();
  store = makeStore(dataDir, { now: steppingClock() });
  registerInstalledPack(loadPack(sampleRevisionSource()), 'f'.repeat(64));
});
afterEach(async () => {
  await store.closeAll();
  clearInstalledPacks();
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function answered(): Promise<Draft> {
  const created = await store.create({ countryCode: 'KEN', responseLanguage: 'en' }, pack, 'move-me');
  return store.save({ ...created, answers: { 'A.4': true, 'B.2': 'ministry', 'B.3': 'Plans for 2027' } });
}

describe('moving an assessment in the store', () => {
  it('saves the move as the next revision; restoring the one before undoes it', async () => {
    const before = await answered();
    const preview = previewStoredMove(store, before.id, NEXT);
    expect(preview.answers).toEqual({ kept: 1, converted: 1, retained: 1 });
    expect(store.current(before.id)?.revision).toBe(before.revision);

    const { draft } = await moveStoredDraft(store, before.id, NEXT);
    expect(draft.revision).toBe(before.revision + 1);
    expect(draft.checklist).toEqual(NEXT);
    expect(draft.answers).toEqual({ 'A.4': 'full', 'B.1.a': 'ministry' });
    expect(draft.retiredAnswers.map((r) => r.itemId)).toEqual(['B.3']);
    expect(draft.changeLog.at(-1)?.metadata).toBe(true);

    const history = await store.listHistory(before.id);
    expect(history.map((h) => h.revision)).toContain(before.revision);
    const undone = await store.restore(before.id, before.revision);
    expect(undone.checklist.version).toBe('0.1.0');
    expect(undone.answers).toEqual(before.answers);
    expect(undone.retiredAnswers).toEqual([]);
  });

  it('leaves a submitted revision on its version', async () => {
    const before = await answered();
    await store.pinSubmitted(before.id, before, { submissionRevision: 1, externalIdentifier: 'urn:uuid:00000000-0000-4000-8000-000000000001', exportedAt: '2026-06-01T09:00:00.000Z' });
    await moveStoredDraft(store, before.id, NEXT);
    const submitted = (await store.listHistory(before.id)).find((h) => h.submission);
    const file = path.join(store.paths(before.id).submitted, path.basename(submitted!.file));
    const frozen = migrateDraft((JSON.parse(await fs.readFile(file, 'utf8')) as { draft: unknown }).draft).draft;
    expect(frozen.checklist.version).toBe('0.1.0');
    expect(frozen.answers).toEqual(before.answers);
  });

  it('a refused move saves nothing', async () => {
    const before = await answered();
    registerInstalledPack(loadPack({ ...sampleRevisionSource(), version: '0.3.0', migrations: [{ ...SAMPLE_STEP, from: '0.0.1', to: '0.3.0' }] }), 'f'.repeat(64));
    await expect(moveStoredDraft(store, before.id, { id: 'safer-cities-sample', version: '0.3.0' })).rejects.toMatchObject({ code: 'packs:errors.noMigrationPath' });
    await expect(moveStoredDraft(store, before.id, { id: 'safer-cities-sample', version: '9.9.9' })).rejects.toMatchObject({ code: 'drafts:errors.packNotFound' });
    expect(store.current(before.id)).toEqual(before);
  });
});
