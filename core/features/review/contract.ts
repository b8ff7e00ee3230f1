/**
 * Internal review, the sending side and the reviewer's side (docs/formats/review.md). The focal
 * point sends review copies of an assessment and sees them listed; a reviewer opens a copy (an
 * upload), comments and suggests, and returns a reply (a download). Merging replies is the
 * `review-merge` feature.
 */
import { z } from 'zod';
import { DownloadTicketSchema, type MethodSpec, type UploadSpec } from '../../api/common';
import { IsoDateSchema, Sha256Schema } from '../../draft/answers';
import { AssessmentIdSchema } from '../../draft/schema';
import { REVIEW_LIMITS, ReviewBaseSchema, ReviewIdSchema, ReviewRequestSchema, ReviewScopeSchema, VERDICTS } from '../../review/schema';
import { ReviewWorkSchema } from '../../review/work';

/** What the focal point fills in the "Send for review" dialog. */
export const SendForReviewSchema = z
  .object({
    institution: z.string().trim().min(1).max(300),
    name: z.string().trim().max(200).optional(),
    scope: ReviewScopeSchema,
    dueDate: IsoDateSchema.optional(),
    message: z.string().max(REVIEW_LIMITS.text).optional(),
    withAttachments: z.boolean(),
  })
  .strict();
export type SendForReviewInput = z.infer<typeof SendForReviewSchema>;

/** One review copy sent, as the assessment lists it. */
export const SentReviewSchema = z.object({
  reviewId: ReviewIdSchema,
  to: z.object({ institution: z.string(), name: z.string().optional() }),
  sentAt: z.string(),
  baseRevision: z.number().int().nonnegative(),
  scope: ReviewScopeSchema,
  dueDate: z.string().optional(),
  /** `awaiting` until a reply is imported, then `returned`, then `closed`. */
  state: z.enum(['awaiting', 'returned', 'closed']),
  /** The reply in force, once one is imported. */
  reply: z.object({ verdict: z.enum(VERDICTS), returnedAt: z.string(), name: z.string() }).optional(),
  /** Whether the copy written for it is still kept, so it can be downloaded again. */
  copyKept: z.boolean(),
});
export type SentReview = z.infer<typeof SentReviewSchema>;

export const SentForReviewSchema = z.object({ review: SentReviewSchema, copy: DownloadTicketSchema });
export type SentForReview = z.infer<typeof SentForReviewSchema>;

/** A review copy opened on this computer, with the reviewer's work on it. */
export const ReviewerSessionSchema = z.object({
  request: ReviewRequestSchema,
  work: ReviewWorkSchema,
  /** The attached files the copy carries (the focal point may have sent only their list). */
  carried: z.array(Sha256Schema),
  /** Replies already written from this work, oldest first. */
  returns: z.array(z.object({ at: z.string(), fileName: z.string() })),
  /** The copy was opened here before: the work goes on from where it was. */
  resumed: z.boolean(),
});
export type ReviewerSession = z.infer<typeof ReviewerSessionSchema>;

/** One review on this computer, for the home screen's "Reviews in progress". */
export const ReviewerEntrySchema = z.object({
  reviewId: ReviewIdSchema,
  from: z.object({ name: z.string(), institution: z.string() }),
  to: z.object({ institution: z.string(), name: z.string().optional() }),
  countryCode: z.string(),
  base: ReviewBaseSchema,
  dueDate: z.string().optional(),
  openedAt: z.string(),
  updatedAt: z.string(),
  comments: z.number().int().nonnegative(),
  suggestions: z.number().int().nonnegative(),
  lastReturnedAt: z.string().optional(),
});
export type ReviewerEntry = z.infer<typeof ReviewerEntrySchema>;

export const ReviewerReturnSchema = z.object({ reply: DownloadTicketSchema, returnedAt: z.string() });

export const reviewContract = {
  /** The review copies sent for an assessment, oldest first, with their state. */
  listSentReviews: { channel: 'review-send:list', input: z.tuple([AssessmentIdSchema]), output: z.array(SentReviewSchema) },
  /**
   * Make a review copy of the assessment as saved (its base revision), keep that revision for the
   * merge, record the review, and hand the copy out as a one-use download.
   */
  sendForReview: { channel: 'review-send:send', input: z.tuple([AssessmentIdSchema, SendForReviewSchema]), output: SentForReviewSchema },
  /** The copy of a review already sent, once more (a lost e-mail). */
  downloadReviewCopy: { channel: 'review-send:download', input: z.tuple([AssessmentIdSchema, ReviewIdSchema]), output: DownloadTicketSchema },
  /** The reviews opened on this computer, the latest work first. */
  listReviewerWork: { channel: 'reviewer:list', input: z.tuple([]), output: z.array(ReviewerEntrySchema) },
  /** Resume a review opened before. */
  openReviewerWork: { channel: 'reviewer:open', input: z.tuple([ReviewIdSchema]), output: ReviewerSessionSchema },
  /** Autosave the reviewer's work (checked against the copy: items, answers, files). */
  saveReviewerWork: { channel: 'reviewer:save', input: z.tuple([ReviewIdSchema, ReviewWorkSchema]), output: z.object({ updatedAt: z.string() }) },
  /** Write the reply (`*.scsa-reply.json`) from the work as saved; can be done again at any time. */
  returnReview: { channel: 'reviewer:return', input: z.tuple([ReviewIdSchema]), output: ReviewerReturnSchema },
} as const satisfies Record<string, MethodSpec>;

/** Largest review copy a transport passes on: the draft (64 MB at most) and its attached files. */
export const MAX_REVIEW_COPY_UPLOAD_BYTES = 2 * 1024 ** 3;

export const reviewUploads = {
  /** "Open a review copy": checked whole (safe zip, request, content hash), kept in the data folder, work started or resumed. */
  openReviewCopy: {
    channel: 'reviewer:open-copy',
    params: z.tuple([]),
    output: ReviewerSessionSchema,
    maxBytes: MAX_REVIEW_COPY_UPLOAD_BYTES,
    maxParamsBytes: 64,
    needsFile: true,
    errors: { notAFile: 'review:errors.copyNotAFile', tooLarge: 'review:errors.copyUploadTooLarge' },
  },
} as const satisfies Record<string, UploadSpec>;
