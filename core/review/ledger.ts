/**
 * The focal point's record of reviews (`<assessment>/reviews.json`, docs/formats/review.md): which
 * copies were sent to whom from which base, the reply versions imported, the decision on each
 * suggestion and the resolution of each comment. From it come the "sent, awaiting reply" list, the
 * items still open, the bases to keep pinned, and the `consultations` of the bundle. Pure functions
 * returning a new ledger.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import type { Consultation } from '../bundle/submission';
import { REVIEW_LIMITS, ReviewBaseSchema, ReviewerSchema, ReviewIdSchema, ReviewScopeSchema, VERDICTS, type ReviewReply, type ReviewRequest } from './schema';

export const REVIEW_LEDGER_FORMAT = 'scsa-reviews';
export const REVIEW_LEDGER_SCHEMA_VERSION = 1;

const At = z.iso.datetime();

export const LedgerReviewSchema = z
  .object({
    reviewId: ReviewIdSchema,
    to: z.object({ institution: z.string().min(1).max(300), name: z.string().min(1).max(200).optional() }).strict(),
    sentAt: At,
    base: ReviewBaseSchema,
    scope: ReviewScopeSchema,
    dueDate: z.iso.date().optional(),
    /** Reply versions imported, oldest first; the last one is the reply in force. */
    replies: z
      .array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), reviewer: ReviewerSchema, returnedAt: At, verdict: z.enum(VERDICTS), importedAt: At }).strict())
      .max(100),
    decisions: z.record(z.string(), z.object({ decision: z.enum(['accepted', 'rejected']), at: At }).strict()),
    resolved: z.record(z.string(), z.object({ at: At, answer: z.string().max(REVIEW_LIMITS.text).optional() }).strict()),
    closedAt: At.optional(),
  })
  .strict();
export type LedgerReview = z.infer<typeof LedgerReviewSchema>;

export const ReviewLedgerSchema = z
  .object({ format: z.literal(REVIEW_LEDGER_FORMAT), schemaVersion: z.literal(REVIEW_LEDGER_SCHEMA_VERSION), reviews: z.array(LedgerReviewSchema).max(1000) })
  .strict();
export type ReviewLedger = z.infer<typeof ReviewLedgerSchema>;

export type ReviewState = 'awaiting' | 'returned' | 'closed';

export function emptyLedger(): ReviewLedger {
  return { format: REVIEW_LEDGER_FORMAT, schemaVersion: REVIEW_LEDGER_SCHEMA_VERSION, reviews: [] };
}

function update(ledger: ReviewLedger, reviewId: string, change: (r: LedgerReview) => LedgerReview): ReviewLedger {
  if (!ledger.reviews.some((r) => r.reviewId === reviewId)) throw new AppError('review:errors.reviewNotFound');
  return { ...ledger, reviews: ledger.reviews.map((r) => (r.reviewId === reviewId ? change(r) : r)) };
}

/** A copy was sent: the review awaits its reply. Recording the same copy again changes nothing. */
export function recordSent(ledger: ReviewLedger, request: ReviewRequest): ReviewLedger {
  if (ledger.reviews.some((r) => r.reviewId === request.reviewId)) return ledger;
  const review: LedgerReview = {
    reviewId: request.reviewId,
    to: request.to,
    sentAt: request.createdAt,
    base: request.base,
    scope: request.scope,
    ...(request.dueDate !== undefined ? { dueDate: request.dueDate } : {}),
    replies: [],
    decisions: {},
    resolved: {},
  };
  return { ...ledger, reviews: [...ledger.reviews, review] };
}

/** A reply version was imported (admit.ts has checked it); a newer version becomes the one in force. */
export function recordReply(ledger: ReviewLedger, reply: ReviewReply, sha256: string, now: Date = new Date()): ReviewLedger {
  return update(ledger, reply.reviewId, (r) =>
    r.replies.some((v) => v.sha256 === sha256)
      ? r
      : { ...r, replies: [...r.replies, { sha256, reviewer: reply.reviewer, returnedAt: reply.returnedAt, verdict: reply.verdict, importedAt: now.toISOString() }] },
  );
}

/** The focal point accepted or rejected a suggestion. */
export function decide(ledger: ReviewLedger, reviewId: string, suggestionId: string, decision: 'accepted' | 'rejected', now: Date = new Date()): ReviewLedger {
  return update(ledger, reviewId, (r) => ({ ...r, decisions: { ...r.decisions, [suggestionId]: { decision, at: now.toISOString() } } }));
}

/** The focal point resolved a comment, with an optional answer to the reviewer. */
export function resolveComment(ledger: ReviewLedger, reviewId: string, commentId: string, answer?: string, now: Date = new Date()): ReviewLedger {
  const entry = { at: now.toISOString(), ...(answer?.trim() ? { answer: answer.trim() } : {}) };
  return update(ledger, reviewId, (r) => ({ ...r, resolved: { ...r.resolved, [commentId]: entry } }));
}

/** Close a review: its base need no longer be kept (unpin it in the store). */
export function closeReview(ledger: ReviewLedger, reviewId: string, now: Date = new Date()): ReviewLedger {
  return update(ledger, reviewId, (r) => ({ ...r, closedAt: r.closedAt ?? now.toISOString() }));
}

export function reviewState(r: LedgerReview): ReviewState {
  return r.closedAt ? 'closed' : r.replies.length > 0 ? 'returned' : 'awaiting';
}

/** What both sides of the focal point's screens say of a review sent: to whom, when, from which revision, its state. */
export function sentSummary(r: LedgerReview) {
  return {
    reviewId: r.reviewId,
    to: r.to,
    sentAt: r.sentAt,
    baseRevision: r.base.revision,
    scope: r.scope,
    ...(r.dueDate ? { dueDate: r.dueDate } : {}),
    state: reviewState(r),
  };
}

/** Item ids with a comment not yet resolved or a suggestion not yet decided, over the replies in force. */
export function openItems(ledger: ReviewLedger, replies: readonly ReviewReply[]): Set<string> {
  const open = new Set<string>();
  for (const reply of replies) {
    const r = ledger.reviews.find((x) => x.reviewId === reply.reviewId);
    if (!r || r.closedAt) continue;
    for (const c of reply.comments) if (!r.resolved[c.id]) open.add(c.itemId);
    for (const s of reply.suggestions) if (!r.decisions[s.id]) open.add(s.itemId);
  }
  return open;
}

/** Who was consulted, for the bundle: each review with a reply, its latest version. */
export function consultations(ledger: ReviewLedger): Consultation[] {
  return ledger.reviews.flatMap((r) => {
    const last = r.replies[r.replies.length - 1];
    if (!last) return [];
    return [{ institution: last.reviewer.institution, name: last.reviewer.name, reviewId: r.reviewId, sentAt: r.sentAt, returnedAt: last.returnedAt, verdict: last.verdict }];
  });
}

/** Revisions that open reviews still compare against (to keep pinned). */
export function basesInUse(ledger: ReviewLedger): Set<number> {
  return new Set(ledger.reviews.filter((r) => !r.closedAt).map((r) => r.base.revision));
}
