/**
 * The reviewer's work in progress: comments, suggestions, verdict and note on one review copy,
 * kept (autosaved) until the reply is written — which can be done again at any time. Pure
 * functions returning a new state, so the screens and the store can share them.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { describeIssues, formatIssuePath } from '../checklist/issues';
import type { ChecklistPack } from '../checklist/schema';
import { EvidenceAnswerSchema } from '../draft/answers';
import { itemsInOrder } from '../diff/answers';
import { jsonEqual } from '../diff/equal';
import {
  REVIEW_LIMITS,
  REVIEW_REPLY_FORMAT,
  REVIEW_REPLY_SCHEMA_VERSION,
  ReviewBaseSchema,
  ReviewCommentSchema,
  ReviewIdSchema,
  ReviewReplySchema,
  ReviewSuggestionSchema,
  VERDICTS,
  type ReviewReply,
  type ReviewRequest,
  type Verdict,
} from './schema';
import { cachedAnswerSchema } from './item-schema';

export const REVIEW_WORK_FORMAT = 'scsa-review-work';
export const REVIEW_WORK_SCHEMA_VERSION = 1;

/** The autosaved state; the reviewer's name may still be empty here, not in the reply. */
export const ReviewWorkSchema = z
  .object({
    format: z.literal(REVIEW_WORK_FORMAT),
    schemaVersion: z.literal(REVIEW_WORK_SCHEMA_VERSION),
    reviewId: ReviewIdSchema,
    base: ReviewBaseSchema,
    reviewer: z.object({ name: z.string().max(200), title: z.string().max(200).optional(), institution: z.string().max(300) }).strict(),
    verdict: z.enum(VERDICTS).optional(),
    note: z.string().max(REVIEW_LIMITS.text).optional(),
    comments: z.array(ReviewCommentSchema).max(REVIEW_LIMITS.comments),
    suggestions: z.array(ReviewSuggestionSchema).max(REVIEW_LIMITS.suggestions),
    updatedAt: z.iso.datetime(),
  })
  .strict();
export type ReviewWork = z.infer<typeof ReviewWorkSchema>;

const newId = () => globalThis.crypto.randomUUID();

/** A fresh review of `request`: the reviewer named from the request's addressee. */
export function startReview(request: ReviewRequest, now: Date = new Date()): ReviewWork {
  return {
    format: REVIEW_WORK_FORMAT,
    schemaVersion: REVIEW_WORK_SCHEMA_VERSION,
    reviewId: request.reviewId,
    base: request.base,
    reviewer: { name: request.to.name ?? '', institution: request.to.institution },
    comments: [],
    suggestions: [],
    updatedAt: now.toISOString(),
  };
}

function itemOf(pack: ChecklistPack, itemId: string) {
  const item = itemsInOrder(pack).find((x) => x.item.id === itemId)?.item;
  if (!item) throw new AppError('review:errors.unknownItems', { items: itemId, count: 1 });
  return item;
}

export function setReviewer(work: ReviewWork, reviewer: ReviewWork['reviewer'], now: Date = new Date()): ReviewWork {
  return { ...work, reviewer: { ...reviewer }, updatedAt: now.toISOString() };
}

/** The overall verdict and note (an empty note removes it). */
export function setVerdict(work: ReviewWork, verdict: Verdict, note?: string, now: Date = new Date()): ReviewWork {
  const { note: _old, ...rest } = work;
  return { ...rest, verdict, ...(note?.trim() ? { note: note.trim() } : {}), updatedAt: now.toISOString() };
}

/** Add a comment on an item (optionally on one part of it, e.g. a UNCAC field). */
export function addComment(work: ReviewWork, pack: ChecklistPack, input: { itemId: string; field?: string; text: string }, now: Date = new Date(), id: string = newId()): ReviewWork {
  itemOf(pack, input.itemId);
  const comment = ReviewCommentSchema.safeParse({ id, itemId: input.itemId, ...(input.field ? { field: input.field } : {}), text: input.text.trim(), at: now.toISOString() });
  if (!comment.success) throw new AppError('review:errors.commentInvalid', describeIssues(comment.error));
  return { ...work, comments: [...work.comments, comment.data], updatedAt: now.toISOString() };
}

/** Change a comment's text; an empty text removes the comment. */
export function editComment(work: ReviewWork, id: string, text: string, now: Date = new Date()): ReviewWork {
  if (!text.trim()) return removeComment(work, id, now);
  const comments = work.comments.map((c) => (c.id === id ? { ...c, text: text.trim(), at: now.toISOString() } : c));
  const parsed = z.array(ReviewCommentSchema).safeParse(comments);
  if (!parsed.success) throw new AppError('review:errors.commentInvalid', describeIssues(parsed.error));
  return { ...work, comments: parsed.data, updatedAt: now.toISOString() };
}

export function removeComment(work: ReviewWork, id: string, now: Date = new Date()): ReviewWork {
  return { ...work, comments: work.comments.filter((c) => c.id !== id), updatedAt: now.toISOString() };
}

/**
 * Suggest `answer` for an item (the reviewer edited a copy of the answer in the same widgets). It
 * must be an answer the item accepts; one equal to the base answer withdraws the suggestion. A
 * second suggestion on the same item replaces the first.
 */
export function suggest(
  work: ReviewWork,
  request: ReviewRequest,
  pack: ChecklistPack,
  input: { itemId: string; answer: unknown; note?: string },
  now: Date = new Date(),
  id: string = newId(),
): ReviewWork {
  const item = itemOf(pack, input.itemId);
  const parsed = cachedAnswerSchema(item).safeParse(input.answer);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('review:errors.invalidSuggestion', { itemId: item.id, path: issue ? formatIssuePath(issue.path) || '(root)' : '(root)', problem: issue?.message ?? 'invalid' });
  }
  if (item.type === 'evidence') {
    const files = new Set(request.draft.attachments.map((a) => a.sha256));
    if (EvidenceAnswerSchema.parse(parsed.data).files.some((f) => !files.has(f))) throw new AppError('review:errors.suggestionUnknownFile', { itemId: item.id });
  }
  if (jsonEqual(parsed.data, request.draft.answers[item.id])) return withdrawSuggestion(work, item.id, now);
  const held = work.suggestions.find((s) => s.itemId === item.id);
  const suggestion = ReviewSuggestionSchema.parse({
    id: held?.id ?? id,
    itemId: item.id,
    answer: parsed.data,
    ...(input.note?.trim() ? { note: input.note.trim() } : {}),
    at: now.toISOString(),
  });
  const suggestions = held ? work.suggestions.map((s) => (s === held ? suggestion : s)) : [...work.suggestions, suggestion];
  return { ...work, suggestions, updatedAt: now.toISOString() };
}

export function withdrawSuggestion(work: ReviewWork, itemId: string, now: Date = new Date()): ReviewWork {
  return { ...work, suggestions: work.suggestions.filter((s) => s.itemId !== itemId), updatedAt: now.toISOString() };
}

/**
 * The reply to write (`*.scsa-reply.json`, parse.ts `replyText`). Needs a verdict
 * (`review:errors.noVerdict`) and the reviewer's name and institution (`review:errors.reviewerMissing`).
 */
export function buildReply(work: ReviewWork, now: Date = new Date()): ReviewReply {
  if (!work.verdict) throw new AppError('review:errors.noVerdict');
  if (!work.reviewer.name.trim() || !work.reviewer.institution.trim()) throw new AppError('review:errors.reviewerMissing');
  const { title } = work.reviewer;
  const reply = ReviewReplySchema.safeParse({
    format: REVIEW_REPLY_FORMAT,
    schemaVersion: REVIEW_REPLY_SCHEMA_VERSION,
    reviewId: work.reviewId,
    base: work.base,
    reviewer: { name: work.reviewer.name.trim(), ...(title?.trim() ? { title: title.trim() } : {}), institution: work.reviewer.institution.trim() },
    returnedAt: now.toISOString(),
    verdict: work.verdict,
    ...(work.note !== undefined ? { note: work.note } : {}),
    comments: work.comments,
    suggestions: work.suggestions,
  });
  if (!reply.success) throw new AppError('review:errors.replyInvalid', describeIssues(reply.error));
  return reply.data;
}
