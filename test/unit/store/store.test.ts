import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DraftStore } from '../../../core/store/draft-store';
import { AppError } from '../../../core/errors';
import { DRAFT_SCHEMA_VERSION, type Draft } from '../../../core/draft/schema';
import { makeStore, pack, quietLogs, steppingClock, tempDir } from './helpers';

let dir: string;
let store: DraftStore;

beforeEach(async () => {
  quietLogs();
  dir = await tempDir();
  store = makeStore(dir, { now: steppingClock() });
});
afterEach(async () => {
  await store.closeAll();
  await fs.rm(dir, { recursive: true, force: true });
});

const answer = (d: Draft, id: string, value: unknown): Draft => ({ ...d, answers: { ...d.answers, [id]: value as Draft['answers'][string] } });

async function createOne(): Promise<Draft> {
  return store.create({ countryCode: 'MAR', responseLanguage: 'ar', focalPoints: [{ name: 'Salma Benali', email: 'salma@example.org' }] }, pack);
}

describe('create, save and open', () => {
  it('round-trips a draft, bumping the revision once per real change', async () => {
    const d0 = await createOne();
    expect(d0.revision).toBe(0);
    const d1 = await store.save(answer(d0, 'A.1', 'وزارة الداخلية'));
    expect(d1.revision).toBe(1);
    const same = await store.save({ ...d1, revision: 99 });
    expect(same.revision).toBe(1);
    const d2 = await store.save(answer(answer(d1, 'B.1', 'partially'), 'Z.1', 'from another checklist'));
    expect(d2.revision).toBe(2);
    expect(d2.changeLog.at(-1)).toMatchObject({ toRevision: 2, items: ['A.1', 'B.1', 'Z.1'] });
    await store.close(d0.id);

    const other = makeStore(dir);
    const opened = await other.open(d0.id);
    expect(opened.notices).toEqual([]);
    // An answer to an id the pack does not have is kept, not dropped.
    expect(opened.draft.answers).toEqual({ 'A.1': 'وزارة الداخلية', 'B.1': 'partially', 'Z.1': 'from another checklist' });
    expect(opened.draft.revision).toBe(2);
    await other.closeAll();
  });

  it('refuses to save an assessment that is not open, and an invalid draft', async () => {
    const d0 = await createOne();
    await expect(store.save({ ...d0, assessment: { ...d0.assessment, countryCode: 'Morocco' } })).rejects.toMatchObject({
      code: 'drafts:errors.invalidDraft',
      params: expect.objectContaining({ path: 'assessment.countryCode' }),
    });
    await store.close(d0.id);
    await expect(store.save(d0)).rejects.toMatchObject({ code: 'drafts:errors.notOpen' });
  });

  it('groups saves within five minutes into one change-log entry', async () => {
    let t = Date.parse('2026-06-01T08:00:00.000Z');
    const s = makeStore(dir, { now: () => new Date(t) });
    let d = await s.create({ countryCode: 'MAR', responseLanguage: 'ar' }, pack);
    for (const [id, value] of [['A.1', 'a'], ['A.4', true], ['B.4', 3]] as const) {
      t += 60_000;
      d = await s.save(answer(d, id, value));
    }
    t += 6 * 60_000;
    d = await s.save(answer(d, 'B.4', 4));
    expect(d.changeLog.map((c) => [c.fromRevision, c.toRevision, c.items.join(' ')])).toEqual([
      [0, 3, 'A.1 A.4 B.4'],
      [3, 4, 'B.4'],
    ]);
    await s.closeAll();
  });

  it('lists the assessments on disk', async () => {
    const d0 = await createOne();
    await store.save(answer(d0, 'A.1', 'x'));
    expect(await store.list()).toEqual([expect.objectContaining({ id: d0.id, countryCode: 'MAR', revision: 1, responseLanguage: 'ar' })]);
  });
});

describe('a damaged draft file', () => {
  const damages: [string, (file: string) => Promise<void>, string][] = [
    ['truncated', async (f) => fs.writeFile(f, (await fs.readFile(f)).subarray(0, 200)), 'truncated'],
    ['invalid UTF-8', async (f) => fs.writeFile(f, Buffer.concat([(await fs.readFile(f)).subarray(0, 50), Buffer.from([0xff, 0xfe, 0xc3]), (await fs.readFile(f)).subarray(50)])), 'encoding'],
    ['not JSON', async (f) => fs.writeFile(f, 'this is not json at all'), 'json'],
    ['schema failure', async (f) => fs.writeFile(f, JSON.stringify({ ...JSON.parse(await fs.readFile(f, 'utf8')), revision: -4 })), 'schema'],
  ];

  it.each(damages)('%s: is moved aside and the newest good snapshot restored, with a notice', async (_label, damage, reason) => {
    const d0 = await createOne();
    const d1 = await store.save(answer(d0, 'A.1', 'first'));
    await store.save(answer(d1, 'A.4', true));
    await store.close(d0.id);
    const file = store.paths(d0.id).draft;
    const damagedBytes = (await damage(file), await fs.readFile(file));

    const opened = await store.open(d0.id);
    expect(opened.draft.revision).toBe(2);
    expect(opened.draft.answers).toEqual({ 'A.1': 'first', 'A.4': true });
    expect(opened.notices).toHaveLength(1);
    expect(opened.notices[0]).toMatchObject({ code: 'drafts:notices.recovered', params: expect.objectContaining({ reason, revision: 2 }) });
    const movedTo = String(opened.notices[0]?.params?.movedTo);
    expect(movedTo).toMatch(/^draft\.scsa\.corrupt-.*\.json$/);
    expect(await fs.readFile(path.join(store.paths(d0.id).dir, movedTo))).toEqual(damagedBytes);
    // The restored file is good again: the next open is quiet.
    await store.close(d0.id);
    expect((await store.open(d0.id)).notices).toEqual([]);
  });

  it('skips a damaged snapshot and takes the next good one', async () => {
    const d0 = await createOne();
    await store.save(answer(d0, 'A.1', 'first'));
    await store.close(d0.id);
    const paths = store.paths(d0.id);
    const [newest] = await store.listHistory(d0.id);
    await fs.writeFile(path.join(paths.history, newest?.file ?? ''), '{"cut');
    await fs.writeFile(paths.draft, '');
    const opened = await store.open(d0.id);
    expect(opened.draft.revision).toBe(0);
    expect(opened.notices[0]?.code).toBe('drafts:notices.recovered');
  });

  it('with no good snapshot: a clear error, the bad file kept aside', async () => {
    const d0 = await createOne();
    await store.close(d0.id);
    const paths = store.paths(d0.id);
    await fs.rm(paths.history, { recursive: true });
    await fs.writeFile(paths.draft, '{');
    await expect(store.open(d0.id)).rejects.toMatchObject({ code: 'drafts:errors.corruptNoBackup' });
    expect((await fs.readdir(paths.dir)).filter((n) => n.includes('.corrupt-'))).toHaveLength(1);
  });

  it('from a newer app: refused and left untouched', async () => {
    const d0 = await createOne();
    await store.close(d0.id);
    const file = store.paths(d0.id).draft;
    const future = JSON.stringify({ ...JSON.parse(await fs.readFile(file, 'utf8')), schemaVersion: 9, novelty: true });
    await fs.writeFile(file, future);
    await expect(store.open(d0.id)).rejects.toMatchObject({ code: 'drafts:errors.futureVersion', params: { found: 9, supported: DRAFT_SCHEMA_VERSION } });
    expect(await fs.readFile(file, 'utf8')).toBe(future);
    expect((await fs.readdir(store.paths(d0.id).dir)).filter((n) => n.includes('corrupt'))).toEqual([]);
  });

  it('a missing attachment is reported; the rest of the draft opens', async () => {
    const d0 = await createOne();
    const ref = await store.addAttachment(d0.id, [Buffer.from('audit report')], { name: 'audit.pdf', mediaType: 'application/pdf' });
    await store.save({ ...answer(d0, 'C.3', { files: [ref.sha256], links: [] }), attachments: [ref] });
    await store.close(d0.id);
    await fs.rm(store.attachmentPath(d0.id, ref.sha256));
    const opened = await store.open(d0.id);
    expect(opened.notices).toEqual([{ code: 'drafts:notices.attachmentMissing', params: { name: 'audit.pdf', sha256: ref.sha256 } }]);
    expect(opened.draft.answers['C.3']).toEqual({ files: [ref.sha256], links: [] });
  });
});

describe('history', () => {
  it('restores an earlier version as a new revision, and the restore can be undone', async () => {
    let d = await createOne();
    for (const text of ['one', 'two', 'three']) d = await store.save(answer(d, 'A.1', text));
    const restored = await store.restore(d.id, 1);
    expect(restored.revision).toBe(4);
    expect(restored.answers['A.1']).toBe('one');
    expect(restored.changeLog.at(-1)).toMatchObject({ restoredFrom: 1, toRevision: 4 });
    const history = await store.listHistory(d.id);
    expect(history.map((h) => h.revision)).toEqual([4, 3, 2, 1, 0]);
    const back = await store.restore(d.id, 3);
    expect(back.answers['A.1']).toBe('three');
    await expect(store.restore(d.id, 42)).rejects.toMatchObject({ code: 'drafts:errors.snapshotNotFound' });
  });

  it('keeps the last 20 snapshots plus one per day for 30 days', async () => {
    // One save every 6 hours for 40 days: 160 saves, the last at 2026-02-10T00:00.
    let t = Date.parse('2026-01-01T00:00:00.000Z');
    const s = makeStore(dir, { now: () => new Date(t) });
    let d = await s.create({ countryCode: 'MAR', responseLanguage: 'ar' }, pack);
    for (let i = 1; i <= 160; i++) {
      t += 6 * 3_600_000;
      d = await s.save(answer(d, 'B.4', i % 100));
    }
    const history = await s.listHistory(d.id);
    const days = new Set(history.map((h) => h.savedAt.slice(0, 10)));
    expect(history.slice(0, 20).map((h) => h.revision)).toEqual(Array.from({ length: 20 }, (_, i) => 160 - i));
    // The 20 newest span 6 days (5 Feb 06:00 to 10 Feb); each other day from 11 Jan keeps its newest.
    expect(days.size).toBe(31);
    expect(history.length).toBe(20 + 25);
    expect(history.every((h) => h.savedAt >= '2026-01-11')).toBe(true);
    expect(history.find((h) => h.savedAt.startsWith('2026-01-20'))?.savedAt).toBe('2026-01-20T18:00:00.000Z');
    await s.closeAll();
  });

  it('with a snapshot interval, writes fewer snapshots but one on close', async () => {
    const s = makeStore(dir, { now: steppingClock('2026-01-01T00:00:00.000Z', 1000), snapshotIntervalMs: 60_000 });
    let d = await s.create({ countryCode: 'MAR', responseLanguage: 'ar' }, pack);
    for (let i = 1; i <= 10; i++) d = await s.save(answer(d, 'B.4', i));
    expect((await s.listHistory(d.id)).map((h) => h.revision)).toEqual([0]);
    await s.close(d.id);
    expect((await s.listHistory(d.id)).map((h) => h.revision)).toEqual([10, 0]);
  });
});

describe('the lock', () => {
  it('refuses a second writer, in this process or another store, until closed', async () => {
    const d0 = await createOne();
    const other = makeStore(dir);
    await expect(other.open(d0.id)).rejects.toBeInstanceOf(AppError);
    await expect(other.open(d0.id)).rejects.toMatchObject({ code: 'drafts:errors.locked', params: expect.objectContaining({ pid: process.pid }) });
    expect((await other.open(d0.id, { readOnly: true })).readOnly).toBe(true);
    await store.close(d0.id);
    await expect(other.open(d0.id)).resolves.toMatchObject({ readOnly: false });
    await other.closeAll();
  });

  it('takes over a lock whose process is gone', async () => {
    const d0 = await createOne();
    await store.close(d0.id);
    const lock = store.paths(d0.id).lock;
    // A pid far above any pid_max on Linux: that process cannot exist.
    await fs.writeFile(lock, JSON.stringify({ pid: 2 ** 30, host: (await import('node:os')).hostname(), at: '2026-01-01T00:00:00Z' }));
    await expect(store.open(d0.id)).resolves.toMatchObject({ readOnly: false });
  });
});
