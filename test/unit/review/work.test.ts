// The reviewer's side: comments, suggestions edited in the item's own shape, a verdict, and the reply.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors';
import {
  addComment,
  buildReply,
  editComment,
  ReviewWorkSchema,
  setReviewer,
  setVerdict,
  startReview,
  suggest,
  withdrawSuggestion,
} from '../../../core/review';
import { pack, request } from './fixture';

const req = request(undefined, { to: { institution: 'وزارة الصحة', name: 'د. سارة' } });
const at = new Date('2026-11-05T12:00:00Z');

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return 'ok';
}

describe('a review in progress', () => {
  it('starts from the request: the addressee as reviewer, the base carried along', () => {
    const w = startReview(req, at);
    expect(w.reviewer).toEqual({ name: 'د. سارة', institution: 'وزارة الصحة' });
    expect(w.base).toEqual(req.base);
    expect(ReviewWorkSchema.safeParse(w).success).toBe(true);
  });

  it('keeps one suggestion per item, withdraws it when the answer is set back to the base, and checks its shape', () => {
    let w = startReview(req, at);
    w = suggest(w, req, pack, { itemId: 'B.4', answer: 50 }, at, 's1');
    w = suggest(w, req, pack, { itemId: 'B.4', answer: 55, note: 'أرقام 2025' }, at, 's2');
    expect(w.suggestions).toEqual([{ id: 's1', itemId: 'B.4', answer: 55, note: 'أرقام 2025', at: at.toISOString() }]);
    expect(suggest(w, req, pack, { itemId: 'B.4', answer: req.draft.answers['B.4'] }, at).suggestions).toEqual([]);
    expect(codeOf(() => suggest(w, req, pack, { itemId: 'B.4', answer: 150 }, at))).toBe('review:errors.invalidSuggestion');
    expect(codeOf(() => suggest(w, req, pack, { itemId: 'B.2', answer: 'unknown_option' }, at))).toBe('review:errors.invalidSuggestion');
    expect(codeOf(() => suggest(w, req, pack, { itemId: 'Z.1', answer: 'x' }, at))).toBe('review:errors.unknownItems');
    expect(withdrawSuggestion(w, 'B.4', at).suggestions).toEqual([]);
  });

  it('edits and removes comments; an empty comment is not kept', () => {
    let w = addComment(startReview(req, at), pack, { itemId: 'B.5', field: 'measures', text: '  يرجى ذكر المرجع.  ' }, at, 'c1');
    expect(w.comments).toEqual([{ id: 'c1', itemId: 'B.5', field: 'measures', text: 'يرجى ذكر المرجع.', at: at.toISOString() }]);
    w = editComment(w, 'c1', 'يرجى ذكر رقم القانون.', at);
    expect(w.comments[0]?.text).toBe('يرجى ذكر رقم القانون.');
    expect(editComment(w, 'c1', '   ', at).comments).toEqual([]);
    expect(codeOf(() => addComment(w, pack, { itemId: 'B.5', text: '' }, at))).toBe('review:errors.commentInvalid');
  });

  it('returns a reply only with a verdict and the reviewer named', () => {
    const w = suggest(startReview(req, at), req, pack, { itemId: 'A.1', answer: 'نص' }, at);
    expect(codeOf(() => buildReply(w, at))).toBe('review:errors.noVerdict');
    const unnamed = setVerdict(setReviewer(w, { name: ' ', institution: 'وزارة الصحة' }, at), 'comments', undefined, at);
    expect(codeOf(() => buildReply(unnamed, at))).toBe('review:errors.reviewerMissing');
    const r = buildReply(setVerdict(w, 'no_objection', 'لا اعتراض مع الملاحظات.', at), at);
    expect(r).toMatchObject({ format: 'scsa-review-reply', reviewId: req.reviewId, base: req.base, verdict: 'no_objection', note: 'لا اعتراض مع الملاحظات.', returnedAt: at.toISOString() });
    expect(r.reviewer).toEqual({ name: 'د. سارة', institution: 'وزارة الصحة' });
  });
});
