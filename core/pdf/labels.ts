/**
 * Fixed report wording from locales/<lng>/report.json, and numbers, sizes and dates formatted
 * for the response language.
 *
 * Digits: Western digits (0–9) in every language, Arabic included. UN Arabic documents use
 * Western digits as their standard, so the page footer reads "الصفحة 3 من 12".
 */
import i18next, { type FormatterModule } from 'i18next';
import { LANGUAGES, type Language } from '../i18n/languages';
import ar from '../../locales/ar/report.json';
import en from '../../locales/en/report.json';
import es from '../../locales/es/report.json';
import fr from '../../locales/fr/report.json';
import ru from '../../locales/ru/report.json';
import zh from '../../locales/zh/report.json';
import arDrafts from '../../locales/ar/drafts.json';
import enDrafts from '../../locales/en/drafts.json';
import esDrafts from '../../locales/es/drafts.json';
import frDrafts from '../../locales/fr/drafts.json';
import ruDrafts from '../../locales/ru/drafts.json';
import zhDrafts from '../../locales/zh/drafts.json';

const RESOURCES = { ar, zh, en, fr, ru, es } satisfies Record<Language, unknown>;
/** Only the validation messages: an answer to correct is described as the form describes it. */
const VALIDATION = {
  ar: arDrafts.validation,
  zh: zhDrafts.validation,
  en: enDrafts.validation,
  fr: frDrafts.validation,
  ru: ruDrafts.validation,
  es: esDrafts.validation,
} satisfies Record<Language, unknown>;

/** A plural form's key ("truncated_one") is asked for by its family's name ("truncated", with a count). */
type PluralBase<K extends string> = K extends `${infer B}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? B : K;

/** Keys of report.json, checked at compile time against the English file. */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${PluralBase<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type ReportKey = Leaves<typeof en>;

export interface Labels {
  language: Language;
  t(key: ReportKey, params?: Record<string, string | number>): string;
  /** A `drafts:validation.*` message (a validation problem's key) in the report's language. */
  validation(key: string, params: Record<string, string | number>): string;
  number(value: number, fractionDigits?: number): string;
  bytes(size: number): string;
  date(iso: string): string;
}

/** BCP 47 tag that forces Western digits, per the choice above. */
function locale(language: Language): string {
  return `${language}-u-nu-latn`;
}

export function createLabels(language: Language): Labels {
  const numbers = new Map<number, Intl.NumberFormat>();
  const number = (value: number, fractionDigits = 0): string => {
    let format = numbers.get(fractionDigits);
    if (!format) {
      format = new Intl.NumberFormat(locale(language), { maximumFractionDigits: fractionDigits, minimumFractionDigits: 0 });
      numbers.set(fractionDigits, format);
    }
    return format.format(value);
  };
  // Numbers go into the text formatted here, but reach i18next as numbers: `count` must stay a number
  // for the plural form to be chosen ("1 character", "2 characters", "21 символ…").
  const formatter: FormatterModule = {
    type: 'formatter',
    init: () => undefined,
    format: (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? number(value) : (value as string)),
    add: () => undefined,
    addCached: () => undefined,
  };
  const instance = i18next.createInstance().use(formatter);
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    ns: ['report', 'drafts'],
    defaultNS: 'report',
    resources: Object.fromEntries(LANGUAGES.map((l) => [l, { report: RESOURCES[l], drafts: { validation: VALIDATION[l] } }])),
    initAsync: false,
    // PDF text, not HTML: nothing to escape. Every value passes the formatter above.
    interpolation: { escapeValue: false, alwaysFormat: true },
  });
  const t = (key: ReportKey, params?: Record<string, string | number>): string => instance.t(key, params);
  return {
    language,
    t,
    validation: (key, params) => (key.startsWith('drafts:validation.') ? instance.t(key, params) : instance.t('drafts:validation.invalid')),
    number,
    bytes(size: number): string {
      const units = ['B', 'KB', 'MB', 'GB'] as const;
      let value = size;
      let unit = 0;
      while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
      }
      const shown = `${number(value, unit === 0 ? 0 : 1)} ${t(`units.${units[unit] ?? 'B'}`)}`;
      return unit === 0 ? shown : `${shown} (${number(size)} ${t('units.B')})`;
    },
    date(iso: string): string {
      const when = new Date(iso);
      if (Number.isNaN(when.getTime())) return iso;
      return new Intl.DateTimeFormat(locale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(when);
    },
  };
}
