import { z } from 'zod';
import { AssessmentMetaSchema, AttachmentRefSchema, AssessmentIdSchema, DraftSchema, type Draft } from '../draft/schema';
import { IsoDateSchema } from '../draft/answers';
import { MAX_ANSWER_DEPTH } from '../draft/limits';
import { MAX_RETIRED_ANSWERS, RetiredAnswerSchema } from '../draft/retired';
import { measureJson } from '../json/bounds';
import { ITEM_ID_PATTERN } from '../checklist/vocabulary';
import { VERDICTS } from '../review/schema';
import { canonicalJsonBytes } from './canonical-json';
import { attachmentBagPath } from './names';

/** Version of `data/submission.json` this code writes and reads. */
export const SUBMISSION_SCHEMA_VERSION = 1;

export const SubmissionAttachmentSchema = AttachmentRefSchema.extend({
  /** Where the file is in the bag, e.g. `data/attachments/<sha256>-report.docx`. */
  path: z.string().regex(/^data\/attachments\/[0-9a-f]{64}-[^/\\]+$/),
}).strict();

/** One institution consulted on the draft before it was submitted (internal review, docs/formats/review.md). */
export const ConsultationSchema = z
  .object({
    institution: z.string().min(1).max(300),
    name: z.string().min(1).max(200).optional().describe('The person who answered for the institution.'),
    reviewId: z.uuid(),
    sentAt: z.iso.datetime().optional().describe('When the review copy was made.'),
    returnedAt: z.iso.datetime(),
    verdict: z.enum(VERDICTS),
  })
  .strict();
export type Consultation = z.infer<typeof ConsultationSchema>;

/**
 * `data/submission.json`: the answers and their metadata, as canonical JSON (see canonical-json.ts).
 * Everything bag-info.txt says about the submission is repeated here, and verify checks they agree.
 */
export const SubmissionSchema = z
  .object({
    format: z.literal('scsa-submission'),
    schemaVersion: z.literal(SUBMISSION_SCHEMA_VERSION),
    externalIdentifier: z.string().regex(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
    submissionRevision: z.number().int().positive(),
    baggingDate: IsoDateSchema,
    exportedAt: z.iso.datetime(),
    software: z.string().min(1).max(200),
    draft: z
      .object({ id: AssessmentIdSchema, revision: z.number().int().nonnegative(), createdAt: z.iso.datetime(), updatedAt: z.iso.datetime() })
      .strict(),
    assessment: AssessmentMetaSchema,
    checklist: z.object({ id: z.string().min(1), version: z.string().min(1) }).strict(),
    // The draft's own answers schema: bounded in depth and size before anything recursive runs.
    answers: DraftSchema.shape.answers,
    attachments: z.array(SubmissionAttachmentSchema),
    consultations: z.array(ConsultationSchema).max(1000).optional().describe('Who was consulted before submitting, and their verdict. Optional: bundles without it stay valid.'),
    retiredAnswers: z
      .array(RetiredAnswerSchema)
      .max(MAX_RETIRED_ANSWERS)
      .optional()
      .describe('Answers to questions no longer in the checklist, kept when the draft moved to a new checklist version (as in the draft). Optional: bundles without it stay valid.'),
  })
  .strict();
export type Submission = z.infer<typeof SubmissionSchema>;

/**
 * Deepest nesting of a submission.json: an answer (MAX_ANSWER_DEPTH) sits three levels down in
 * `retiredAnswers`, and a draft that loads is bounded the same way (core/draft/limits.ts).
 */
export const MAX_SUBMISSION_DEPTH = MAX_ANSWER_DEPTH + 4;

export type SubmissionCheck = { ok: true; submission: Submission } | { ok: false; problem: string };

/**
 * A parsed submission.json from outside (a bundle being verified, or one stored in a workspace):
 * its depth is measured without recursion first, since a kept answer is any JSON value and zod walks
 * it recursively; then the schema. `problem` names the first issue as `path: message`.
 */
export function checkSubmission(raw: unknown): SubmissionCheck {
  const m = measureJson(raw, { maxDepth: MAX_SUBMISSION_DEPTH });
  if (!m.ok) return { ok: false, problem: m.problem === 'depth' ? `(root): nested more than ${MAX_SUBMISSION_DEPTH} levels deep` : '(root): not a JSON value' };
  const parsed = SubmissionSchema.safeParse(raw);
  if (parsed.success) return { ok: true, submission: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'schema' };
}

export interface SubmissionMeta {
  externalIdentifier: string;
  submissionRevision: number;
  exportedAt: Date;
  software: string;
  /** Institutions consulted (left out of the file when there are none). */
  consultations?: readonly Consultation[];
}

/** ISO date (UTC) of an instant: the Bagging-Date and the date in the bundle's file name. */
export function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** A draft's attachments as the submission lists them: once each, in hash order, with their place in the bag. */
export function submissionAttachments(draft: Draft): Submission['attachments'] {
  const unique = new Map(draft.attachments.map((a) => [a.sha256, a]));
  return [...unique.values()].sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1)).map((a) => ({ ...a, path: attachmentBagPath(a.sha256, a.name) }));
}

/** The submission object for a draft; attachments listed once each, in hash order. */
export function buildSubmission(draft: Draft, meta: SubmissionMeta): Submission {
  const attachments = submissionAttachments(draft);
  return SubmissionSchema.parse({
    format: 'scsa-submission',
    schemaVersion: SUBMISSION_SCHEMA_VERSION,
    externalIdentifier: meta.externalIdentifier,
    submissionRevision: meta.submissionRevision,
    baggingDate: isoDay(meta.exportedAt),
    exportedAt: meta.exportedAt.toISOString(),
    software: meta.software,
    draft: { id: draft.id, revision: draft.revision, createdAt: draft.createdAt, updatedAt: draft.updatedAt },
    assessment: draft.assessment,
    checklist: draft.checklist,
    answers: draft.answers,
    attachments,
    ...(meta.consultations?.length ? { consultations: meta.consultations } : {}),
    // Answers kept aside on a move to a new checklist version travel too: no answer is ever dropped.
    ...(draft.retiredAnswers.length ? { retiredAnswers: draft.retiredAnswers } : {}),
  });
}

/** The exact bytes of `data/submission.json`. */
export function submissionBytes(submission: Submission): Buffer {
  return canonicalJsonBytes(submission);
}
