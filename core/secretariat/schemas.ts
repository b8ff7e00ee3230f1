import { z } from 'zod';
import { FINGERPRINT_PATTERN } from '../keys/fingerprint';
import { IsoDateSchema } from '../draft/answers';
import { KEY_ROLES } from '../bundle/registry';

/** Version of every workspace file this code writes; a newer one is refused, never half-read. */
export const WORKSPACE_SCHEMA_VERSION = 1;

const Iso3Schema = z.string().regex(/^[A-Z]{3}$/).describe('ISO 3166-1 alpha-3 country code.');
const FingerprintSchema = z.string().regex(FINGERPRINT_PATTERN).describe('Lowercase hex SHA-256 of the DER SPKI public key.');
const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);
const StoredNameSchema = z.string().regex(/^(submissions\/[A-Z]{3}\/[0-9a-f-]{36}|(held|rejected)\/[0-9a-f]{64})\.zip$/).describe('Path inside the workspace, with /.');
const DateTimeSchema = z.iso.datetime();

/** `workspace.json`: marks the folder as a workspace. `current` keeps the analyst's pick among conflicting revisions. */
export const WorkspaceFileSchema = z
  .object({
    format: z.literal('scsa-workspace'),
    schemaVersion: z.literal(WORKSPACE_SCHEMA_VERSION),
    createdAt: DateTimeSchema,
    current: z
      .record(z.string().regex(/^[A-Z]{3} \S{1,200}$/), StoredNameSchema)
      .optional()
      .describe('"<ISO3> <checklist id>" → the stored submission the analyst chose as current.'),
  })
  .strict();
export type WorkspaceFile = z.infer<typeof WorkspaceFileSchema>;

/** One registered key, as the workspace writes it (every field a registry for `scsa verify` accepts). */
export const RegistryEntrySchema = z
  .object({
    country: Iso3Schema,
    fingerprint: FingerprintSchema,
    publicKeyPem: z.string().max(1000),
    name: z.string().max(300),
    role: z.enum(KEY_ROLES),
    validFrom: IsoDateSchema.optional().describe('First day the key counts; absent: no lower bound.'),
    validTo: IsoDateSchema.optional().describe('Last day the key counts (inclusive), e.g. the day of its replacement.'),
    revokedAt: IsoDateSchema.optional().describe('From this day on the key no longer counts.'),
    note: z.string().max(2000).optional(),
  })
  .strict();
export type RegistryEntry = z.infer<typeof RegistryEntrySchema>;

/** `registry.json`. */
export const RegistryFileSchema = z
  .object({ format: z.literal('scsa-registry'), schemaVersion: z.literal(WORKSPACE_SCHEMA_VERSION), keys: z.array(RegistryEntrySchema).max(100_000) })
  .strict();
export type RegistryFile = z.infer<typeof RegistryFileSchema>;

/** One line of `registry-log.jsonl`: what changed, when, and the entries as they became. */
export const RegistryLogLineSchema = z
  .object({
    at: DateTimeSchema,
    action: z.enum(['add', 'revoke', 'replace']),
    fingerprint: FingerprintSchema,
    entries: z.array(RegistryEntrySchema).max(1000).describe('The entries added or changed, after the change.'),
    date: IsoDateSchema.optional().describe('The revocation date, or the replacement statement day.'),
    replacedBy: FingerprintSchema.optional(),
  })
  .strict();
export type RegistryLogLine = z.infer<typeof RegistryLogLineSchema>;

/** Why: an i18next key (`bundle:verify.*`, `secretariat:reasons.*`) and its values. */
export const ReasonSchema = z.object({ code: z.string().max(200), params: z.record(z.string(), z.union([z.string().max(2000), z.number()])) }).strict();
export type Reason = z.infer<typeof ReasonSchema>;

/** A signer of a bundle and what the registry says of it for the bundle's country and date. */
export const SignerSchema = z.object({ fingerprint: FingerprintSchema, role: z.enum(KEY_ROLES).nullable(), name: z.string().max(300).optional() }).strict();
export type Signer = z.infer<typeof SignerSchema>;

/** What the workspace knows of a valid bundle, read from its bag-info.txt and tag manifest. */
export const BundleFactsSchema = z
  .object({
    country: Iso3Schema,
    checklistId: z.string().min(1).max(200),
    checklistVersion: z.string().min(1).max(100),
    submissionRevision: z.number().int().positive(),
    externalIdentifier: z.string().min(1).max(200),
    responseLanguage: z.string().min(1).max(20),
    baggingDate: IsoDateSchema,
    tagManifestSha256: Sha256Schema,
    fingerprints: z.array(FingerprintSchema).min(1).max(100),
  })
  .strict();
export type BundleFacts = z.infer<typeof BundleFactsSchema>;

const FileStatSchema = z.object({ file: StoredNameSchema, size: z.number().int().nonnegative(), mtimeMs: z.number().nonnegative() });

export const StoredSubmissionSchema = FileStatSchema.extend(BundleFactsSchema.shape).strict();
export type StoredSubmission = z.infer<typeof StoredSubmissionSchema>;

export const HeldEntrySchema = FileStatSchema.extend({ sha256: Sha256Schema, facts: BundleFactsSchema, receivedAt: DateTimeSchema.optional(), source: z.string().max(4096).optional() }).strict();
export type HeldEntry = z.infer<typeof HeldEntrySchema>;

export const RejectedEntrySchema = z
  .object({ file: StoredNameSchema.nullable(), sha256: Sha256Schema, size: z.number().int().nonnegative(), reason: ReasonSchema, receivedAt: DateTimeSchema.optional() })
  .strict();
export type RejectedEntry = z.infer<typeof RejectedEntrySchema>;

/** `index.json`: derived from the folders, rebuilt when missing, stale or damaged. */
export const IndexFileSchema = z
  .object({
    format: z.literal('scsa-workspace-index'),
    schemaVersion: z.literal(WORKSPACE_SCHEMA_VERSION),
    builtAt: DateTimeSchema,
    submissions: z.array(StoredSubmissionSchema).max(100_000),
    held: z.array(HeldEntrySchema).max(100_000),
    rejected: z.array(RejectedEntrySchema).max(100_000),
  })
  .strict();
export type IndexFile = z.infer<typeof IndexFileSchema>;

/** `held/<sha256>.json` and `rejected/<sha256>.json`: what was decided when the file arrived. */
export const ReceivedSidecarSchema = z
  .object({
    format: z.literal('scsa-received'),
    schemaVersion: z.literal(WORKSPACE_SCHEMA_VERSION),
    decision: z.enum(['held', 'rejected']),
    sha256: Sha256Schema,
    size: z.number().int().nonnegative(),
    receivedAt: DateTimeSchema,
    source: z.string().max(4096).describe('Where the file was imported from.'),
    kept: z.boolean().describe('False when the file was too large to keep a copy.'),
    reason: ReasonSchema,
    facts: BundleFactsSchema.optional(),
  })
  .strict();
export type ReceivedSidecar = z.infer<typeof ReceivedSidecarSchema>;

export const DECISIONS = ['imported', 'supersedes', 'duplicate', 'countersigned', 'held', 'rejected', 'conflict'] as const;
export type DecisionKind = (typeof DECISIONS)[number];

/** One line of `import-log.jsonl`: one decision on one file. */
export const ImportLogLineSchema = z
  .object({
    at: DateTimeSchema,
    path: z.string().max(4096),
    decision: z.enum(DECISIONS),
    reason: ReasonSchema.optional(),
    sha256: Sha256Schema.optional(),
    file: StoredNameSchema.optional().describe('Where the bundle is kept in the workspace.'),
    facts: BundleFactsSchema.optional(),
    signers: z.array(SignerSchema).max(100).optional(),
    replaced: FileStatSchema.extend({ fingerprints: z.array(FingerprintSchema).max(100) }).strict().optional().describe('The stored file a countersigned bundle replaced.'),
    other: StoredNameSchema.optional().describe('The stored submission this one supersedes, duplicates or conflicts with.'),
  })
  .strict();
export type ImportLogLine = z.infer<typeof ImportLogLineSchema>;
