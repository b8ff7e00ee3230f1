import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DraftStore } from '../../../core/store/draft-store';
import type { Draft } from '../../../core/draft/schema';
import { serializeDraft } from '../../../core/store/read';
import { memoOf, planSave, serializeWithMemo } from '../../../core/store/save-plan';
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

type Answers = Draft['answers'];
const withAnswers = (d: Draft, answers: Answers): Draft => ({ ...d, answers });

const tricky: Answers = {
  'A.1': 'Ministère — "quoted"\nsecond line\t\\ back',
  'A.2': 'text with \n  "answers": {} inside',
  'B.1': { status: 'partially', measures: 'وزارة الداخلية', examples: ['一', '二'], assistance: { needed: true, types: [] } },
  'B.2': [{ city: 'Nairobi', population: 4397073, share: 0.25 }, { city: 'Mombasa', population: null, share: -1e-7 }],
  'C.1': true,
  'C.2': 0,
  'C.3': '',
  'D.10': { files: [], links: ['https://example.org/a?b=c&d=é'] },
};

async function createOne(): Promise<Draft> {
  return store.create({ countryCode: 'KEN', responseLanguage: 'ar', focalPoints: [{ name: 'Amina Odhiambo' }] }, pack);
}

describe('the fast save path', () => {
  it('writes exactly the bytes of serializeDraft, for any answers', async () => {
    const d0 = await createOne();
    const d1 = await store.save(withAnswers(d0, tricky));
    expect(await fs.readFile(store.paths(d0.id).draft, 'utf8')).toBe(serializeDraft(d1));
    // Change one, remove one, add one, reorder: still byte for byte.
    const { 'C.1': _removed, ...rest } = d1.answers;
    const d2 = await store.save(withAnswers(d1, { 'Z.9': 'new', ...rest, 'A.1': 'changed' }));
    expect(await fs.readFile(store.paths(d0.id).draft, 'utf8')).toBe(serializeDraft(d2));
    expect(d2.changeLog.at(-1)?.items).toEqual(['A.1', 'A.2', 'B.1', 'B.2', 'C.1', 'C.2', 'C.3', 'D.10', 'Z.9']);
    // The history snapshot of that revision (this store snapshots every save) is the same text.
    const [newest] = await store.listHistory(d0.id);
    expect(newest?.revision).toBe(d2.revision);
    expect(await fs.readFile(path.join(store.paths(d0.id).history, newest?.file ?? ''), 'utf8')).toBe(serializeDraft(d2));
    const d3 = await store.save(withAnswers(d2, {}));
    expect(await fs.readFile(store.paths(d0.id).draft, 'utf8')).toBe(serializeDraft(d3));
    expect(serializeWithMemo(d3, memoOf(d3)).toString('utf8')).toBe(serializeDraft(d3));
  });

  it('names exactly the changed answers; an equal copy (as after IPC) is no change', async () => {
    const d1 = await store.save(withAnswers(await createOne(), tricky));
    const copy = structuredClone(d1);
    expect(await store.save(copy)).toBe(d1);
    const d2 = await store.save(withAnswers(copy, { ...copy.answers, 'B.2': [{ city: 'Kisumu' }] }));
    expect(d2.revision).toBe(d1.revision + 1);
    const plan = planSave(d1, memoOf(d1), withAnswers(d1, { ...d1.answers, 'C.2': 1 }));
    expect(plan).toMatchObject({ items: ['C.2'], metadata: false });
  });

  it('still sees a change made by replacing an answer in the draft it returned', async () => {
    const d1 = await store.save(withAnswers(await createOne(), { 'A.1': 'one' }));
    d1.answers['A.1'] = 'two';
    const d2 = await store.save(d1);
    expect(d2.revision).toBe(d1.revision + 1);
    expect(JSON.parse(await fs.readFile(store.paths(d1.id).draft, 'utf8'))).toMatchObject({ answers: { 'A.1': 'two' } });
  });

  it('keeps the answers it wrote frozen, so they cannot change behind its back', async () => {
    const d1 = await store.save(withAnswers(await createOne(), { 'B.1': { status: 'partially', measures: 'x' } }));
    expect(() => {
      (d1.answers['B.1'] as Record<string, unknown>)['measures'] = 'changed in place';
    }).toThrow(TypeError);
  });

  it('does not keep the caller’s objects: changing them after the save changes nothing saved', async () => {
    const block = { status: 'partially', measures: 'x' };
    const d1 = await store.save(withAnswers(await createOne(), { 'B.1': block }));
    block.measures = 'changed later';
    expect(d1.answers['B.1']).toEqual({ status: 'partially', measures: 'x' });
    const d2 = await store.save(withAnswers(d1, { ...d1.answers, 'B.1': block }));
    expect(d2.revision).toBe(d1.revision + 1);
  });

  it('refuses what the draft schema refuses, naming the place, and writes nothing', async () => {
    const d1 = await store.save(withAnswers(await createOne(), { 'A.1': 'kept' }));
    const before = await fs.readFile(store.paths(d1.id).draft, 'utf8');
    const bad: [Answers, string][] = [
      [{ ...d1.answers, 'not an id': 'x' }, 'answers'],
      [{ ...d1.answers, 'A.2': (() => 1) as unknown as string }, 'answers'],
      [{ ...d1.answers, 'A.2': { nested: [undefined] } as unknown as string }, 'answers'],
    ];
    for (const [answers, where] of bad) {
      await expect(store.save(withAnswers(d1, answers))).rejects.toMatchObject({ code: 'drafts:errors.invalidDraft', params: expect.objectContaining({ path: expect.stringContaining(where) }) });
    }
    await expect(store.save({ ...d1, answers: [] as unknown as Answers })).rejects.toMatchObject({ code: 'drafts:errors.invalidDraft' });
    await expect(store.save({ ...d1, assessment: { ...d1.assessment, countryCode: 'Kenya' } })).rejects.toMatchObject({
      params: expect.objectContaining({ path: 'assessment.countryCode' }),
    });
    expect(await fs.readFile(store.paths(d1.id).draft, 'utf8')).toBe(before);
    expect(store.current(d1.id)).toBe(d1);
  });

  it('a metadata change alone is a new revision marked as such', async () => {
    const d1 = await store.save(withAnswers(await createOne(), { 'A.1': 'x' }));
    const d2 = await store.save({ ...d1, assessment: { ...d1.assessment, contributingInstitutions: ['Ministry of Lands'] } });
    expect(d2.revision).toBe(d1.revision + 1);
    expect(d2.changeLog.at(-1)).toMatchObject({ metadata: true });
    expect(await fs.readFile(store.paths(d1.id).draft, 'utf8')).toBe(serializeDraft(d2));
  });
});
