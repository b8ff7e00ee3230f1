/** The workspace's key registry in the app: list with its log, register from a `.pub.pem`, revoke, apply a key replacement statement. */
import { z } from 'zod';
import { ApiErrorSchema, type MethodSpec, type UploadSpec } from '../../api/common';

/** As core/bundle/registry KEY_ROLES (that module reads files; the contract stays free of Node). */
export const KeyRoleSchema = z.enum(['focal-point', 'approver']);
export type KeyRoleName = z.infer<typeof KeyRoleSchema>;
const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Iso3Schema = z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/);

/** A signer of a bundle and the role the registry gives its key for the bundle's country and date (null: none). */
export const SignerViewSchema = z.object({ fingerprint: z.string(), role: KeyRoleSchema.nullable(), name: z.string().optional() });
export type SignerView = z.infer<typeof SignerViewSchema>;

export const DECISION_KINDS = ['imported', 'supersedes', 'duplicate', 'countersigned', 'held', 'rejected', 'conflict'] as const;

/** One import decision as a screen shows it (docs/formats/workspace.md "Import"); `path` is the name the analyst knows the file by. */
export const DecisionViewSchema = z.object({
  path: z.string(),
  decision: z.enum(DECISION_KINDS),
  reason: ApiErrorSchema.optional(),
  country: z.string().optional(),
  checklistId: z.string().optional(),
  submissionRevision: z.number().int().optional(),
  externalIdentifier: z.string().optional(),
  baggingDate: z.string().optional(),
  signers: z.array(SignerViewSchema).optional(),
  /** Where the workspace keeps it now. */
  file: z.string().optional(),
  /** The stored submission it supersedes, duplicates, countersigns or conflicts with. */
  other: z.string().optional(),
});
export type DecisionView = z.infer<typeof DecisionViewSchema>;

export const RegistryEntryViewSchema = z.object({
  country: z.string(),
  fingerprint: z.string(),
  name: z.string(),
  role: KeyRoleSchema,
  validFrom: z.string().optional(),
  validTo: z.string().optional(),
  revokedAt: z.string().optional(),
  note: z.string().optional(),
});
export type RegistryEntryView = z.infer<typeof RegistryEntryViewSchema>;

export const RegistryLogViewSchema = z.object({
  at: z.string(),
  action: z.enum(['add', 'revoke', 'replace']),
  fingerprint: z.string(),
  countries: z.array(z.string()),
  date: z.string().optional(),
  replacedBy: z.string().optional(),
});
export type RegistryLogView = z.infer<typeof RegistryLogViewSchema>;

/** What a registry change did to the held bundles: one decision each (imported now, or still held and why). */
export const RegistryChangeViewSchema = z.object({ held: z.array(DecisionViewSchema) });
export type RegistryChangeView = z.infer<typeof RegistryChangeViewSchema>;

/** The other fields of "register a key" (the `.pub.pem` is the upload). */
export const AddKeyParamsSchema = z
  .object({
    country: Iso3Schema,
    /** As typed from the official letter: spaces, line breaks, colons and capitals do not matter. */
    fingerprint: z.string().max(400),
    name: z.string().max(300).optional(),
    role: KeyRoleSchema,
    validFrom: DaySchema.optional(),
    validTo: DaySchema.optional(),
    note: z.string().max(2000).optional(),
  })
  .strict();
export type AddKeyParams = z.infer<typeof AddKeyParamsSchema>;

export const RevokeParamsSchema = z.object({ fingerprint: z.string().max(400), date: DaySchema.optional(), country: Iso3Schema.optional() }).strict();

export const registryContract = {
  /** The registered keys (registry.json) and every change (registry-log.jsonl), newest first. */
  listRegistry: { channel: 'workspace:registry-list', input: z.tuple([]), output: z.object({ entries: z.array(RegistryEntryViewSchema), log: z.array(RegistryLogViewSchema) }) },
  /** Revoke a key from a day on (today by default); held bundles are checked again. */
  revokeRegistryKey: { channel: 'workspace:registry-revoke', input: z.tuple([RevokeParamsSchema]), output: RegistryChangeViewSchema },
} as const satisfies Record<string, MethodSpec>;

/** Largest `.pub.pem` or key replacement statement accepted: either is a few hundred bytes. */
export const MAX_KEY_FILE_BYTES = 64 * 1024;

export const registryUploads = {
  /** Register a key from its `.pub.pem` and the fingerprint typed from the letter (they must match). */
  addRegistryKey: {
    channel: 'workspace:registry-add',
    params: z.tuple([AddKeyParamsSchema]),
    output: RegistryChangeViewSchema,
    maxBytes: MAX_KEY_FILE_BYTES,
    maxParamsBytes: 16 * 1024,
    needsFile: false,
    errors: { notAFile: 'secretariat:errors.keyFileNotAFile', tooLarge: 'secretariat:errors.keyFileTooLarge' },
  },
  /** Apply a key replacement statement (`key-replacement.json`), checked by its own signature. */
  applyKeyReplacement: {
    channel: 'workspace:registry-replace',
    params: z.tuple([]),
    output: RegistryChangeViewSchema,
    maxBytes: MAX_KEY_FILE_BYTES,
    maxParamsBytes: 64,
    needsFile: false,
    errors: { notAFile: 'secretariat:errors.keyFileNotAFile', tooLarge: 'secretariat:errors.keyFileTooLarge' },
  },
} as const satisfies Record<string, UploadSpec>;
