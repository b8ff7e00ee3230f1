/**
 * Bringing reviews back into the draft (the focal point's side of "Internal review by ministries"):
 * the reviews sent and their record, importing replies, the merge view, accepting, rejecting and
 * resolving, and reading any two versions to compare them. The engine is core/review.
 */
import { z } from 'zod';
import type { MethodSpec, UploadSpec } from '../../api/common';
import { ITEM_ID_PATTERN, ITEM_TYPES } from '../../checklist/vocabulary';
import { AssessmentIdSchema, AttachmentRefSchema } from '../../draft/schema';
import { REVIEW_LIMITS, ReviewBaseSchema, ReviewerSchema, ReviewIdSchema, ReviewScopeSchema, VERDICTS } from '../../review/schema';
import { OpenedAssessmentSchema } from '../assessments/contract';

const At = z.string();
/** An answer in its item's shape; absent when the item had none (zod's unknown is otherwise a required key). */
const Answer = z.unknown().optional();
const VerdictSchema = z.enum(VERDICTS);
const ItemIdSchema = z.string().regex(ITEM_ID_PATTERN);
/** A suggestion's or a comment's id inside its reply. */
const NoteIdSchema = z.string().min(1).max(100);

/** One review copy sent, as the assessment lists it: to whom, from which revision, and where it stands. */
export const ReviewSummarySchema = z.object({
  reviewId: ReviewIdSchema,
  to: z.object({ institution: z.string(), name: z.string().optional() }),
  sentAt: At,
  baseRevision: z.number().int().nonnegative(),
  scope: ReviewScopeSchema,
  dueDate: z.string().optional(),
  state: z.enum(['awaiting', 'returned', 'closed']),
  /** The reply in force (the last version imported). */
  reply: z.object({ reviewer: ReviewerSchema, returnedAt: At, verdict: VerdictSchema, importedAt: At }).optional(),
  /** Comments not resolved and suggestions not decided in that reply. */
  open: z.number().int().nonnegative(),
});
export type ReviewSummary = z.infer<typeof ReviewSummarySchema>;

/** Who was consulted, when, and their verdict (the same entries the bundle carries). */
export const ConsultationInfoSchema = z.object({
  institution: z.string(),
  name: z.string().optional(),
  reviewId: ReviewIdSchema,
  sentAt: At.optional(),
  returnedAt: At,
  verdict: VerdictSchema,
});

export const ReviewsOverviewSchema = z.object({
  reviews: z.array(ReviewSummarySchema),
  consultations: z.array(ConsultationInfoSchema),
  /** Items with a comment not resolved or a suggestion not decided, over every open review. */
  openItems: z.array(ItemIdSchema),
  /** The record of reviews was damaged and set aside under this name (an empty record is used). */
  setAside: z.string().optional(),
});
export type ReviewsOverview = z.infer<typeof ReviewsOverviewSchema>;

/** What importing one reply did. */
export const ReplyImportedSchema = z.object({
  reviewId: ReviewIdSchema,
  institution: z.string(),
  /** An earlier version of this reply was imported before; this one replaces it. */
  supersedes: z.boolean(),
  comments: z.number().int().nonnegative(),
  suggestions: z.number().int().nonnegative(),
});
export type ReplyImported = z.infer<typeof ReplyImportedSchema>;

const DecisionSchema = z.object({ decision: z.enum(['accepted', 'rejected']), at: At });
const ConflictPartSchema = z.object({ where: z.record(z.string(), z.unknown()), base: Answer, yours: Answer, theirs: Answer });

export const MergeSuggestionSchema = z.object({
  reviewId: ReviewIdSchema,
  institution: z.string(),
  reviewer: z.string(),
  id: NoteIdSchema,
  note: z.string().optional(),
  at: At,
  base: Answer,
  theirs: Answer,
  status: z.enum(['clean', 'merges', 'conflict', 'same', 'unchanged']),
  merged: Answer,
  conflicts: z.array(ConflictPartSchema),
  competing: z.boolean(),
  decision: DecisionSchema.optional(),
});
export type MergeSuggestion = z.infer<typeof MergeSuggestionSchema>;

export const MergeCommentSchema = z.object({
  reviewId: ReviewIdSchema,
  institution: z.string(),
  reviewer: z.string(),
  id: NoteIdSchema,
  field: z.string().optional(),
  text: z.string(),
  at: At,
  resolved: z.object({ at: At, answer: z.string().optional() }).optional(),
});
export type MergeComment = z.infer<typeof MergeCommentSchema>;

export const MergeItemSchema = z.object({
  itemId: ItemIdSchema,
  sectionId: z.string(),
  type: z.enum(ITEM_TYPES),
  comments: z.array(MergeCommentSchema),
  suggestions: z.array(MergeSuggestionSchema),
  /** A comment not resolved or a suggestion not decided. */
  open: z.boolean(),
});
export type MergeItem = z.infer<typeof MergeItemSchema>;

/** Every reply in force, combined per item against the draft as saved now. */
export const MergeViewInfoSchema = z.object({
  replies: z.array(
    z.object({ reviewId: ReviewIdSchema, reviewer: ReviewerSchema, verdict: VerdictSchema, note: z.string().optional(), returnedAt: At, base: ReviewBaseSchema, comments: z.number(), suggestions: z.number() }),
  ),
  items: z.array(MergeItemSchema),
  /** The draft's revision the statuses were computed against. */
  revision: z.number().int().nonnegative(),
});
export type MergeViewInfo = z.infer<typeof MergeViewInfoSchema>;

/** At most this many items in one page of the merge view (the screen asks for ten at a time). */
export const MERGE_PAGE_MAX = 500;

/** Which page of the merge view: from `offset` (in checklist order), at most `limit` items. */
export const MergePageQuerySchema = z
  .object({
    /** Only items with a comment not resolved or a suggestion not decided. */
    openOnly: z.boolean(),
    offset: z.number().int().nonnegative().max(100_000),
    limit: z.number().int().min(1).max(MERGE_PAGE_MAX),
  })
  .strict();
export type MergePageQuery = z.infer<typeof MergePageQuerySchema>;

/** A page of the merge view, with the counts of the whole list. */
export const MergePageSchema = MergeViewInfoSchema.extend({
  offset: z.number().int().nonnegative(),
  /** Items in the list asked for (every item with a comment or a suggestion, or only the open ones). */
  total: z.number().int().nonnegative(),
  counts: z.object({
    /** Items with a comment or a suggestion. */
    items: z.number().int().nonnegative(),
    /** Of those, items with a comment not resolved or a suggestion not decided. */
    open: z.number().int().nonnegative(),
    /** Suggestions not decided that apply cleanly (what "accept all that apply cleanly" would accept). */
    cleanLeft: z.number().int().nonnegative(),
  }),
});
export type MergePage = z.infer<typeof MergePageSchema>;

export const SuggestionRefSchema = z.object({ reviewId: ReviewIdSchema, suggestionId: NoteIdSchema }).strict();
export type SuggestionRef = z.infer<typeof SuggestionRefSchema>;

/** A version of the draft to compare: a saved revision, or the draft as it is now. */
export const VersionRefSchema = z.union([z.literal('current'), z.number().int().nonnegative()]);
export type VersionRef = z.infer<typeof VersionRefSchema>;

export const DraftVersionSchema = z.object({
  revision: z.number().int().nonnegative(),
  savedAt: At,
  answers: z.record(z.string(), Answer),
  attachments: z.array(AttachmentRefSchema),
});
export type DraftVersion = z.infer<typeof DraftVersionSchema>;

export const reviewMergeContract = {
  /** The reviews sent from this assessment, the consultations they record and the items still open. */
  getReviews: { channel: 'review-merge:reviews', input: z.tuple([AssessmentIdSchema]), output: ReviewsOverviewSchema },
  /** The replies imported, combined per item against the draft as saved. */
  getMergeView: { channel: 'review-merge:view', input: z.tuple([AssessmentIdSchema]), output: MergeViewInfoSchema },
  /**
   * Accept a suggestion (an ordinary save whose change-log entry names the review and institution).
   * `edited`: the answer the focal point settled on (edit-then-accept; required on a conflict).
   */
  acceptSuggestion: {
    channel: 'review-merge:accept',
    input: z.tuple([AssessmentIdSchema, SuggestionRefSchema, z.json().optional()]),
    output: OpenedAssessmentSchema,
  },
  rejectSuggestion: { channel: 'review-merge:reject', input: z.tuple([AssessmentIdSchema, SuggestionRefSchema]), output: z.null() },
  /** Accept every suggestion not yet decided that applies cleanly; answers how many, and the draft. */
  acceptAllClean: {
    channel: 'review-merge:accept-clean',
    input: z.tuple([AssessmentIdSchema]),
    output: z.object({ accepted: z.number().int().nonnegative(), opened: OpenedAssessmentSchema }),
  },
  resolveComment: {
    channel: 'review-merge:resolve',
    input: z.tuple([AssessmentIdSchema, z.object({ reviewId: ReviewIdSchema, commentId: NoteIdSchema }).strict(), z.string().max(REVIEW_LIMITS.text).optional()]),
    output: z.null(),
  },
  /** Close a review: its suggestions and comments leave the open list and its base may be pruned again. */
  closeReview: { channel: 'review-merge:close', input: z.tuple([AssessmentIdSchema, ReviewIdSchema]), output: z.null() },
  /** The answers of one version, to compare two of them (core/diff runs in the page). */
  readVersion: { channel: 'review-merge:read-version', input: z.tuple([AssessmentIdSchema, VersionRefSchema]), output: DraftVersionSchema },
  /** One page of the merge view and the counts of the whole list: what the merge screen shows. */
  getMergePage: { channel: 'review-merge:page', input: z.tuple([AssessmentIdSchema, MergePageQuerySchema]), output: MergePageSchema },
} as const satisfies Record<string, MethodSpec>;

export const reviewMergeUploads = {
  /** Import one reply file (`*.scsa-reply.json`) into an open assessment. */
  importReply: {
    channel: 'review-merge:import-reply',
    params: z.tuple([AssessmentIdSchema]),
    output: ReplyImportedSchema,
    maxBytes: REVIEW_LIMITS.replyBytes,
    maxParamsBytes: 1024,
    // Kept whole before the core reads it (a reply is at most 5 MB): a larger file is then refused by
    // the transport with its name, rather than cut off in the middle of the core's reading.
    needsFile: true,
    errors: { notAFile: 'merge:errors.replyNotAFile', tooLarge: 'merge:errors.replyFileTooLarge' },
  },
} as const satisfies Record<string, UploadSpec>;
