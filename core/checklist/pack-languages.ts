import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../i18n/languages';
import type { LocalizedText } from './localized';
import type { ChecklistPack } from './schema';

function isLocalizedText(value: object): value is LocalizedText {
  const keys = Object.keys(value);
  return keys.includes(DEFAULT_LANGUAGE) && keys.every((k) => (LANGUAGES as readonly string[]).includes(k));
}

function pick(value: unknown, keep: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => pick(v, keep));
  if (!value || typeof value !== 'object') return value;
  if (isLocalizedText(value)) {
    const out: Record<string, string> = {};
    for (const lng of LANGUAGES) out[lng] = keep.has(lng) ? value[lng] : '';
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = pick(v, keep);
  return out;
}

/**
 * A copy of `pack` whose texts keep only `languages` and English (the others become '', as a
 * missing translation is), with the translation gaps of those languages only.
 */
export function packInLanguages(pack: ChecklistPack, translationGaps: readonly string[], languages: readonly Language[]): { pack: ChecklistPack; translationGaps: string[] } {
  const keep = new Set<string>([DEFAULT_LANGUAGE, ...languages]);
  return {
    // The copy has the pack's own shape: only the values of text fields change.
    pack: pick(pack, keep) as ChecklistPack,
    translationGaps: translationGaps.filter((gap) => keep.has(gap.slice(gap.lastIndexOf('.') + 1))),
  };
}
