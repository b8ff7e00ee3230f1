// The focal point's merge, through dispatch as the transports call it: replies imported, the merge
// view, accept / reject / edit-then-accept / accept all clean, comments resolved, versions read,
// and every bad reply refused with its message and nothing in the draft changed.
import { promises as fs } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dispatchUpload } from '../../../core/api/dispatch';
import { MergeViewInfoSchema, ReviewsOverviewSchema, type MergeViewInfo, type OpenedAssessment, type ReviewsOverview } from '../../../core/api/contract';
import type { Draft } from '../../../core/draft/schema';
import { assessmentPaths } from '../../../core/store/layout';
import { listSnapshots } from '../../../core/store/history';
import type { ReviewReply } from '../../../core/review';
import { replyBytes } from '../../review-seed';
import { EVERY_TYPE, memoryFile } from '../api/harness';
import { core, dir, draftEachTest, id, onDisk, twoReviews } from './draft-each-test';

draftEachTest('review-merge');

function upload(bytes: Uint8Array, name = 'reply.scsa-reply.json') {
  async function* once() {
    yield bytes;
  }
  return dispatchUpload(core.service.uploads, 'importReply', [id], memoryFile(once(), name, 'application/json'));
}


const suggestion = (view: MergeViewInfo, itemId: string) => view.items.find((i) => i.itemId === itemId)?.suggestions[0];

describe('merging review replies', () => {
  it('imports replies from two institutions and shows per item their comments and suggestions with a status', async () => {
    const { healthReply, justiceReply } = await twoReviews();
    expect(await upload(replyBytes(healthReply))).toMatchObject({ ok: true, value: { institution: 'وزارة الصحة', suggestions: 2, comments: 1, supersedes: false } });
    expect((await upload(replyBytes(justiceReply))).ok).toBe(true);
    const view = await core.ok<MergeViewInfo>('getMergeView', id);
    expect(view.replies.map((r) => r.reviewer.institution).sort()).toEqual(['Ministry of Justice', 'وزارة الصحة'].sort());
    expect(view.items.map((i) => i.itemId)).toEqual(['A.1', 'A.3', 'B.1', 'B.2', 'C.2', 'C.3', 'C.4']);
    // What the web client checks every answer against.
    expect(MergeViewInfoSchema.safeParse(view).success).toBe(true);
    expect(suggestion(view, 'A.1')?.status).toBe('clean');
    // The focal point rewrote C.4 after sending: the health ministry's text is a conflict, base / yours / theirs.
    const c4 = suggestion(view, 'C.4');
    expect(c4?.status).toBe('conflict');
    expect(c4?.conflicts[0]).toMatchObject({ base: EVERY_TYPE['C.4'], yours: 'Texte long réécrit par le point focal', theirs: 'Texte long proposé par la santé' });
    expect(view.items.find((i) => i.itemId === 'B.1')?.comments[0]).toMatchObject({ institution: 'وزارة الصحة', text: 'يرجى التوضيح' });
    expect(view.items.every((i) => i.open)).toBe(true);
    const overview = await core.ok<ReviewsOverview>('getReviews', id);
    expect(overview.reviews.map((r) => r.state)).toEqual(['returned', 'returned']);
    expect(overview.consultations.map((c) => c.institution).sort()).toEqual(['Ministry of Justice', 'وزارة الصحة'].sort());
    expect(overview.openItems.sort()).toEqual(['A.1', 'A.3', 'B.1', 'B.2', 'C.2', 'C.3', 'C.4']);
    expect(ReviewsOverviewSchema.safeParse(overview).success).toBe(true);
  });

  it('accepts a suggestion as an ordinary save whose change log names the review and institution, and rejects another without touching the draft', async () => {
    const { health, justice, healthReply, justiceReply } = await twoReviews();
    await upload(replyBytes(healthReply));
    await upload(replyBytes(justiceReply));
    const before = await onDisk();
    const a1 = healthReply.suggestions.find((s) => s.itemId === 'A.1');
    const opened = await core.ok<OpenedAssessment>('acceptSuggestion', id, { reviewId: health.reviewId, suggestionId: a1?.id });
    expect(opened.draft.answers['A.1']).toBe('وزارة التنمية الحضرية');
    const saved = await onDisk();
    expect(saved.revision).toBe(before.revision + 1);
    expect(saved.changeLog.at(-1)?.accepted).toEqual([{ itemId: 'A.1', reviewId: health.reviewId, institution: 'وزارة الصحة', suggestionId: a1?.id }]);

    const b2 = justiceReply.suggestions.find((s) => s.itemId === 'B.2');
    expect(await core.call('rejectSuggestion', id, { reviewId: justice.reviewId, suggestionId: b2?.id })).toEqual({ ok: true, value: null });
    expect((await onDisk()).answers['B.2']).toBe(EVERY_TYPE['B.2']);
    const view = await core.ok<MergeViewInfo>('getMergeView', id);
    expect(suggestion(view, 'A.1')?.decision?.decision).toBe('accepted');
    expect(suggestion(view, 'B.2')?.decision?.decision).toBe('rejected');
    expect(view.items.find((i) => i.itemId === 'B.2')?.open).toBe(false);
  });

  it('refuses to accept a conflict as it stands, and takes the answer the focal point edited', async () => {
    const { health, healthReply } = await twoReviews();
    await upload(replyBytes(healthReply));
    const c4 = healthReply.suggestions.find((s) => s.itemId === 'C.4');
    const ref = { reviewId: health.reviewId, suggestionId: c4?.id };
    const refused = await core.call('acceptSuggestion', id, ref);
    expect(refused).toMatchObject({ ok: false, error: { code: 'review:errors.conflictUnresolved', params: { itemId: 'C.4', institution: 'وزارة الصحة' } } });
    const edited = 'Texte long réécrit par le point focal, avec la proposition de la santé';
    const opened = await core.ok<OpenedAssessment>('acceptSuggestion', id, ref, edited);
    expect(opened.draft.answers['C.4']).toBe(edited);
    expect((await onDisk()).changeLog.at(-1)?.accepted?.[0]).toMatchObject({ itemId: 'C.4', institution: 'وزارة الصحة' });
    // An edited answer the item cannot take is refused, and nothing is written.
    const revision = (await onDisk()).revision;
    expect((await core.call('acceptSuggestion', id, ref, 42)).ok).toBe(false);
    expect((await onDisk()).revision).toBe(revision);
  });

  it('accepts all that apply cleanly in one save, leaving the conflict and the decided ones', async () => {
    const { justice, healthReply, justiceReply } = await twoReviews();
    await upload(replyBytes(healthReply));
    await upload(replyBytes(justiceReply));
    const b2 = justiceReply.suggestions.find((s) => s.itemId === 'B.2');
    await core.ok('rejectSuggestion', id, { reviewId: justice.reviewId, suggestionId: b2?.id });
    const before = await onDisk();
    const result = await core.ok<{ accepted: number; opened: OpenedAssessment }>('acceptAllClean', id);
    expect(result.accepted).toBe(3);
    const after = await onDisk();
    expect(after.revision).toBe(before.revision + 1);
    expect(after.answers['A.1']).toBe('وزارة التنمية الحضرية');
    expect(after.answers['A.3']).toEqual(['local_governments', 'women_youth', 'academia']);
    expect(after.answers['B.2']).toBe(EVERY_TYPE['B.2']);
    expect(after.answers['C.4']).toBe('Texte long réécrit par le point focal');
    expect(after.changeLog.at(-1)?.accepted?.map((a) => a.itemId).sort()).toEqual(['A.1', 'A.3', 'C.3']);
  });

  it('resolves a comment with an answer; the item leaves the open list', async () => {
    const { justice, justiceReply } = await twoReviews();
    await upload(replyBytes(justiceReply));
    const comment = justiceReply.comments[0];
    await core.ok('resolveComment', id, { reviewId: justice.reviewId, commentId: comment?.id }, 'Population added.');
    const view = await core.ok<MergeViewInfo>('getMergeView', id);
    expect(view.items.find((i) => i.itemId === 'C.2')?.comments[0]?.resolved?.answer).toBe('Population added.');
    expect((await core.ok<ReviewsOverview>('getReviews', id)).openItems).not.toContain('C.2');
    expect((await core.call('resolveComment', id, { reviewId: justice.reviewId, commentId: 'nope' })).ok).toBe(false);
  });

  it('reads the review base and the current draft for comparing', async () => {
    const { health } = await twoReviews();
    const base = await core.ok<{ revision: number; answers: Record<string, unknown> }>('readVersion', id, health.base.revision);
    const current = await core.ok<{ revision: number; answers: Record<string, unknown> }>('readVersion', id, 'current');
    expect(base.answers['C.4']).toBe(EVERY_TYPE['C.4']);
    expect(current.answers['C.4']).toBe('Texte long réécrit par le point focal');
    expect(current.revision).toBeGreaterThan(base.revision);
    expect(await core.call('readVersion', id, 999)).toMatchObject({ ok: false, error: { code: 'merge:errors.versionNotFound' } });
  });
});

describe('bad replies: a clear message, and nothing in the draft changed', () => {
  async function refused(bytes: Uint8Array): Promise<string> {
    const before = await fs.readFile(assessmentPaths(dir, id).draft, 'utf8');
    const r = await upload(bytes);
    expect(r.ok).toBe(false);
    expect(await fs.readFile(assessmentPaths(dir, id).draft, 'utf8')).toBe(before);
    return r.ok ? '' : r.error.code;
  }

  it('refuses a reply for another assessment, for a base never sent, the same reply twice, invalid JSON and unknown items', async () => {
    const { health, healthReply } = await twoReviews();
    expect(await refused(replyBytes({ ...healthReply, base: { ...healthReply.base, draftId: 'another-draft' } }))).toBe('review:errors.otherDraft');
    expect(await refused(replyBytes({ ...healthReply, base: { ...healthReply.base, revision: health.base.revision + 7 } }))).toBe('review:errors.unknownBase');
    expect((await upload(replyBytes(healthReply))).ok).toBe(true);
    expect(await refused(replyBytes(healthReply))).toBe('review:errors.alreadyImported');
    expect(await refused(new TextEncoder().encode('{"format": "scsa-review-reply", '))).toBe('review:errors.replyNotJson');
    const unknown = { ...healthReply, comments: [{ ...(healthReply.comments[0] as ReviewReply['comments'][number]), itemId: 'Z.9' }] };
    expect(await refused(replyBytes(unknown))).toBe('review:errors.unknownItems');
  });

  it('refuses a file larger than a reply can be before reading it as JSON', async () => {
    expect(await refused(new Uint8Array(6 * 1024 * 1024).fill(32))).toBe('review:errors.replyTooLarge');
  });

  it('refuses a reply whose base revision now has other content (restored over)', async () => {
    const { health, healthReply } = await twoReviews();
    const paths = assessmentPaths(dir, id);
    // The kept copy of the base revision now holds other answers, as after a restore over it.
    for (const e of (await listSnapshots(paths.history)).filter((s) => s.revision === health.base.revision)) {
      const file = `${paths.history}/${e.file}`;
      const d = JSON.parse(await fs.readFile(file, 'utf8')) as Draft;
      await fs.writeFile(file, JSON.stringify({ ...d, answers: { ...d.answers, 'A.1': 'autre chose' } }));
    }
    expect(await refused(replyBytes(healthReply))).toBe('review:errors.baseChanged');
  });

  it('refuses a reply to a review this assessment never recorded', async () => {
    const { health, healthReply } = await twoReviews();
    const stray = { ...healthReply, reviewId: '0f5c3a1e-2b7d-4c9e-8a6f-1d2e3f4a5b6c' };
    void health;
    expect(await refused(replyBytes(stray))).toBe('merge:errors.reviewNotSent');
  });
});
