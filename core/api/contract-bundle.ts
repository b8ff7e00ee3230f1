/**
 * The signed submission bundle's part of the API contract (re-exported by contract.ts): what an
 * export and a check report, the desktop's main-only file channel, and the core's check handler.
 * Free of Node and Electron imports, like the contract. Bundles cross the boundary as files, never
 * as bytes: see docs/formats/submission-log.md.
 */
import { z } from 'zod';

/** The shape of contract.ts ApiErrorSchema, repeated here so that the import goes one way only. */
const BundleErrorSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

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
export const BundleJobIdSchema = z.uuid();
export const BundleJobStartedSchema = z.object({ jobId: BundleJobIdSchema });
export type BundleJobStarted = z.infer<typeof BundleJobStartedSchema>;
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
  reason: BundleErrorSchema.optional(),
  bundle: z
    .object({ country: z.string(), externalIdentifier: z.string(), submissionRevision: z.number().int(), baggingDate: z.string() })
    .optional(),
});
export type BundleCheck = z.infer<typeof BundleCheckSchema>;
/** An export or a check under way or finished: progress 0..1; the export's file or the check's verdict once done. */
export const BundleJobStatusSchema = z.object({
  kind: z.enum(['export', 'check']),
  state: z.enum(['running', 'done', 'failed']),
  progress: z.number().min(0).max(1),
  submission: SubmissionFileSchema.optional(),
  check: BundleCheckSchema.optional(),
  error: BundleErrorSchema.optional(),
});
export type BundleJobStatus = z.infer<typeof BundleJobStatusSchema>;

/**
 * "Check a bundle" on the desktop: the preload maps the chosen `File` to its path and main checks
 * that file in place (absolute path, regular file, no symlink) as a bundle job.
 */
export const bundleFileChannel = {
  channel: 'bundle:check-file',
  input: z.tuple([z.object({ path: z.string().min(1).max(4096) }).strict(), z.string().max(MAX_REGISTRY_CHARS).optional()]),
  output: BundleJobStartedSchema,
} as const;

/** The core's side of `checkBundleFile`: check the bundle at `filePath` as a job; `onSettled` runs once it is over (a temp copy can go). */
export type BundleCheckFileHandler = (filePath: string, registryText: string | undefined, onSettled?: () => void) => Promise<BundleJobStarted>;
