/** The checklist packs the app carries or has installed, for the "new assessment" wizard, the form and the About panel; installing a signed revision. */
import { z } from 'zod';
import { LANGUAGES } from '../../i18n/languages';
import { LanguageSchema, type MethodSpec, type UploadSpec } from '../../api/common';
import { PACK_BYTES_LIMIT } from '../../checklist/pack-limits';
import { LenientLocalizedTextSchema } from '../../checklist/localized';
import { LenientPackSchema } from '../../checklist/schema';

export const PackRefSchema = z.object({ id: z.string().min(1).max(64), version: z.string().min(1).max(64) }).strict();
export type PackRef = z.infer<typeof PackRefSchema>;
/**
 * Which languages of a pack's texts to send (English, the fallback, always comes too); the others
 * arrive as '' (like a missing translation). Without it, all six are sent. The form asks for the
 * interface language only: a sixth of the texts to send, parse and check.
 */
export const PackTextsSchema = z.object({ languages: z.array(z.enum(LANGUAGES)).min(1).max(LANGUAGES.length) }).strict();
export type PackTexts = z.infer<typeof PackTextsSchema>;

/** Where a pack comes from: part of the app (trusted by inclusion) or installed from a signed file. */
export const PackOriginSchema = z.enum(['bundled', 'installed']);

/**
 * A checklist pack the app carries or has installed, for the "new assessment" wizard and the About
 * panel; `signer` is the fingerprint of the trusted key that signed an installed pack.
 */
export const PackInfoSchema = z.object({
  id: z.string(),
  version: z.string(),
  title: LenientLocalizedTextSchema,
  languages: z.array(LanguageSchema),
  itemCount: z.number().int().nonnegative(),
  isDefault: z.boolean(),
  origin: PackOriginSchema,
  signer: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type PackInfo = z.infer<typeof PackInfoSchema>;

export const LoadedPackSchema = z.object({
  pack: LenientPackSchema,
  /** Paths of texts missing in some language (shown in English with a "translation missing" marker). */
  translationGaps: z.array(z.string()),
});

export const packsContract = {
  listPacks: { channel: 'packs:list', input: z.tuple([]), output: z.array(PackInfoSchema) },
  getPack: { channel: 'packs:get', input: z.tuple([PackRefSchema, PackTextsSchema.optional()]), output: LoadedPackSchema },
} as const satisfies Record<string, MethodSpec>;

/** What installing a signed pack did: the pack now listed, its signer, and whether it was there already. */
export const InstalledPackSchema = z.object({
  id: z.string(),
  version: z.string(),
  title: LenientLocalizedTextSchema,
  itemCount: z.number().int().nonnegative(),
  signer: z.string().regex(/^[0-9a-f]{64}$/),
  alreadyInstalled: z.boolean(),
});
export type InstalledPackInfo = z.infer<typeof InstalledPackSchema>;

export const packsUploads = {
  /** Install a signed checklist revision (`*.scsa-pack`) into the data folder, if a trusted key signed it. */
  installPackFile: {
    channel: 'packs:install-file',
    params: z.tuple([]),
    output: InstalledPackSchema,
    // The engine refuses a pack of this size or more itself (packs:errors.packTooLarge).
    maxBytes: PACK_BYTES_LIMIT,
    maxParamsBytes: 64,
    needsFile: false,
    errors: { notAFile: 'packs:errors.notAFile', tooLarge: 'packs:errors.uploadTooLarge' },
  },
} as const satisfies Record<string, UploadSpec>;
