import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DraftStore, SubmissionStamp } from '../../../core/store/draft-store';
import type { Draft } from '../../../core/draft/schema';
import { makeStore, pack, quietLogs, steppingClock, tempDir } from './helpers';

let dir: string;
let store: DraftStore;

beforeEach(async () => {
  quietLogs();
  dir = await tempDir();
  store = makeStore(dir, { now: steppingClock('2026-06-01T08:00:00.000Z', 60_000), retention: { keepLast: 20, keepDays: 30 } });
});
afterEach(async () => {
  await store.closeAll();
  await fs.rm(dir, { recursive: true, force: true });
});

const answer = (d: Draft, id: string, value: string): Draft => ({ ...d, answers: { ...d.answers, [id]: value } });
const stamp = (n: number): SubmissionStamp => ({ submissionRevision: n, externalIdentifier: `urn:uuid:00000000-0000-4000-8000-00000000000${n}`, exportedAt: '2026-06-01T09:00:00.000Z' });

async function createOne(): Promise<Draft> {
  return store.create({ countryCode: 'KEN', responseLanguage: 'fr', focalPoints: [{ name: 'Wanjiru Kamau' }] }, pack);
}

describe('submitted revisions', () => {
  it('survive 100 later saves, retention and a reopen, and restore like any version', async () => {
    let d = await answer(await createOne(), 'A.1', 'Ministère de l’Intérieur');
    d = await store.save(d);
    const sent = d;
    await store.pinSubmitted(d.id, sent, stamp(1));
    // Every save snapshots (interval 0) a minute apart, so retention keeps only the last 20 of them.
    for (let i = 0; i < 100; i++) d = await store.save(answer(d, 'A.1', `texte ${i}`));
    await store.close(d.id);

    const other = makeStore(dir, { now: steppingClock('2026-06-01T12:00:00.000Z') });
    try {
      await other.open(d.id);
      const history = await other.listHistory(d.id);
      const snapshotFiles = await fs.readdir(other.paths(d.id).history);
      expect(snapshotFiles.some((f) => f.startsWith(`r${String(sent.revision).padStart(8, '0')}-`))).toBe(false);
      const pinned = history.filter((e) => e.submission);
      expect(pinned).toHaveLength(1);
      expect(pinned[0]).toMatchObject({ revision: sent.revision, submission: stamp(1) });
      // Older than the kept window, still listed, last in the newest-first order.
      expect(history.at(-1)?.revision).toBe(sent.revision);

      const restored = await other.restore(d.id, sent.revision);
      expect(restored.answers['A.1']).toBe('Ministère de l’Intérieur');
      expect(restored.revision).toBe(d.revision + 1);
    } finally {
      await other.closeAll();
    }
  });

  it('pinning the same export twice writes one file; a different draft for it is refused', async () => {
    const d = await store.save(answer(await createOne(), 'A.1', 'un'));
    const first = await store.pinSubmitted(d.id, d, stamp(1));
    const again = await store.pinSubmitted(d.id, d, stamp(1));
    expect(again).toEqual(first);
    expect(await fs.readdir(store.paths(d.id).submitted)).toHaveLength(1);

    await expect(store.pinSubmitted(d.id, answer(d, 'A.1', 'deux'), stamp(1))).rejects.toMatchObject({ code: 'drafts:errors.pinConflict' });
    const listed = (await store.listHistory(d.id)).filter((e) => e.submission);
    expect(listed).toHaveLength(1);
  });

  it('two exports of the same revision are two entries; one snapshot of that revision is not listed twice', async () => {
    const d = await store.save(answer(await createOne(), 'A.1', 'un'));
    await store.pinSubmitted(d.id, d, stamp(1));
    await store.pinSubmitted(d.id, d, { ...stamp(2), exportedAt: '2026-06-02T09:00:00.000Z' });
    const history = await store.listHistory(d.id);
    const ofRevision = history.filter((e) => e.revision === d.revision);
    expect(ofRevision.map((e) => e.submission?.submissionRevision)).toEqual([2, 1]);
  });

  it('a damaged submitted-revision file is set aside, never a crash; the rest of the history lists', async () => {
    const d = await store.save(answer(await createOne(), 'A.1', 'un'));
    const entry = await store.pinSubmitted(d.id, d, stamp(1));
    const file = path.join(store.paths(d.id).submitted, entry.file);
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.slice(0, text.length / 2));

    const history = await store.listHistory(d.id);
    expect(history.some((e) => e.submission)).toBe(false);
    expect(history.some((e) => e.revision === d.revision)).toBe(true);
    const names = await fs.readdir(store.paths(d.id).submitted);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/\.corrupt-.*\.json$/);
    // The export can be frozen again after the damage.
    await store.pinSubmitted(d.id, d, stamp(1));
    expect((await store.listHistory(d.id)).filter((e) => e.submission)).toHaveLength(1);
  });

  it('a file from a newer app is skipped and left as it is', async () => {
    const d = await store.save(answer(await createOne(), 'A.1', 'un'));
    const entry = await store.pinSubmitted(d.id, d, stamp(1));
    const file = path.join(store.paths(d.id).submitted, entry.file);
    const doc = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
    const future = JSON.stringify({ ...doc, schemaVersion: 2 });
    await fs.writeFile(file, future);
    expect((await store.listHistory(d.id)).some((e) => e.submission)).toBe(false);
    expect(await fs.readFile(file, 'utf8')).toBe(future);
  });

  it('refuses an invalid stamp or a draft of another assessment, writing nothing', async () => {
    const d = await store.save(answer(await createOne(), 'A.1', 'un'));
    await expect(store.pinSubmitted(d.id, d, { ...stamp(1), submissionRevision: 0 })).rejects.toMatchObject({ code: 'drafts:errors.invalidDraft' });
    await expect(store.pinSubmitted(d.id, { ...d, id: 'another-one' }, stamp(1))).rejects.toMatchObject({ code: 'drafts:errors.invalidDraft' });
    expect(await fs.readdir(store.paths(d.id).submitted).catch(() => [])).toEqual([]);
  });

  it('a damaged draft with no usable snapshot is recovered from the newest submitted revision', async () => {
    let d = await store.save(answer(await createOne(), 'A.1', 'envoyé'));
    await store.pinSubmitted(d.id, d, stamp(1));
    d = await store.save(answer(d, 'A.1', 'après'));
    await store.close(d.id);
    const paths = store.paths(d.id);
    for (const name of await fs.readdir(paths.history)) await fs.writeFile(path.join(paths.history, name), '{"cut');
    await fs.writeFile(paths.draft, '{"schemaVersion": 1, "answers": {');

    const opened = await makeStore(dir).open(d.id, { readOnly: true });
    expect(opened.draft.answers['A.1']).toBe('envoyé');
    expect(opened.notices[0]).toMatchObject({ code: 'drafts:notices.recovered' });
  });

  it('the pinned draft is the draft as given, in a versioned file', async () => {
    const d = await store.save(answer(await createOne(), 'A.1', 'un'));
    const entry = await store.pinSubmitted(d.id, d, stamp(1));
    const doc = JSON.parse(await fs.readFile(path.join(store.paths(d.id).submitted, entry.file), 'utf8')) as Record<string, unknown>;
    expect(doc).toMatchObject({ schemaVersion: 1, kind: 'scsa-submitted-revision', submission: stamp(1) });
    expect(doc['draft']).toEqual(d);
  });
});
