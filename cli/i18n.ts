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
import arSecretariat from '../locales/ar/secretariat.json';
import enSecretariat from '../locales/en/secretariat.json';
import esSecretariat from '../locales/es/secretariat.json';
import frSecretariat from '../locales/fr/secretariat.json';
import ruSecretariat from '../locales/ru/secretariat.json';
import zhSecretariat from '../locales/zh/secretariat.json';
import { visibleControls } from '../core/text/sanitize';
import arAnalysis from '../locales/ar/analysis.json';
import enAnalysis from '../locales/en/analysis.json';
import esAnalysis from '../locales/es/analysis.json';
import frAnalysis from '../locales/fr/analysis.json';
import ruAnalysis from '../locales/ru/analysis.json';
import zhAnalysis from '../locales/zh/analysis.json';
import arReview from '../locales/ar/review.json';
import enReview from '../locales/en/review.json';
import esReview from '../locales/es/review.json';
import frReview from '../locales/fr/review.json';
import ruReview from '../locales/ru/review.json';
import zhReview from '../locales/zh/review.json';

import arPacks from '../locales/ar/packs.json';
import enPacks from '../locales/en/packs.json';
import esPacks from '../locales/es/packs.json';
import frPacks from '../locales/fr/packs.json';
import ruPacks from '../locales/ru/packs.json';
import zhPacks from '../locales/zh/packs.json';

const RESOURCES = { ar, zh, en, fr, ru, es } satisfies Record<Language, unknown>;
// Checklist packs and their revisions speak through `packs:` (and pack loading through `drafts:errors.pack…`).
const PACKS = { ar: arPacks, zh: zhPacks, en: enPacks, fr: frPacks, ru: ruPacks, es: esPacks } satisfies Record<Language, unknown>;
// Keys, export and verify speak through the `bundle` namespace (`bundle:verify.hashMismatch`…).
const BUNDLE = { ar: arBundle, zh: zhBundle, en: enBundle, fr: frBundle, ru: ruBundle, es: esBundle } satisfies Record<Language, unknown>;
// Drafts speak through `drafts` (`drafts:errors.invalidDraft`, `drafts:validation.required`…), as in the app.
const DRAFTS = { ar: arDrafts, zh: zhDrafts, en: enDrafts, fr: frDrafts, ru: ruDrafts, es: esDrafts } satisfies Record<Language, unknown>;
// The secretariat workspace speaks through `secretariat` (`secretariat:errors.readOnly`, decisions, roles…).
const SECRETARIAT = { ar: arSecretariat, zh: zhSecretariat, en: enSecretariat, fr: frSecretariat, ru: ruSecretariat, es: esSecretariat } satisfies Record<Language, unknown>;

// `scsa report` reports the analysis's own errors (`analysis:errors.bundlesFolder`…).
const ANALYSIS = { ar: arAnalysis, zh: zhAnalysis, en: enAnalysis, fr: frAnalysis, ru: ruAnalysis, es: esAnalysis } satisfies Record<Language, unknown>;

// Review copies, replies and merges speak through the `review` namespace (`review:errors.otherDraft`…).
const REVIEW = { ar: arReview, zh: zhReview, en: enReview, fr: frReview, ru: ruReview, es: esReview } satisfies Record<Language, unknown>;

export type { TFunction };

/**
 * A translator for the `cli` namespace (and `bundle:`, `drafts:`, `analysis:`, `review:`, `packs:` and `secretariat:` keys) in one language, English
 * behind it for anything missing. Every value put into a message (`{{file}}`, `{{path}}`, a zod
 * message quoting a key from a file…) is printed with its control and bidi characters as visible
 * escapes, so no value can move the cursor, clear the screen or reorder the line it sits in. A value
 * that is itself a translated message is written `{{- reason}}` in the locales: it was made safe when
 * it was translated.
 */
export function createTranslator(language: Language): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: ['cli', 'bundle', 'drafts', 'analysis', 'review', 'packs', 'secretariat'],
    defaultNS: 'cli',
    resources: Object.fromEntries(LANGUAGES.map((l) => [l, { cli: RESOURCES[l], bundle: BUNDLE[l], drafts: DRAFTS[l], analysis: ANALYSIS[l], review: REVIEW[l], packs: PACKS[l], secretariat: SECRETARIAT[l] }])),
    initAsync: false,
    // Terminal text, not HTML: the only escaping is of control and bidi characters.
    interpolation: { escapeValue: true, escape: (value: unknown) => visibleControls(String(value)) },
  });
  return instance.t;
}

export interface LanguageChoice {
  language: Language;
  /** A value the user gave that is not one of the six, if any. */
  rejected: { source: '--ui-lang' | '--lang' | 'SCSA_LANG'; value: string } | null;
}

/** Whether a command's own `--lang` is the language of what it makes (`checklist`, `new`), not of its messages. */
export type ContentLanguage = (command: string) => boolean;

const valueOf = (argv: readonly string[], i: number, flag: string): { value: string; next: number } | null => {
  const arg = argv[i] as string;
  if (arg === flag) return { value: argv[i + 1] ?? '', next: i + 1 };
  if (arg.startsWith(`${flag}=`)) return { value: arg.slice(flag.length + 1), next: i };
  return null;
};

/**
 * The language of messages: `--ui-lang L` anywhere on the line, else `--lang L` where it can only
 * mean the messages (before the command, or after a command that makes nothing in a language: the
 * older spelling, kept so existing scripts work), else `SCSA_LANG`, else English. The `--lang` of
 * `checklist` and `new` is the language of the outline or of the draft's answers, never of messages.
 * Looked up before anything else so that even a usage error comes out in the user's language.
 */
export function chooseLanguage(argv: readonly string[], env: NodeJS.ProcessEnv, contentLanguage: ContentLanguage = () => false): LanguageChoice {
  let ui: string | undefined;
  let legacy: string | undefined;
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    const uiFlag = valueOf(argv, i, '--ui-lang');
    if (uiFlag) {
      ui = uiFlag.value;
      i = uiFlag.next;
      continue;
    }
    const langFlag = valueOf(argv, i, '--lang');
    if (langFlag) {
      if (command === undefined || !contentLanguage(command)) legacy = langFlag.value;
      i = langFlag.next;
      continue;
    }
    if (command === undefined && !arg.startsWith('-')) command = arg;
  }
  const fromEnv = env.SCSA_LANG?.trim();
  const envChoice = fromEnv && isLanguage(fromEnv) ? fromEnv : DEFAULT_LANGUAGE;
  const flag = ui !== undefined ? { source: '--ui-lang' as const, value: ui } : legacy !== undefined ? { source: '--lang' as const, value: legacy } : null;
  if (flag) {
    if (isLanguage(flag.value)) return { language: flag.value, rejected: null };
    return { language: envChoice, rejected: flag };
  }
  if (fromEnv && !isLanguage(fromEnv)) return { language: DEFAULT_LANGUAGE, rejected: { source: 'SCSA_LANG', value: fromEnv } };
  return { language: envChoice, rejected: null };
}

/** The line without its `--ui-lang L` (read by `chooseLanguage`), so a command's parser never sees it. */
export function withoutUiLang(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const flag = valueOf(argv, i, '--ui-lang');
    if (flag) i = flag.next;
    else out.push(arg);
  }
  return out;
}
