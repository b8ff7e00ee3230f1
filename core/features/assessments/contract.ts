/** Assessments and their drafts: create, open, answer, history, validation, portable copies, attachments. */
import { z } from 'zod';
import { LanguageSchema, NoticeSchema, type MethodSpec, type UploadSpec } from '../../api/common';
import { LenientLocalizedTextSchema } from '../../checklist/localized';
import { ITEM_ID_PATTERN } from '../../checklist/vocabulary';
import { AssessmentIdSchema, AssessmentMetaSchema, AttachmentRefSchema, DraftSchema } from '../../draft/schema';
import { MAX_DRAFT_BYTES } from '../../draft/limits';
import { PackRefSchema } from '../packs/contract';

const CountSchema = z.number().int().nonnegative();

/**
 * One assessment in the home list. `progress`: items answered of the items that apply (null when this
 * app does not carry its checklist); `submission`: its latest signed export, and whether the draft has
 * changed since (null: a draft never exported); `archivedAt`: set while archived; `copy`: the number
 * of a copy opened from a file beside the assessment that has its id ("keep both").
 */
export const AssessmentSummarySchema = z.object({
  id: z.string(),
  countryCode: z.string().regex(/^[A-Z]{3}$/),
  checklistId: z.string(),
  checklistVersion: z.string(),
  responseLanguage: LanguageSchema,
  revision: CountSchema,
  updatedAt: z.string(),
  progress: z.object({ answered: CountSchema, relevant: CountSchema }).nullable(),
  submission: z.object({ submissionRevision: z.number().int().positive(), exportedAt: z.string(), changed: z.boolean() }).nullable(),
  archivedAt: z.string().nullable(),
  copy: z.object({ n: z.number().int().positive(), of: z.string(), openedAt: z.string() }).nullable(),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummarySchema>;

/** An assessment's summary with its details (focal points, institutions, period), for the export screen and its letter. */
export const AssessmentOverviewSchema = z.object({ summary: AssessmentSummarySchema, assessment: AssessmentMetaSchema });
export type AssessmentOverview = z.infer<typeof AssessmentOverviewSchema>;

/** A trash entry's name, as `deleteAssessment` answers it (core/store/trash.ts TRASH_ENTRY_PATTERN). */
export const TrashEntrySchema = z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}--\d{8}T\d{6}Z(-[1-9]\d{0,3})?$/);

/**
 * What to do with a file copy whose assessment id is already taken here: `replace` saves its content
 * as a new revision of that assessment (its history keeps the answers replaced), `keepBoth` adds it
 * under a new id, numbered as a copy. Without a choice such a copy is refused (`drafts:errors.importExists`).
 */
export const ImportModeSchema = z.enum(['replace', 'keepBoth']);
export type ImportMode = z.infer<typeof ImportModeSchema>;

/** What a file copy holds, read before anything is added, and what it meets on this computer. */
export const CopyInspectionSchema = z.object({
  fileName: z.string(),
  draft: z.object({ id: z.string(), countryCode: z.string(), responseLanguage: LanguageSchema, revision: CountSchema, updatedAt: z.string() }),
  /** The assessment here with the same id, if any: `sameContent` when the copy holds exactly what it holds. */
  existing: z.object({ countryCode: z.string(), revision: CountSchema, updatedAt: z.string(), archived: z.boolean(), sameContent: z.boolean() }).nullable(),
  /** The countries of the assessments already here (the training example left out), for "this file is another country's". */
  countriesHere: z.array(z.string()),
});
export type CopyInspection = z.infer<typeof CopyInspectionSchema>;

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
  /** Read a file copy without adding it: what it holds and whether its id or its country meets one here. */
  inspectCopy: { channel: 'assessments:inspect-copy', input: z.tuple([PortableCopySchema]), output: CopyInspectionSchema },
  importCopy: { channel: 'assessments:import-copy', input: z.tuple([PortableCopySchema, ImportModeSchema.optional()]), output: OpenedAssessmentSchema },
  /** The summary and details of one assessment, read without taking its lock. */
  getAssessmentOverview: { channel: 'assessments:overview', input: z.tuple([AssessmentIdSchema]), output: AssessmentOverviewSchema },
  /** Archive an assessment (out of the main list, nothing deleted) or bring it back. */
  setAssessmentArchived: { channel: 'assessments:set-archived', input: z.tuple([AssessmentIdSchema, z.boolean()]), output: AssessmentSummarySchema },
  /** Move an assessment, with its kept bundles, to the trash folder of the data folder; answers the trash entry for an undo. */
  deleteAssessment: { channel: 'assessments:delete', input: z.tuple([AssessmentIdSchema]), output: z.object({ trashEntry: TrashEntrySchema }) },
  /** Put an assessment moved to the trash back in its place. */
  restoreDeletedAssessment: { channel: 'assessments:undelete', input: z.tuple([TrashEntrySchema]), output: AssessmentSummarySchema },
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
