// The base revision of a review copy is kept in history until every review of it is closed, and
// accepted suggestions are saved with a change-log entry naming the review and institution.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors';
import type { Draft } from '../../../core/draft/schema';
import { listPins, pinForReview, pinnedRevisions, unpinReview } from '../../../core/store/pins';
import { listSnapshots } from '../../../core/store/history';
import type { DraftStore } from '../../../core/store/draft-store';
import { makeStore, pack, quietLogs, steppingClock, tempDir } from './helpers';

quietLogs();
const REVIEW_A = '0a5b9c3e-1f2d-4e8a-9b7c-6d5e4f3a2b1c';
const REVIEW_B = '1b6c0d4f-2e3a-4f9b-8c8d-7e6f5a4b3c2d';
let dir: string;
let store: DraftStore;

beforeEach(async () => {
  dir = await tempDir();
  // Snapshots at most once a minute and only the last two kept: the base would soon be pruned.
  store = makeStore(dir, { now: steppingClock('2026-03-01T08:00:00.000Z', 1000), snapshotIntervalMs: 60_000, retention: { keepLast: 2, keepDays: 0 } });
});
afterEach(async () => {
  await store.closeAll();
  await fs.rm(dir, { recursive: true, force: true });
});

async function saveMany(draft: Draft, from: number, count: number): Promise<Draft> {
  let d = draft;
  for (let i = from; i < from + count; i++) d = await store.save({ ...d, answers: { ...d.answers, 'A.1': `version ${i}` } });
  return d;
}

describe('pinning the base revision of a review', () => {
  it('writes a snapshot of the base if history has none, and keeps it through retention until unpinned', async () => {
    const created = await store.create({ countryCode: 'KEN', responseLanguage: 'en' }, pack, 'ken-pins');
    const base = await store.save({ ...created, answers: { 'A.1': 'the base' } });
    const paths = store.paths(base.id);
    expect((await listSnapshots(paths.history)).some((e) => e.revision === base.revision)).toBe(false);

    const at = new Date('2026-03-01T09:00:00.000Z');
    await pinForReview(paths, base, REVIEW_A, at);
    await pinForReview(paths, base, REVIEW_B, at);
    expect((await listPins(paths)).map((p) => [p.revision, p.reviewId])).toEqual([
      [base.revision, REVIEW_A],
      [base.revision, REVIEW_B],
    ]);
    // Many later saves, each minute-spaced so each one snapshots and prunes.
    const slow = makeStore(dir, { now: steppingClock('2026-03-02T08:00:00.000Z', 120_000), snapshotIntervalMs: 60_000, retention: { keepLast: 2, keepDays: 0 } });
    await store.close(base.id);
    store = slow;
    const opened = (await store.open(base.id)).draft;
    await saveMany(opened, 0, 6);
    const kept = await listSnapshots(paths.history);
    expect(kept.some((e) => e.revision === base.revision)).toBe(true);
    expect((await store.listHistory(base.id)).some((e) => e.revision === base.revision)).toBe(true);

    // One review closed: still kept for the other.
    expect(await unpinReview(paths, REVIEW_A)).toBe(true);
    await saveMany((await store.open(base.id)).draft, 10, 2);
    expect((await listSnapshots(paths.history)).some((e) => e.revision === base.revision)).toBe(true);

    // Every review closed: retention may prune it again.
    expect(await unpinReview(paths, REVIEW_B)).toBe(true);
    expect(await unpinReview(paths, REVIEW_B)).toBe(false);
    await saveMany((await store.open(base.id)).draft, 20, 3);
    expect((await listSnapshots(paths.history)).some((e) => e.revision === base.revision)).toBe(false);
  });

  it('is idempotent for one review, and refuses the same review on another revision', async () => {
    const created = await store.create({ countryCode: 'KEN', responseLanguage: 'en' }, pack, 'ken-pins-2');
    const paths = store.paths(created.id);
    const first = await pinForReview(paths, created, REVIEW_A);
    expect(await pinForReview(paths, created, REVIEW_A)).toEqual(first);
    const later = await store.save({ ...created, answers: { 'A.1': 'later' } });
    await expect(pinForReview(paths, later, REVIEW_A)).rejects.toMatchObject({ code: 'review:errors.pinConflict' });
    // A snapshot of that revision with other content is not overwritten.
    await expect(pinForReview(paths, { ...created, answers: { 'A.1': 'not what revision 0 held' } }, REVIEW_B)).rejects.toBeInstanceOf(AppError);
    expect(await listPins(paths)).toHaveLength(1);
  });

  it('keeps every snapshot while the pins file cannot be read', async () => {
    const created = await store.create({ countryCode: 'KEN', responseLanguage: 'en' }, pack, 'ken-pins-3');
    const paths = store.paths(created.id);
    await fs.writeFile(paths.pins, '{ damaged');
    expect(await pinnedRevisions(paths)).toBe('all');
    expect(await listPins(paths)).toEqual([]);
    // A new pin sets the damaged file aside and starts again.
    await pinForReview(paths, created, REVIEW_A);
    expect((await listPins(paths)).map((p) => p.reviewId)).toEqual([REVIEW_A]);
    expect((await fs.readdir(paths.dir)).some((f) => f.startsWith('pins.corrupt-'))).toBe(true);
  });
});

describe('saving accepted suggestions', () => {
  it('gives them their own change-log entry, never merged with ordinary saves around it', async () => {
    const created = await store.create({ countryCode: 'KEN', responseLanguage: 'en' }, pack, 'ken-accept');
    const typed = await store.save({ ...created, answers: { 'A.1': 'typed' } });
    const accepted = [{ itemId: 'A.3', reviewId: REVIEW_A, institution: 'Ministry of Health', suggestionId: 's1' }];
    const merged = await store.save({ ...typed, answers: { ...typed.answers, 'A.3': ['academia'] } }, { accepted });
    const after = await store.save({ ...merged, answers: { ...merged.answers, 'A.1': 'typed again' } });
    expect(after.changeLog.map((e) => [e.items, e.accepted ?? null])).toEqual([
      [['A.1'], null],
      [['A.3'], accepted],
      [['A.1'], null],
    ]);
    const onDisk = JSON.parse(await fs.readFile(path.join(store.paths(after.id).draft), 'utf8')) as Draft;
    expect(onDisk.changeLog[1]?.accepted).toEqual(accepted);
  });
});
