/**
 * Signed submission bundles: export one (a job), list the kept ones and download them, and check a
 * bundle the user chooses (an upload, then a job). Bundles cross the boundary as files, never as
 * bytes: see docs/formats/submission-log.md.
 */
import { z } from 'zod';
import { ApiErrorSchema, DownloadTicketSchema, type MethodSpec, type UploadSpec } from '../../api/common';
import { AssessmentIdSchema } from '../../draft/schema';
import { JobStartedSchema } from '../jobs/contract';
import { PassphraseSchema } from '../keys/contract';
import { ASSESSMENT_ID_PATTERN, BUNDLE_FILE_NAME_PATTERN } from './submission-paths';

export const MAX_REGISTRY_CHARS = 16 * 1024 * 1024;
/**
 * The signed bundle of one export, kept in the data folder as `submissions/<assessment id>/<fileName>`
 * (`<ISO3>_<checklist-id>_v<version>_r<revision>_<YYYY-MM-DD>.zip`); the bytes never cross the API:
 * the renderer downloads the file through `FileApi.submissionDownloadUrl`.
 */
export const SubmissionFileSchema = z.object({
  fileName: z.string().min(1).max(255),
  size: z.number().int().nonnegative(),
  submissionRevision: z.number().int().positive(),
  externalIdentifier: z.string(),
  fingerprint: z.string(),
});
export type SubmissionFile = z.infer<typeof SubmissionFileSchema>;
/** One earlier export of an assessment, from its submission log; `size` is null once the kept file is gone. */
export const KeptSubmissionSchema = z.object({
  fileName: z.string(),
  size: z.number().int().nonnegative().nullable(),
  submissionRevision: z.number().int().positive(),
  draftRevision: z.number().int().nonnegative(),
  externalIdentifier: z.string(),
  fingerprint: z.string(),
  exportedAt: z.string(),
});
export type KeptSubmission = z.infer<typeof KeptSubmissionSchema>;
/**
 * One signer of a checked bundle with its own status: its key registered for the bundle's country,
 * not registered (or no registry was given), or a signature that does not hold.
 */
export const BundleSignerSchema = z.object({
  fingerprint: z.string(),
  status: z.enum(['registered', 'unregistered', 'invalid']),
});
export type BundleSigner = z.infer<typeof BundleSignerSchema>;
/**
 * A bundle check: valid and registered / valid, key not in the registry / invalid with the first
 * reason (an i18n key). `signers`, once the verifier knows them, gives each signer's own status, so
 * co-signers are never confused; `fingerprints` lists them (or those claimed) without status.
 */
export const BundleCheckSchema = z.object({
  status: z.enum(['valid-registered', 'valid-unregistered', 'invalid']),
  fingerprints: z.array(z.string()),
  signers: z.array(BundleSignerSchema).optional(),
  reason: ApiErrorSchema.optional(),
  bundle: z
    .object({ country: z.string(), externalIdentifier: z.string(), submissionRevision: z.number().int(), baggingDate: z.string() })
    .optional(),
});
export type BundleCheck = z.infer<typeof BundleCheckSchema>;

/** The result of an export job: the bundle now kept in the data folder. */
export const ExportJobResultSchema = z.object({ kind: z.literal('export'), submission: SubmissionFileSchema });
/** The result of a check job: the verdict. */
export const CheckJobResultSchema = z.object({ kind: z.literal('check'), check: BundleCheckSchema });

export const submissionsContract = {
  /**
   * Start signing the assessment into a submission bundle, written into the data folder, as a job.
   * Refused at once with `bundle:errors.incomplete` (params name the items) while required items are
   * missing, and on a wrong passphrase; each export takes the next submission revision.
   */
  exportSubmission: { channel: 'bundle:export', input: z.tuple([AssessmentIdSchema, PassphraseSchema]), output: JobStartedSchema },
  /** The bundles exported for an assessment, oldest first, as its submission log records them. */
  listSubmissions: { channel: 'bundle:list', input: z.tuple([AssessmentIdSchema]), output: z.array(KeptSubmissionSchema) },
  /** A one-use download of a kept bundle (the transport serves it once, within a minute). */
  downloadSubmission: {
    channel: 'bundle:download',
    input: z.tuple([z.string().regex(ASSESSMENT_ID_PATTERN), z.string().regex(BUNDLE_FILE_NAME_PATTERN)]),
    output: DownloadTicketSchema,
  },
} as const satisfies Record<string, MethodSpec>;

/** Largest bundle a transport accepts for a check: none the verifier accepts is larger (4 GiB of content; its own limits apply inside). */
export const MAX_BUNDLE_UPLOAD_BYTES = 4 * 1024 ** 3 + 64 * 1024 * 1024;

export const submissionsUploads = {
  /** "Check a bundle": the chosen file (and an optional key registry, its JSON text), checked in place as a job. */
  checkBundleFile: {
    channel: 'bundle:check-file',
    params: z.tuple([z.string().max(MAX_REGISTRY_CHARS).optional()]),
    output: JobStartedSchema,
    maxBytes: MAX_BUNDLE_UPLOAD_BYTES,
    maxParamsBytes: 3 * MAX_REGISTRY_CHARS + 64,
    needsFile: true,
    errors: { notAFile: 'bundle:errors.notAFile', tooLarge: 'bundle:errors.uploadTooLarge' },
  },
} as const satisfies Record<string, UploadSpec>;
