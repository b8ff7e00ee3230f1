// Answers that would amplify, overflow or smuggle (issue 14.1), through the real core as the
// transports call it: refused with the core's own translated reason, nothing written, and every
// draft the app can write opens again, the largest one included.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../../../core/log';
import { MAX_ANSWER_BYTES, MAX_ANSWER_DEPTH, MAX_DRAFT_BYTES } from '../../../core/draft/limits';
import { MAX_PAYLOAD_DEPTH } from '../../../core/api/dispatch';
import { DraftStore } from '../../../core/store/draft-store';
import { importCopy } from '../../../core/store/portable';
import { META, SAMPLE, makeCore, tempDir, type TestCore } from './harness';
import { amplifyingDraftText, nested } from '../../fixtures/hostile/corpus';

let dir: string;
let core: TestCore;

type Opened = { draft: { id: string; revision: number; answers: Record<string, unknown> } };
type Copy = { fileName: string; text: string };

beforeEach(async () => {
  setLogSink(null);
  dir = await tempDir('api-hostile');
  core = makeCore(dir);
});

afterEach(async () => {
  await core.service.dispose();
  await fs.rm(dir, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

const assessmentDirs = async () => (await fs.readdir(path.join(dir, 'assessments')).catch(() => [] as string[])).filter((n) => !n.startsWith('.'));

async function onDisk(id: string): Promise<{ revision: number; answers: Record<string, unknown>; bytes: number }> {
  const text = await fs.readFile(path.join(dir, 'assessments', id, 'draft.scsa.json'), 'utf8');
  const draft = JSON.parse(text) as { revision: number; answers: Record<string, unknown> };
  return { revision: draft.revision, answers: draft.answers, bytes: Buffer.byteLength(text) };
}

describe('saving hostile answers', () => {
  it.each([
    ['5,000 levels deep (was HTTP 500)', { 'Z.1': nested(5000) }, { code: 'errors.tooDeep', params: { limit: MAX_PAYLOAD_DEPTH } }],
    ['one level past the answer bound', { 'Z.1': nested(MAX_ANSWER_DEPTH + 1) }, { code: 'drafts:errors.answerTooDeep', params: { itemId: 'Z.1', limit: MAX_ANSWER_DEPTH } }],
    ['larger than an answer may be', { 'Z.1': 'x'.repeat(MAX_ANSWER_BYTES) }, { code: 'drafts:errors.answerTooLarge', params: { itemId: 'Z.1', limit: MAX_ANSWER_BYTES / 2 ** 20 } }],
    ['a table answer to a text item', { 'A.1': [{ a: 'b' }] }, { code: 'drafts:errors.answerShape', params: { itemId: 'A.1' } }],
    ['extra keys smuggled into a UNCAC block', { 'B.5': { status: 'fully', hidden: nested(6) } }, { code: 'drafts:errors.answerShape', params: { itemId: 'B.5' } }],
  ])('%s: refused with its reason, the draft on disk unchanged', async (_what, changes, error) => {
    const { draft } = await core.ok<Opened>('createAssessment', META, SAMPLE);
    await core.ok('saveAnswers', draft.id, { 'A.1': 'kept' });
    const before = await onDisk(draft.id);
    expect(await core.call('saveAnswers', draft.id, changes)).toEqual({ ok: false, error });
    expect(await onDisk(draft.id)).toEqual(before);
    // The assessment is still open and saves as before.
    expect(await core.ok<{ revision: number }>('saveAnswers', draft.id, { 'A.1': 'still saving' })).toMatchObject({ revision: before.revision + 1 });
  });

  it('keeps answers to unknown items within the bounds, at the deepest allowed', async () => {
    const { draft } = await core.ok<Opened>('createAssessment', META, SAMPLE);
    await core.ok('saveAnswers', draft.id, { 'Z.1': nested(MAX_ANSWER_DEPTH), 'Q.99': { older: ['checklist'] } });
    expect((await onDisk(draft.id)).answers).toEqual({ 'Z.1': nested(MAX_ANSWER_DEPTH), 'Q.99': { older: ['checklist'] } });
  });
});

describe('importing hostile copies', () => {
  it('the 430 KB copy nested 1,000 deep (was a 380 MB draft) is refused naming the item, nothing created', async () => {
    const text = amplifyingDraftText();
    const r = await core.call('importCopy', { fileName: 'deep.scsa.json', text });
    expect(r).toEqual({ ok: false, error: { code: 'drafts:errors.answerTooDeep', params: { itemId: 'Z.1', limit: MAX_ANSWER_DEPTH, file: 'deep.scsa.json' } } });
    expect(await assessmentDirs()).toEqual([]);
  });

  it('a copy whose known answers do not have their item’s structure is refused', async () => {
    const { draft } = await core.ok<Opened>('createAssessment', META, SAMPLE);
    const copy = await core.ok<Copy>('exportCopy', draft.id);
    const doc = JSON.parse(copy.text) as { id: string; answers: Record<string, unknown> };
    doc.id = 'another-copy-001';
    doc.answers = { 'C.2': [{ city: nested(4) }] };
    const r = await core.call('importCopy', { fileName: 'x.scsa.json', text: JSON.stringify(doc) });
    expect(r).toEqual({ ok: false, error: { code: 'drafts:errors.answerShape', params: { itemId: 'C.2', file: 'x.scsa.json' } } });
    expect(await assessmentDirs()).toEqual([draft.id]);
  });
});

describe('the largest draft the app writes', () => {
  it('is saved up to the bound exactly, refused one byte beyond, and its copy imports again', { timeout: 120_000 }, async () => {
    const { draft } = await core.ok<Opened>('createAssessment', META, SAMPLE);
    const big = 'y'.repeat(MAX_ANSWER_BYTES - 4096);
    const answers: Record<string, string> = {};
    for (let i = 0; i < 8; i++) answers[`Z.${i}`] = big;
    await core.ok('saveAnswers', draft.id, { ...answers, 'Z.9': 'y' });
    // Fill the rest of the room with one answer; same revision width, same change-log entry, so the size is exact.
    const room = MAX_DRAFT_BYTES - (await onDisk(draft.id)).bytes;
    expect(room).toBeGreaterThan(0);
    expect(room).toBeLessThan(MAX_ANSWER_BYTES);
    await core.ok('saveAnswers', draft.id, { 'Z.9': 'y'.repeat(1 + room) });
    const full = await onDisk(draft.id);
    expect(full.bytes).toBe(MAX_DRAFT_BYTES);

    const over = await core.call('saveAnswers', draft.id, { 'Z.9': 'y'.repeat(2 + room) });
    expect(over).toEqual({ ok: false, error: { code: 'drafts:errors.draftTooLarge', params: { limit: MAX_DRAFT_BYTES / 2 ** 20 } } });
    expect((await onDisk(draft.id)).revision).toBe(full.revision);

    // As text (the app's "save a copy") and as a file beside its attachments folder, it opens again.
    const copy = await core.ok<Copy>('exportCopy', draft.id);
    expect(Buffer.byteLength(copy.text)).toBe(MAX_DRAFT_BYTES);
    const imported = await core.ok<Opened>('importCopy', copy, 'keepBoth');
    expect(imported.draft.answers['Z.9']).toBe('y'.repeat(1 + room));
    const file = path.join(dir, copy.fileName);
    await fs.writeFile(file, copy.text);
    const store = new DraftStore({ dataDir: path.join(dir, 'other') });
    const fromFile = await importCopy(store, file);
    expect(Object.keys(fromFile.draft.answers)).toHaveLength(9);
    await store.closeAll();
  });
});
