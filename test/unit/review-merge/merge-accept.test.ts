// Accepting suggestions that merge with the focal point's own changes, through dispatch: a table
// whose rows were added, removed and edited on both sides, and a multiple choice changed on both
// sides, each written as the combination, in one save naming the review.
import { promises as fs } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../../../core/log';
import { dispatchUpload } from '../../../core/api/dispatch';
import type { MergeViewInfo, OpenedAssessment } from '../../../core/api/contract';
import { loadSamplePack } from '../../../core/checklist/sample';
import { assessmentPaths } from '../../../core/store/layout';
import { parseDraftBytes } from '../../../core/store/read';
import { replyBytes, replyTo, sendForReview } from '../../review-seed';
import { EVERY_TYPE, META, SAMPLE, makeCore, memoryFile, tempDir, type TestCore } from '../api/harness';

const pack = loadSamplePack().pack;
let dir: string;
let core: TestCore;
let id: string;

const lyon = { city: 'Lyon', adopted: '2023-02-01', population: 522000, audit: true, stage: 'adopted' };
const marseille = { city: 'Marseille', stage: 'draft' };
const nice = { city: 'Nice', population: 340000, stage: 'draft' };
const lille = { city: 'Lille', population: 236000, stage: 'draft' };
const nantes = { city: 'Nantes', population: 320000, stage: 'adopted' };

beforeEach(async () => {
  setLogSink(null);
  dir = await tempDir('review-merge-types');
  core = makeCore(dir);
  id = (await core.ok<OpenedAssessment>('createAssessment', META, SAMPLE)).draft.id;
  await core.ok('saveAnswers', id, { ...EVERY_TYPE, 'C.2': [lyon, marseille, nice] });
});

afterEach(async () => {
  await core.service.dispose();
  await fs.rm(dir, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

async function onDisk() {
  const r = parseDraftBytes(await fs.readFile(assessmentPaths(dir, id).draft));
  if (!r.ok) throw new Error('draft unreadable');
  return r.draft;
}

describe('suggestions that merge with the focal point’s changes', () => {
  it('combines table rows added, removed and edited on both sides, and choices added and removed on both sides', async () => {
    const base = await onDisk();
    const request = await sendForReview(dir, base, pack, 'Ministère de la Santé');
    // The focal point: edits Lyon, removes Nice, adds Lille; adds one choice and removes another.
    await core.ok('saveAnswers', id, { 'C.2': [{ ...lyon, population: 530000 }, marseille, lille], 'A.3': ['local_governments', 'civil_society'] });
    // The reviewer: edits Marseille, removes nothing of what the focal point edited, adds Nantes; in A.3 adds academia and drops women_youth.
    const reply = replyTo(request, pack, {
      name: 'Claire Martin',
      institution: 'Ministère de la Santé',
      suggestions: { 'C.2': [lyon, { ...marseille, population: 870000 }, nice, nantes], 'A.3': ['local_governments', 'academia'] },
    });
    async function* once() {
      yield replyBytes(reply);
    }
    expect((await dispatchUpload(core.service.uploads, 'importReply', [id], memoryFile(once(), 'r.scsa-reply.json', 'application/json'))).ok).toBe(true);

    const view = await core.ok<MergeViewInfo>('getMergeView', id);
    const status = Object.fromEntries(view.items.map((i) => [i.itemId, i.suggestions[0]?.status]));
    expect(status).toEqual({ 'A.3': 'merges', 'C.2': 'merges' });

    const before = await onDisk();
    for (const s of reply.suggestions) await core.ok('acceptSuggestion', id, { reviewId: request.reviewId, suggestionId: s.id });
    const after = await onDisk();
    // Both edits, both new rows (where each side put its row after the one it followed), and Nice gone.
    const rows = after.answers['C.2'] as unknown[];
    expect(rows.slice(0, 2)).toEqual([{ ...lyon, population: 530000 }, { ...marseille, population: 870000 }]);
    expect(rows.slice(2)).toEqual(expect.arrayContaining([lille, nantes]));
    expect(rows).toHaveLength(4);
    expect(after.answers['A.3']).toEqual(['local_governments', 'civil_society', 'academia']);
    expect(after.revision).toBe(before.revision + 2);
    expect(after.changeLog.flatMap((c) => c.accepted ?? []).map((a) => [a.itemId, a.institution]).sort()).toEqual([
      ['A.3', 'Ministère de la Santé'],
      ['C.2', 'Ministère de la Santé'],
    ]);
  });

  it('is a conflict, written only as the focal point edits it, when both sides edit the same row', async () => {
    const base = await onDisk();
    const request = await sendForReview(dir, base, pack, 'Ministère de la Santé');
    await core.ok('saveAnswers', id, { 'C.2': [{ ...lyon, population: 530000 }, marseille, nice] });
    const reply = replyTo(request, pack, { name: 'Claire Martin', institution: 'Ministère de la Santé', suggestions: { 'C.2': [{ ...lyon, population: 540000 }, marseille, nice] } });
    async function* once() {
      yield replyBytes(reply);
    }
    await dispatchUpload(core.service.uploads, 'importReply', [id], memoryFile(once(), 'r.scsa-reply.json', 'application/json'));
    const suggestion = (await core.ok<MergeViewInfo>('getMergeView', id)).items[0]?.suggestions[0];
    expect(suggestion?.status).toBe('conflict');
    expect(suggestion?.conflicts[0]?.where).toMatchObject({ kind: 'row' });
    const ref = { reviewId: request.reviewId, suggestionId: reply.suggestions[0]?.id };
    expect((await core.call('acceptSuggestion', id, ref)).ok).toBe(false);
    const settled = [{ ...lyon, population: 535000 }, marseille, nice];
    await core.ok('acceptSuggestion', id, ref, settled);
    expect((await onDisk()).answers['C.2']).toEqual(settled);
  });
});
