/**
 * The two files of internal review (docs/formats/review.md): the review copy's
 * `review-request.json`, and the reply (`*.scsa-reply.json`) a reviewing ministry sends back.
 * Both are checked with these schemas, within the limits below, before anything else reads them.
 */
import { z } from 'zod';
import { ITEM_ID_PATTERN, KEY_PATTERN } from '../checklist/vocabulary';
import { IsoDateSchema, Sha256Schema } from '../draft/answers';
import { AssessmentIdSchema, DraftSchema } from '../draft/schema';

export const REVIEW_REQUEST_FORMAT = 'scsa-review-request';
export const REVIEW_REPLY_FORMAT = 'scsa-review-reply';
/** Versions of the two formats this code writes and reads. */
export const REVIEW_REQUEST_SCHEMA_VERSION = 1;
export const REVIEW_REPLY_SCHEMA_VERSION = 1;

/** Limits on what a review file may hold: a reply is meant to travel by e-mail. */
export const REVIEW_LIMITS = {
  /** Largest reply file read. */
  replyBytes: 5 * 1024 * 1024,
  /** Largest `review-request.json` read from a review copy (the size of a portable draft). */
  requestBytes: 64 * 1024 * 1024,
  /** Deepest nesting of arrays and objects in either file (an answer nests four levels at most). */
  depth: 32,
  comments: 5000,
  suggestions: 2000,
  /** Characters in a comment, a note or the message. */
  text: 20_000,
  sections: 100,
  /** Replies merged at once. */
  replies: 100,
} as const;

export const VERDICTS = ['no_objection', 'comments', 'changes_requested'] as const;
export type Verdict = (typeof VERDICTS)[number];

const Text = z.string().max(REVIEW_LIMITS.text);
const NoteId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/).describe('Unique within the reply (a UUID when the app writes it).');
const ItemId = z.string().regex(ITEM_ID_PATTERN);

export const ReviewIdSchema = z.uuid().describe('Identifies one review: one copy sent to one institution.');

/** The revision a review copy was made from: the merge compares every suggestion with it. */
export const ReviewBaseSchema = z
  .object({
    draftId: AssessmentIdSchema,
    revision: z.number().int().nonnegative(),
    contentSha256: Sha256Schema.describe('SHA-256 of the canonical JSON of {assessment, checklist, answers, attachments} at that revision.'),
  })
  .strict();
export type ReviewBase = z.infer<typeof ReviewBaseSchema>;

export const ReviewScopeSchema = z
  .union([z.literal('all'), z.array(z.string().regex(KEY_PATTERN)).min(1).max(REVIEW_LIMITS.sections)])
  .describe('The sections the reviewer is asked to look at: "all", or section ids.')
  .refine((s) => s === 'all' || new Set(s).size === s.length, 'a section is named twice');
export type ReviewScope = z.infer<typeof ReviewScopeSchema>;

/** The content of the base revision, as the reviewer sees it (read-only). */
export const ReviewDraftSchema = z
  .object({
    assessment: DraftSchema.shape.assessment,
    checklist: DraftSchema.shape.checklist,
    answers: DraftSchema.shape.answers,
    attachments: DraftSchema.shape.attachments,
  })
  .strict();
export type ReviewDraft = z.infer<typeof ReviewDraftSchema>;

/** `review-request.json` inside a `*.scsa-review` copy. */
export const ReviewRequestSchema = z
  .object({
    format: z.literal(REVIEW_REQUEST_FORMAT),
    schemaVersion: z.literal(REVIEW_REQUEST_SCHEMA_VERSION),
    reviewId: ReviewIdSchema,
    createdAt: z.iso.datetime(),
    from: z.object({ name: z.string().max(200), institution: z.string().max(300) }).strict().describe('The focal point who asks.'),
    to: z.object({ institution: z.string().min(1).max(300), name: z.string().min(1).max(200).optional() }).strict(),
    message: Text.optional(),
    dueDate: IsoDateSchema.optional(),
    scope: ReviewScopeSchema,
    base: ReviewBaseSchema,
    draft: ReviewDraftSchema,
  })
  .strict();
export type ReviewRequest = z.infer<typeof ReviewRequestSchema>;

export const ReviewerSchema = z
  .object({ name: z.string().min(1).max(200), title: z.string().max(200).optional(), institution: z.string().min(1).max(300) })
  .strict();
export type Reviewer = z.infer<typeof ReviewerSchema>;

export const ReviewCommentSchema = z
  .object({
    id: NoteId,
    itemId: ItemId,
    field: z.string().regex(KEY_PATTERN).optional().describe('A part of the answer the comment is about, e.g. a UNCAC field such as "measures".'),
    text: Text.min(1),
    at: z.iso.datetime(),
  })
  .strict();
export type ReviewComment = z.infer<typeof ReviewCommentSchema>;

export const ReviewSuggestionSchema = z
  .object({
    id: NoteId,
    itemId: ItemId,
    answer: z.json().describe("A whole answer in the item's shape (docs/formats/draft.md), checked against the checklist when imported."),
    note: Text.optional(),
    at: z.iso.datetime(),
  })
  .strict();
export type ReviewSuggestion = z.infer<typeof ReviewSuggestionSchema>;

function uniqueNotes(reply: { comments: ReviewComment[]; suggestions: ReviewSuggestion[] }, ctx: z.RefinementCtx): void {
  const ids = new Set<string>();
  const items = new Set<string>();
  for (const [list, notes] of [['comments', reply.comments], ['suggestions', reply.suggestions]] as const) {
    notes.forEach((n, i) => {
      if (ids.has(n.id)) ctx.addIssue({ code: 'custom', path: [list, i, 'id'], message: `id ${n.id} is used twice` });
      ids.add(n.id);
    });
  }
  reply.suggestions.forEach((s, i) => {
    if (items.has(s.itemId)) ctx.addIssue({ code: 'custom', path: ['suggestions', i, 'itemId'], message: `two suggestions for ${s.itemId}` });
    items.add(s.itemId);
  });
}

/** `*.scsa-reply.json`: what a reviewing institution returns. */
export const ReviewReplySchema = z
  .object({
    format: z.literal(REVIEW_REPLY_FORMAT),
    schemaVersion: z.literal(REVIEW_REPLY_SCHEMA_VERSION),
    reviewId: ReviewIdSchema,
    base: ReviewBaseSchema,
    reviewer: ReviewerSchema,
    returnedAt: z.iso.datetime(),
    verdict: z.enum(VERDICTS),
    note: Text.optional(),
    comments: z.array(ReviewCommentSchema).max(REVIEW_LIMITS.comments),
    suggestions: z.array(ReviewSuggestionSchema).max(REVIEW_LIMITS.suggestions).describe('At most one per item.'),
  })
  .strict()
  .superRefine(uniqueNotes);
export type ReviewReply = z.infer<typeof ReviewReplySchema>;
