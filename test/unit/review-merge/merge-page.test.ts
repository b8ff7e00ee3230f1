// The merge view a page at a time (getMergePage), through dispatch as the transports call it: the
// pages put together are the whole view, the filter and counts follow the decisions, a reply
// imported again or a review closed shows at once (the replies read are kept between calls), and
// bad requests are refused with a message.
import { describe, expect, it } from 'vitest';
import { dispatchUpload } from '../../../core/api/dispatch';
import { MergePageSchema, type MergePage, type MergeViewInfo } from '../../../core/api/contract';
import { loadSamplePack } from '../../../core/checklist/sample';
import type { ReviewReply, ReviewRequest } from '../../../core/review';
import { replyBytes, replyTo } from '../../review-seed';
import { memoryFile } from '../api/harness';
import { core, draftEachTest, id, twoReviews } from './draft-each-test';

const pack = loadSamplePack().pack;
draftEachTest('merge-page');

function upload(reply: ReviewReply) {
  async function* once() {
    yield replyBytes(reply);
  }
  return dispatchUpload(core.service.uploads, 'importReply', [id], memoryFile(once(), 'reply.scsa-reply.json', 'application/json'));
}

/** The two reviews of the handlers' tests, both replies imported. */
async function twoReplies(): Promise<{ health: ReviewRequest; justice: ReviewRequest; justiceReply: ReviewReply }> {
  const { health, justice, healthReply, justiceReply } = await twoReviews();
  expect((await upload(healthReply)).ok).toBe(true);
  expect((await upload(justiceReply)).ok).toBe(true);
  return { health, justice, justiceReply };
}

const page = (openOnly: boolean, offset: number, limit: number) => core.ok<MergePage>('getMergePage', id, { openOnly, offset, limit });

describe('the merge view a page at a time', () => {
  it('sends the items of one page with the counts of the whole list; the pages together are the whole view', async () => {
    await twoReplies();
    const whole = await core.ok<MergeViewInfo>('getMergeView', id);
    const first = await page(false, 0, 3);
    expect(MergePageSchema.safeParse(first).success).toBe(true);
    expect(first.items.map((i) => i.itemId)).toEqual(['A.1', 'A.3', 'B.1']);
    expect(first).toMatchObject({ offset: 0, total: 7, counts: { items: 7, open: 7 } });
    const cleanInWhole = whole.items.flatMap((i) => i.suggestions).filter((s) => s.status === 'clean').length;
    expect(cleanInWhole).toBeGreaterThan(0);
    expect(first.counts.cleanLeft).toBe(cleanInWhole);
    const rest = [await page(false, 3, 3), await page(false, 6, 3)];
    expect(rest.map((p) => p.items.length)).toEqual([3, 1]);
    // Every comment and every suggestion of every institution, with its status, conflicts and base / yours / theirs.
    expect([first, ...rest].flatMap((p) => p.items)).toEqual(whole.items);
    expect(first.replies).toEqual(whole.replies);
    expect(first.revision).toBe(whole.revision);
    // The end of the list is an empty page, not an error.
    expect((await page(false, 7, 10)).items).toEqual([]);
  });

  it('lists only the open items when asked, and its counts follow each decision', async () => {
    const { justice, justiceReply } = await twoReplies();
    const b2 = justiceReply.suggestions.find((s) => s.itemId === 'B.2');
    const before = await page(true, 0, 10);
    await core.ok('rejectSuggestion', id, { reviewId: justice.reviewId, suggestionId: b2?.id });
    const open = await page(true, 0, 10);
    expect(open.items.map((i) => i.itemId)).not.toContain('B.2');
    expect(open).toMatchObject({ total: 6, counts: { items: 7, open: 6, cleanLeft: before.counts.cleanLeft - 1 } });
    const all = await page(false, 0, 10);
    expect(all.total).toBe(7);
    expect(all.items.find((i) => i.itemId === 'B.2')?.suggestions[0]?.decision?.decision).toBe('rejected');
    // Accepting all that apply cleanly leaves none to accept, and the count says so.
    await core.ok('acceptAllClean', id);
    expect((await page(true, 0, 10)).counts.cleanLeft).toBe(0);
  });

  it('shows a newer version of a reply and a closed review at once, though the replies read are kept between calls', async () => {
    const { justice } = await twoReplies();
    expect((await page(false, 0, 10)).items.map((i) => i.itemId)).toContain('B.2');
    const newer = replyTo(justice, pack, {
      name: 'John Smith',
      institution: 'Ministry of Justice',
      at: new Date(Date.now() + 86_400_000),
      suggestions: { 'A.1': 'Ministère de la ville' },
    });
    expect(await upload(newer)).toMatchObject({ ok: true, value: { supersedes: true } });
    const after = await page(false, 0, 10);
    expect(after.items.map((i) => i.itemId)).not.toContain('B.2');
    expect(after.items.find((i) => i.itemId === 'A.1')?.suggestions.map((s) => s.institution)).toEqual(['وزارة الصحة', 'Ministry of Justice']);
    await core.ok('closeReview', id, justice.reviewId);
    expect((await page(false, 0, 10)).items.map((i) => i.itemId)).toEqual(['A.1', 'B.1', 'C.4']);
  });

  it('refuses a page past the end of the list, a malformed request and an unknown reply', async () => {
    const { justice } = await twoReplies();
    expect(await core.call('getMergePage', id, { openOnly: false, offset: 8, limit: 10 })).toEqual({
      ok: false,
      error: { code: 'merge:errors.pageOutOfRange', params: { offset: 8, total: 7 } },
    });
    for (const query of [
      { openOnly: false, offset: -1, limit: 10 },
      { openOnly: false, offset: 0, limit: 0 },
      { openOnly: false, offset: 0, limit: 501 },
      { openOnly: false, offset: 0.5, limit: 10 },
      { openOnly: 'yes', offset: 0, limit: 10 },
      { openOnly: false, offset: 0, limit: 10, reviewId: justice.reviewId },
      { openOnly: false, offset: 0 },
    ]) {
      expect(await core.call('getMergePage', id, query), JSON.stringify(query)).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
    }
    expect(await core.call('getMergePage', id)).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await core.call('rejectSuggestion', id, { reviewId: unknown, suggestionId: 's1' })).toMatchObject({ ok: false, error: { code: 'review:errors.suggestionNotFound' } });
    expect(await core.call('resolveComment', id, { reviewId: unknown, commentId: 'c1' })).toMatchObject({ ok: false, error: { code: 'merge:errors.commentNotFound' } });
    expect((await core.call('acceptSuggestion', id, { reviewId: unknown, suggestionId: 's1' })).ok).toBe(false);
  });
});
