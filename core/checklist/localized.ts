import { z } from 'zod';
import { LANGUAGES, type Language } from '../i18n/languages';

/** A text in each of the six UN languages. */
export type LocalizedText = Record<Language, string>;

/** Strict form: every language present and non-empty. Used for published packs and the JSON Schema. */
export const StrictLocalizedTextSchema = z
  .object({
    ar: z.string().min(1),
    zh: z.string().min(1),
    en: z.string().min(1),
    fr: z.string().min(1),
    ru: z.string().min(1),
    es: z.string().min(1),
  })
  .strict()
  .meta({ id: 'LocalizedText', description: 'A text in each of the six UN languages (ar, zh, en, fr, ru, es).' });

/**
 * Lenient form: English required, other languages may be missing or empty. A missing translation is
 * stored as '' so `localize()` can fall back to English and say that it did.
 */
export const LenientLocalizedTextSchema = z
  .object({
    ar: z.string().optional(),
    zh: z.string().optional(),
    en: z.string().min(1),
    fr: z.string().optional(),
    ru: z.string().optional(),
    es: z.string().optional(),
  })
  .strict()
  .transform((t): LocalizedText => ({
    ar: t.ar ?? '',
    zh: t.zh ?? '',
    en: t.en,
    fr: t.fr ?? '',
    ru: t.ru ?? '',
    es: t.es ?? '',
  }));

export type LocalizedTextSchema = typeof StrictLocalizedTextSchema | typeof LenientLocalizedTextSchema;

/** A text picked for display, and whether the English fallback stood in for a missing translation. */
export interface Localized {
  text: string;
  language: Language;
  missing: boolean;
}

/** Pick `language`, falling back to English when the translation is missing (lenient packs only). */
export function localize(text: LocalizedText, language: Language): Localized {
  const own = text[language];
  if (own) return { text: own, language, missing: false };
  return { text: text.en, language: 'en', missing: language !== 'en' };
}

function isLocalizedShape(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.includes('en') && keys.every((k) => (LANGUAGES as readonly string[]).includes(k));
}

/** Paths such as `sections[1].items[3].text.fr` of every empty translation in a parsed pack. */
export function findTranslationGaps(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => findTranslationGaps(v, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  if (isLocalizedShape(value)) {
    return LANGUAGES.filter((lng) => !value[lng]).map((lng) => `${path}.${lng}`);
  }
  return Object.entries(value).flatMap(([k, v]) => findTranslationGaps(v, path ? `${path}.${k}` : k));
}
