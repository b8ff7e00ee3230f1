// Replies from several institutions brought into the focal point's draft: what is refused, what the
// merge view shows per item, and what accepting writes (and records in the change log).
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors';
import type { Draft } from '../../../core/draft/schema';
import {
  acceptClean,
  acceptSuggestion,
  admitReplies,
  admitReply,
  buildMergeView,
  consultationOf,
  nextRevisionWith,
  replySha256,
  type AdmitContext,
  type KnownBase,
  type ReceivedReply,
} from '../../../core/review';
import { SubmissionSchema } from '../../../core/bundle/submission';
import { baseDraft, pack, reply, request } from './fixture';

const draft = baseDraft();
const reqHealth = request(draft, { to: { institution: 'وزارة الصحة' } });
const reqInterior = request(draft, { to: { institution: 'Ministry of Interior' } });
const known: KnownBase = { base: reqHealth.base, draft: reqHealth.draft };
const ctx = (extra: Partial<AdmitContext> = {}): AdmitContext => ({ pack, draftId: draft.id, bases: [known], ...extra });

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return 'admitted';
}

function tamper(r: ReceivedReply, change: (reply: Record<string, unknown>) => void): ReceivedReply {
  const copy = structuredClone(r.reply) as unknown as Record<string, unknown>;
  change(copy);
  const replyObj = copy as unknown as ReceivedReply['reply'];
  return { reply: replyObj, sha256: replySha256(replyObj) };
}

describe('admitting a reply', () => {
  const good = reply(reqHealth, { institution: 'وزارة الصحة', suggestions: { 'A.1': 'نص مقترح' } });

  it('admits a reply on the base the focal point holds', () => {
    const admitted = admitReply(good, ctx());
    expect(admitted.known).toBe(known);
    expect(admitted.supersedes).toBe(false);
  });

  it.each([
    ['for another draft', (r: Record<string, unknown>) => ((r.base as Record<string, unknown>).draftId = 'other-draft'), 'review:errors.otherDraft'],
    ['on a revision the focal point does not hold', (r: Record<string, unknown>) => ((r.base as Record<string, unknown>).revision = 4), 'review:errors.unknownBase'],
    ['on a base whose content differs (restored over)', (r: Record<string, unknown>) => ((r.base as Record<string, unknown>).contentSha256 = 'f'.repeat(64)), 'review:errors.baseChanged'],
    [
      'about items the checklist does not have',
      (r: Record<string, unknown>) => (r.comments as unknown[]).push({ id: 'c1', itemId: 'Z.1', text: 'x', at: '2026-11-10T10:00:00.000Z' }),
      'review:errors.unknownItems',
    ],
    [
      'suggesting an answer the item cannot take',
      (r: Record<string, unknown>) => ((r.suggestions as Array<Record<string, unknown>>)[0]!.answer = 42),
      'review:errors.invalidSuggestion',
    ],
    [
      'suggesting evidence with a file the draft does not have',
      (r: Record<string, unknown>) =>
        (r.suggestions as unknown[]).push({ id: 's9', itemId: 'C.3', answer: { files: ['e'.repeat(64)], links: [] }, at: '2026-11-10T10:00:00.000Z' }),
      'review:errors.suggestionUnknownFile',
    ],
  ])('refuses a reply %s', (_what, change, expected) => {
    expect(codeOf(() => admitReply(tamper(good, change), ctx()))).toBe(expected);
  });

  it('refuses a reply already imported, and takes a newer version of it as a replacement', () => {
    expect(codeOf(() => admitReply(good, ctx({ imported: [{ reviewId: good.reply.reviewId, sha256: good.sha256 }] })))).toBe('review:errors.alreadyImported');
    const newer = reply(reqHealth, { institution: 'وزارة الصحة', suggestions: { 'A.1': 'نص آخر' }, at: new Date('2026-11-12T10:00:00Z') });
    expect(admitReply(newer, ctx({ imported: [{ reviewId: good.reply.reviewId, sha256: good.sha256 }] })).supersedes).toBe(true);
  });

  it('in a batch, uses a reply given twice once, and of two versions only the newer', () => {
    const newer = reply(reqHealth, { institution: 'وزارة الصحة', at: new Date('2026-11-12T10:00:00Z') });
    const other = reply(reqInterior, { institution: 'Ministry of Interior' });
    const { admitted, refused } = admitReplies([good, good, newer, other], ctx());
    expect(admitted.map((a) => a.reply.reviewId)).toEqual([newer.reply.reviewId, other.reply.reviewId]);
    expect(admitted[0]?.sha256).toBe(newer.sha256);
    expect(refused.map((r) => r.error.code)).toEqual(['review:errors.olderVersion', 'review:errors.olderVersion']);
    const dup = admitReplies([other, other], ctx());
    expect(dup.refused.map((r) => r.error.code)).toEqual(['review:errors.duplicateReply']);
  });
});

describe('the merge view and accepting', () => {
  // Meanwhile the focal point changed A.1 and the measures of B.5.
  const b5 = draft.answers['B.5'] as Record<string, unknown>;
  const current: Draft['answers'] = { ...draft.answers, 'A.1': 'وزارة الداخلية تقود التقييم.', 'B.5': { ...b5, measures: 'تدابير محدَّثة.' } };
  const health = reply(reqHealth, {
    institution: 'وزارة الصحة',
    verdict: 'changes_requested',
    suggestions: { 'A.1': 'وزارة الداخلية ووزارة الصحة.', 'B.5': { ...b5, examples: 'نيروبي وكيسومو.' }, 'A.3': ['civil_society', 'academia', 'women_youth'] },
    comments: [{ itemId: 'B.1', text: 'لماذا جزئيا؟' }],
  });
  const interior = reply(reqInterior, {
    institution: 'Ministry of Interior',
    suggestions: { 'A.3': ['academia'], 'B.4': 45 },
    comments: [{ itemId: 'B.1', text: 'Agree with Health.' }, { itemId: 'C.2', field: 'population', text: 'Census figures?' }],
  });
  const { admitted } = admitReplies([health, interior], ctx());

  it('shows per item the comments of every institution and each suggestion with its status', () => {
    const view = buildMergeView(pack, current, admitted);
    const summary = view.items.map((i) => [i.itemId, i.suggestions.map((s) => `${s.institution}:${s.status}`), i.comments.map((c) => c.institution)]);
    expect(summary).toEqual([
      ['A.1', ['وزارة الصحة:conflict'], []],
      ['A.3', ['وزارة الصحة:clean', 'Ministry of Interior:clean'], []],
      ['B.1', [], ['وزارة الصحة', 'Ministry of Interior']],
      ['B.4', ['Ministry of Interior:clean'], []],
      ['B.5', ['وزارة الصحة:merges'], []],
      ['C.2', [], ['Ministry of Interior']],
    ]);
    expect(view.counts).toEqual({ clean: 3, merges: 1, conflict: 1, same: 0, unchanged: 0, comments: 3 });
    const a1 = view.items[0]?.suggestions[0];
    expect(a1?.conflicts).toEqual([{ where: { kind: 'answer' }, base: draft.answers['A.1'], yours: current['A.1'], theirs: 'وزارة الداخلية ووزارة الصحة.' }]);
    expect(view.items[1]?.suggestions.every((s) => s.competing)).toBe(true);
    expect(view.items[4]?.suggestions[0]?.merged).toEqual({ ...b5, measures: 'تدابير محدَّثة.', examples: 'نيروبي وكيسومو.' });
    expect(view.replies.map((r) => r.verdict)).toEqual(['changes_requested', 'comments']);
  });

  it('"accept all that apply cleanly" takes the first of two suggestions on one item and leaves the other', () => {
    const result = acceptClean(pack, current, admitted);
    expect(result.accepted.map((a) => `${a.itemId}:${a.institution}`)).toEqual(['A.3:وزارة الصحة', 'B.4:Ministry of Interior']);
    expect(result.answers['A.3']).toEqual(['civil_society', 'academia', 'women_youth']);
    expect(result.answers['A.1']).toBe(current['A.1']);
    expect(result.statuses.get(`${interior.reply.reviewId}/${interior.reply.suggestions[0]?.id}`)).toBe('merges');
    // Nothing in the draft passed in has been changed.
    expect(current['A.3']).toEqual(['civil_society', 'academia']);
  });

  it('accepting one suggestion: a merge as merged, a conflict only once edited', () => {
    const b5Suggestion = health.reply.suggestions.find((s) => s.itemId === 'B.5')!;
    const merged = acceptSuggestion(pack, current, admitted, { reviewId: health.reply.reviewId, suggestionId: b5Suggestion.id });
    expect(merged.answers['B.5']).toEqual({ ...b5, measures: 'تدابير محدَّثة.', examples: 'نيروبي وكيسومو.' });
    const a1 = health.reply.suggestions.find((s) => s.itemId === 'A.1')!;
    const ref = { reviewId: health.reply.reviewId, suggestionId: a1.id };
    expect(codeOf(() => acceptSuggestion(pack, current, admitted, ref))).toBe('review:errors.conflictUnresolved');
    expect(codeOf(() => acceptSuggestion(pack, current, admitted, ref, 7))).toBe('review:errors.invalidSuggestion');
    const edited = acceptSuggestion(pack, current, admitted, ref, 'وزارة الداخلية، بالتشاور مع وزارة الصحة.');
    expect(edited.answers['A.1']).toBe('وزارة الداخلية، بالتشاور مع وزارة الصحة.');
    expect(edited.accepted).toEqual([{ itemId: 'A.1', reviewId: health.reply.reviewId, institution: 'وزارة الصحة', suggestionId: a1.id }]);
    expect(codeOf(() => acceptSuggestion(pack, current, admitted, { reviewId: health.reply.reviewId, suggestionId: 'gone' }))).toBe('review:errors.suggestionNotFound');
  });

  it('the next revision records each accepted suggestion, naming the review and institution, in its own change-log entry', () => {
    const result = acceptClean(pack, current, admitted);
    const before: Draft = { ...draft, answers: current, changeLog: [{ fromRevision: 4, toRevision: 5, startedAt: new Date().toISOString(), at: new Date().toISOString(), items: ['A.1'], metadata: false }] };
    const next = nextRevisionWith(before, result.answers, result.accepted, new Date());
    expect(next.revision).toBe(6);
    expect(next.changeLog).toHaveLength(2);
    expect(next.changeLog[1]).toMatchObject({ fromRevision: 5, toRevision: 6, items: ['A.3', 'B.4'], accepted: result.accepted });
  });

  it('records who was consulted, for the submission', () => {
    const c = consultationOf(health.reply, reqHealth.createdAt);
    expect(c).toEqual({ institution: 'وزارة الصحة', name: 'Reviewer, وزارة الصحة', reviewId: reqHealth.reviewId, sentAt: reqHealth.createdAt, returnedAt: health.reply.returnedAt, verdict: 'changes_requested' });
    expect(SubmissionSchema.shape.consultations.safeParse([c]).success).toBe(true);
  });
});
