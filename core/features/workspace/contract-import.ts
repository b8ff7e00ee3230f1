/**
 * Importing bundles into the open workspace, as a job. The desktop names files and folders on disk
 * (from its own dialog or dropped files: read in place, never copied through the page); the web host
 * uploads each chosen file into a batch first (`stageImportFile`), then imports the batch.
 */
import { z } from 'zod';
import { DownloadTicketSchema, type MethodSpec, type UploadSpec } from '../../api/common';
import { AssessmentMetaSchema } from '../../draft/schema';
import { RetiredAnswerSchema } from '../../draft/retired';
import { JobStartedSchema } from '../jobs/contract';
import { PassphraseSchema } from '../keys/contract';
import { DecisionViewSchema, SignerViewSchema } from './contract-registry';

export const BatchIdSchema = z.uuid();
/** A stored name inside the workspace (`submissions/FRA/<uuid>.zip`, `held/<sha256>.zip`). */
export const StoredFileSchema = z.string().regex(/^(submissions\/[A-Z]{3}\/[0-9a-f-]{36}|(held|rejected)\/[0-9a-f]{64})\.zip$/);
/** Most paths one import names (each may be a folder of many bundles). */
export const MAX_IMPORT_PATHS = 1000;
/** Most files one web batch holds. */
export const MAX_BATCH_FILES = 2000;

export const ImportRequestSchema = z
  .object({
    paths: z.array(z.string().min(1).max(4096)).max(MAX_IMPORT_PATHS).optional(),
    batchId: BatchIdSchema.optional(),
    dryRun: z.boolean(),
  })
  .strict();
export type ImportRequest = z.infer<typeof ImportRequestSchema>;

/** An import job's result: one decision per file, in order, and the files left aside for not being `.zip`. */
export const WorkspaceImportJobResultSchema = z.object({
  kind: z.literal('workspace-import'),
  dryRun: z.boolean(),
  decisions: z.array(DecisionViewSchema).max(50_000),
  skipped: z.number().int().nonnegative(),
});
export type WorkspaceImportResult = z.infer<typeof WorkspaceImportJobResultSchema>;

/** One stored revision of a country's submission. */
export const RevisionViewSchema = z.object({
  file: StoredFileSchema,
  submissionRevision: z.number().int(),
  baggingDate: z.string(),
  responseLanguage: z.string(),
  checklistVersion: z.string(),
  externalIdentifier: z.string(),
  signers: z.array(SignerViewSchema),
});
export type RevisionView = z.infer<typeof RevisionViewSchema>;

/** A country's submissions on one checklist. `consent` is the current revision's answer to A.6 (null: none given). */
export const SeriesViewSchema = z.object({
  key: z.string(),
  country: z.string(),
  checklistId: z.string(),
  currentFile: StoredFileSchema,
  conflict: z.boolean(),
  consent: z.enum(['full', 'summary_only', 'not_public']).nullable(),
  revisions: z.array(RevisionViewSchema),
});
export type SeriesView = z.infer<typeof SeriesViewSchema>;

export const SubmissionListSchema = z.object({
  series: z.array(SeriesViewSchema),
  held: z.array(DecisionViewSchema),
  rejected: z.array(z.object({ sha256: z.string(), reason: z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }), receivedAt: z.string().optional() })),
});
export type SubmissionList = z.infer<typeof SubmissionListSchema>;

/** A stored submission to read: what the bundle says, its signers, its attachments. Answers as written. */
export const StoredSubmissionViewSchema = z.object({
  file: StoredFileSchema,
  signers: z.array(SignerViewSchema),
  hasPdf: z.boolean(),
  submission: z.object({
    externalIdentifier: z.string(),
    submissionRevision: z.number().int(),
    baggingDate: z.string(),
    exportedAt: z.string(),
    software: z.string(),
    assessment: AssessmentMetaSchema,
    checklist: z.object({ id: z.string(), version: z.string() }),
    answers: z.record(z.string(), z.unknown()),
    attachments: z.array(z.object({ sha256: z.string(), name: z.string(), size: z.number(), mediaType: z.string() })),
    /** Answers to questions no longer in the checklist (with the old version's words, when the draft kept them). */
    retiredAnswers: z.array(RetiredAnswerSchema).optional(),
  }),
});
export type StoredSubmissionView = z.infer<typeof StoredSubmissionViewSchema>;

export const StoredPartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pdf') }),
  z.object({ kind: z.literal('bundle') }),
  z.object({ kind: z.literal('attachment'), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
]);

/** The result of a countersign job: the new file (kept for download) and every signer with its registered role. */
export const CountersignJobResultSchema = z.object({
  kind: z.literal('countersign'),
  id: z.uuid(),
  fileName: z.string(),
  signers: z.array(SignerViewSchema),
  /** Whether roles come from the open workspace's registry (false: no workspace open). */
  registryUsed: z.boolean(),
});
export type CountersignResultView = z.infer<typeof CountersignJobResultSchema>;

export const importContract = {
  /** Start importing (or a dry run of) files and folders on disk, or a staged web batch, as a job. */
  startWorkspaceImport: { channel: 'workspace:import', input: z.tuple([ImportRequestSchema]), output: JobStartedSchema },
  /** Drop a staged web batch that will not be imported. */
  discardImportBatch: { channel: 'workspace:discard-batch', input: z.tuple([BatchIdSchema]), output: z.null() },
  /** Make one of conflicting submissions (same revision) the current one of its country. */
  chooseCurrentSubmission: { channel: 'workspace:choose-current', input: z.tuple([StoredFileSchema]), output: z.null() },
  /** The countries' submissions (by country code: a screen sorts by name), held and rejected files. */
  listWorkspaceSubmissions: { channel: 'workspace:submissions', input: z.tuple([]), output: SubmissionListSchema },
  /** Read one stored submission. */
  readWorkspaceSubmission: { channel: 'workspace:read-submission', input: z.tuple([StoredFileSchema]), output: StoredSubmissionViewSchema },
  /** A one-use download of a stored bundle's signed PDF, one of its attachments, or the bundle itself. */
  downloadWorkspaceFile: { channel: 'workspace:download', input: z.tuple([StoredFileSchema, StoredPartSchema]), output: DownloadTicketSchema },
  /** A one-use download of a bundle countersigned in this session. */
  downloadCountersigned: { channel: 'workspace:countersigned-download', input: z.tuple([z.uuid()]), output: DownloadTicketSchema },
} as const satisfies Record<string, MethodSpec>;

/** As submissions' MAX_BUNDLE_UPLOAD_BYTES: no bundle the verifier accepts is larger. */
const MAX_BUNDLE_BYTES = 4 * 1024 ** 3 + 64 * 1024 * 1024;

export const importUploads = {
  /** Web host: add one chosen file to an import batch (kept until the batch is imported or dropped). */
  stageImportFile: {
    channel: 'workspace:stage-file',
    params: z.tuple([BatchIdSchema]),
    output: z.object({ name: z.string() }),
    maxBytes: MAX_BUNDLE_BYTES,
    maxParamsBytes: 128,
    needsFile: true,
    errors: { notAFile: 'bundle:errors.notAFile', tooLarge: 'bundle:errors.uploadTooLarge' },
  },
  /** Countersign the chosen bundle with this computer's signing key, as a job. */
  countersignBundleFile: {
    channel: 'workspace:countersign',
    params: z.tuple([PassphraseSchema]),
    output: JobStartedSchema,
    maxBytes: MAX_BUNDLE_BYTES,
    maxParamsBytes: 4096,
    needsFile: true,
    errors: { notAFile: 'bundle:errors.notAFile', tooLarge: 'bundle:errors.uploadTooLarge' },
  },
} as const satisfies Record<string, UploadSpec>;
