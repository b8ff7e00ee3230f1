import i18next, { type TFunction } from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type Language } from '../core/i18n/languages';
import ar from '../locales/ar/cli.json';
import en from '../locales/en/cli.json';
import es from '../locales/es/cli.json';
import fr from '../locales/fr/cli.json';
import ru from '../locales/ru/cli.json';
import zh from '../locales/zh/cli.json';
import arBundle from '../locales/ar/bundle.json';
import enBundle from '../locales/en/bundle.json';
import esBundle from '../locales/es/bundle.json';
import frBundle from '../locales/fr/bundle.json';
import ruBundle from '../locales/ru/bundle.json';
import zhBundle from '../locales/zh/bundle.json';

import arDrafts from '../locales/ar/drafts.json';
import enDrafts from '../locales/en/drafts.json';
import esDrafts from '../locales/es/drafts.json';
import frDrafts from '../locales/fr/drafts.json';
import ruDrafts from '../locales/ru/drafts.json';
import zhDrafts from '../locales/zh/drafts.json';
import arPacks from '../locales/ar/packs.json';
import enPacks from '../locales/en/packs.json';
import esPacks from '../locales/es/packs.json';
import frPacks from '../locales/fr/packs.json';
import ruPacks from '../locales/ru/packs.json';
import zhPacks from '../locales/zh/packs.json';

const RESOURCES = { ar, zh, en, fr, ru, es } satisfies Record<Language, unknown>;
// Checklist packs and their revisions speak through `packs:` (and pack loading through `drafts:errors.pack…`).
const DRAFTS = { ar: arDrafts, zh: zhDrafts, en: enDrafts, fr: frDrafts, ru: ruDrafts, es: esDrafts } satisfies Record<Language, unknown>;
const PACKS = { ar: arPacks, zh: zhPacks, en: enPacks, fr: frPacks, ru: ruPacks, es: esPacks } satisfies Record<Language, unknown>;
// Keys, export and verify speak through the `bundle` namespace (`bundle:verify.hashMismatch`…).
const BUNDLE = { ar: arBundle, zh: zhBundle, en: enBundle, fr: frBundle, ru: ruBundle, es: esBundle } satisfies Record<Language, unknown>;

export type { TFunction };

/** A translator for the `cli` namespace (and `bundle:`, `drafts:`, `packs:` keys) in one language, English behind it for anything missing. */
export function createTranslator(language: Language): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: ['cli', 'bundle', 'drafts', 'packs'],
    defaultNS: 'cli',
    resources: Object.fromEntries(LANGUAGES.map((l) => [l, { cli: RESOURCES[l], bundle: BUNDLE[l], drafts: DRAFTS[l], packs: PACKS[l] }])),
    initAsync: false,
    // Terminal text, not HTML: nothing to escape.
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

export interface LanguageChoice {
  language: Language;
  /** A value the user gave that is not one of the six, if any. */
  rejected: { source: '--lang' | 'SCSA_LANG'; value: string } | null;
}

/**
 * The language of messages: `--lang L` anywhere on the line, else `SCSA_LANG`, else English.
 * Looked up before anything else so that even a usage error comes out in the user's language.
 */
export function chooseLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): LanguageChoice {
  let flag: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    if (arg === '--lang') flag = argv[i + 1] ?? '';
    else if (arg.startsWith('--lang=')) flag = arg.slice('--lang='.length);
  }
  const fromEnv = env.SCSA_LANG?.trim();
  const envChoice = fromEnv && isLanguage(fromEnv) ? fromEnv : DEFAULT_LANGUAGE;
  if (flag !== undefined) {
    if (isLanguage(flag)) return { language: flag, rejected: null };
    return { language: envChoice, rejected: { source: '--lang', value: flag } };
  }
  if (fromEnv && !isLanguage(fromEnv)) return { language: DEFAULT_LANGUAGE, rejected: { source: 'SCSA_LANG', value: fromEnv } };
  return { language: envChoice, rejected: null };
}
