/** Assessments and their drafts: create, open, answer, history, validation, portable copies, attachments. */
import { z } from 'zod';
import { LanguageSchema, NoticeSchema, type MethodSpec, type UploadSpec } from '../../api/common';
import { LenientLocalizedTextSchema } from '../../checklist/localized';
import { ITEM_ID_PATTERN } from '../../checklist/vocabulary';
import { AssessmentIdSchema, AssessmentMetaSchema, AttachmentRefSchema, DraftSchema } from '../../draft/schema';
import { MAX_DRAFT_BYTES } from '../../draft/limits';
import { PackRefSchema } from '../packs/contract';

export const AssessmentSummarySchema = z.object({
  id: z.string(),
  countryCode: z.string().regex(/^[A-Z]{3}$/),
  checklistId: z.string(),
  checklistVersion: z.string(),
  responseLanguage: LanguageSchema,
  revision: z.number().int().nonnegative(),
  updatedAt: z.string(),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummarySchema>;

export const OpenedAssessmentSchema = z.object({
  draft: DraftSchema,
  notices: z.array(NoticeSchema),
  readOnly: z.boolean(),
});
export type OpenedAssessment = z.infer<typeof OpenedAssessmentSchema>;

/**
 * Answers to write: item id → new value; `null` clears the answer. `dispatch` refuses a payload
 * nested beyond MAX_PAYLOAD_DEPTH before this schema runs; the handler then checks each value
 * against the draft's bounds and its item's structure, and says which item and which limit.
 */
export const AnswerChangesSchema = z.record(z.string().regex(ITEM_ID_PATTERN), z.json());
export type AnswerChanges = z.infer<typeof AnswerChangesSchema>;

/** What a save acknowledged: the revision now on disk. */
export const SaveResultSchema = z.object({ revision: z.number().int().nonnegative(), updatedAt: z.string() });
export type SaveResult = z.infer<typeof SaveResultSchema>;

/** A saved version of a draft; `submission` is set on a revision frozen by a signed export (never pruned). */
export const HistoryEntrySchema = z.object({
  revision: z.number().int().nonnegative(),
  savedAt: z.string(),
  size: z.number().int().nonnegative(),
  submission: z.object({ submissionRevision: z.number().int().positive(), externalIdentifier: z.string(), exportedAt: z.string() }).optional(),
});
export type HistoryEntryInfo = z.infer<typeof HistoryEntrySchema>;

export const DraftProblemSchema = z.object({
  itemId: z.string(),
  problem: z.enum(['required', 'constraint', 'invalid', 'unknownItem']),
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: LenientLocalizedTextSchema.optional(),
  /** Pack texts the message names (a table's column labels), shown in the reader's language. */
  labels: z.record(z.string(), LenientLocalizedTextSchema).optional(),
});
export type DraftProblemInfo = z.infer<typeof DraftProblemSchema>;

/** A portable draft (`*.scsa.json`) as text, for "save a copy as file" (a download) and "open file" (an upload). */
export const PortableCopySchema = z.object({ fileName: z.string().min(1).max(255), text: z.string().max(MAX_DRAFT_BYTES) }).strict();
export type PortableCopy = z.infer<typeof PortableCopySchema>;

export const AttachmentAddedSchema = z.object({ attachment: AttachmentRefSchema, revision: z.number().int().nonnegative() });
export type AttachmentAdded = z.infer<typeof AttachmentAddedSchema>;

export const assessmentsContract = {
  listAssessments: { channel: 'assessments:list', input: z.tuple([]), output: z.array(AssessmentSummarySchema) },
  createAssessment: {
    channel: 'assessments:create',
    input: z.tuple([AssessmentMetaSchema, PackRefSchema.optional()]),
    output: OpenedAssessmentSchema,
  },
  openAssessment: { channel: 'assessments:open', input: z.tuple([AssessmentIdSchema]), output: OpenedAssessmentSchema },
  closeAssessment: { channel: 'assessments:close', input: z.tuple([AssessmentIdSchema]), output: z.null() },
  saveAnswers: { channel: 'assessments:save-answers', input: z.tuple([AssessmentIdSchema, AnswerChangesSchema]), output: SaveResultSchema },
  updateAssessment: { channel: 'assessments:update-meta', input: z.tuple([AssessmentIdSchema, AssessmentMetaSchema]), output: SaveResultSchema },
  listHistory: { channel: 'assessments:history', input: z.tuple([AssessmentIdSchema]), output: z.array(HistoryEntrySchema) },
  restoreVersion: {
    channel: 'assessments:restore',
    input: z.tuple([AssessmentIdSchema, z.number().int().nonnegative()]),
    output: OpenedAssessmentSchema,
  },
  validateAssessment: { channel: 'assessments:validate', input: z.tuple([AssessmentIdSchema]), output: z.array(DraftProblemSchema) },
  exportCopy: { channel: 'assessments:export-copy', input: z.tuple([AssessmentIdSchema]), output: PortableCopySchema },
  importCopy: { channel: 'assessments:import-copy', input: z.tuple([PortableCopySchema]), output: OpenedAssessmentSchema },
  /** The fully answered training example (fictional country "Example", XXX), in English or Arabic. */
  openExample: { channel: 'assessments:open-example', input: z.tuple([z.enum(['en', 'ar'])]), output: OpenedAssessmentSchema },
} as const satisfies Record<string, MethodSpec>;

/** Largest attachment a transport passes on (the store's own, lower limit applies inside). */
export const MAX_ATTACHMENT_UPLOAD_BYTES = 4 * 1024 * 1024 * 1024;

export const assessmentsUploads = {
  /** Add an evidence file to an assessment: streamed into the store, hashed, listed in the draft. */
  addAttachment: {
    channel: 'attachments:add',
    params: z.tuple([AssessmentIdSchema]),
    output: AttachmentAddedSchema,
    maxBytes: MAX_ATTACHMENT_UPLOAD_BYTES,
    maxParamsBytes: 1024,
    needsFile: false,
    errors: { notAFile: 'drafts:errors.attachmentNotAFile', tooLarge: 'drafts:errors.attachmentTooLarge' },
  },
} as const satisfies Record<string, UploadSpec>;
