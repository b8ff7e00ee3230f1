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
import arReview from '../locales/ar/review.json';
import enReview from '../locales/en/review.json';
import esReview from '../locales/es/review.json';
import frReview from '../locales/fr/review.json';
import ruReview from '../locales/ru/review.json';
import zhReview from '../locales/zh/review.json';

const RESOURCES = { ar, zh, en, fr, ru, es } satisfies Record<Language, unknown>;
// Keys, export and verify speak through the `bundle` namespace (`bundle:verify.hashMismatch`…).
const BUNDLE = { ar: arBundle, zh: zhBundle, en: enBundle, fr: frBundle, ru: ruBundle, es: esBundle } satisfies Record<Language, unknown>;
// Review copies, replies and merges speak through the `review` namespace (`review:errors.otherDraft`…).
const REVIEW = { ar: arReview, zh: zhReview, en: enReview, fr: frReview, ru: ruReview, es: esReview } satisfies Record<Language, unknown>;

export type { TFunction };

/** A translator for the `cli` namespace (and `bundle:` and `review:` keys) in one language, English behind it for anything missing. */
export function createTranslator(language: Language): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: ['cli', 'bundle', 'review'],
    defaultNS: 'cli',
    resources: Object.fromEntries(LANGUAGES.map((l) => [l, { cli: RESOURCES[l], bundle: BUNDLE[l], review: REVIEW[l] }])),
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
