/** The checklist packs the app carries, for the "new assessment" wizard, the form and the About panel. */
import { z } from 'zod';
import { LANGUAGES } from '../../i18n/languages';
import { LanguageSchema, type MethodSpec } from '../../api/common';
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

/** A checklist pack the app carries, for the "new assessment" wizard and the About panel. */
export const PackInfoSchema = z.object({
  id: z.string(),
  version: z.string(),
  title: LenientLocalizedTextSchema,
  languages: z.array(LanguageSchema),
  itemCount: z.number().int().nonnegative(),
  isDefault: z.boolean(),
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
