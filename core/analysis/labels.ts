/**
 * Wording of the analysis exports from locales/<lng>/analysis.json (sheet names, column headers,
 * regional groups, the annex), with numbers and dates for the chosen language, and the order of
 * country names in that language.
 */
import i18next from 'i18next';
import { LANGUAGES, type Language } from '../i18n/languages';
import { countryName } from '../i18n/countries';
import ar from '../../locales/ar/analysis.json';
import en from '../../locales/en/analysis.json';
import es from '../../locales/es/analysis.json';
import fr from '../../locales/fr/analysis.json';
import ru from '../../locales/ru/analysis.json';
import zh from '../../locales/zh/analysis.json';
import { OBSERVER_STATES } from './regional-groups';

const RESOURCES = { ar, zh, en, fr, ru, es } satisfies Record<Language, unknown>;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
/** Keys of analysis.json, checked at compile time against the English file (it has no plural keys). */
export type AnalysisKey = Leaves<typeof en>;

/** The training example's fictional country code (core/checklist/examples). */
const EXAMPLE_COUNTRY = 'XXX';

export interface AnalysisLabels {
  language: Language;
  t(key: AnalysisKey, params?: Record<string, string | number>): string;
  number(value: number): string;
  date(iso: string): string;
  /** A language's name in this language, e.g. "Arabic" in English. */
  languageName(code: Language): string;
  /** A country's name in this language. */
  country(code: string): string;
  /** Compares two texts as this language sorts them (country names, never results). */
  compare(a: string, b: string): number;
}

/** Western digits in every language, as the PDF report does (core/pdf/labels.ts). */
const locale = (language: Language): string => `${language}-u-nu-latn`;

export function createAnalysisLabels(language: Language): AnalysisLabels {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    ns: ['analysis'],
    defaultNS: 'analysis',
    resources: Object.fromEntries(LANGUAGES.map((l) => [l, { analysis: RESOURCES[l] }])),
    initAsync: false,
    // Cells and PDF text, not HTML: nothing to escape.
    interpolation: { escapeValue: false },
  });
  const numbers = new Intl.NumberFormat(locale(language), { maximumFractionDigits: 2 });
  const dates = new Intl.DateTimeFormat(locale(language), { dateStyle: 'long', timeZone: 'UTC' });
  const languages = new Intl.DisplayNames([language], { type: 'language' });
  const collator = new Intl.Collator(language);
  // Asked once per row of the largest tables: Intl.DisplayNames is slow enough to show.
  const languageNames = new Map<Language, string>();
  const t = (key: AnalysisKey, params?: Record<string, string | number>): string => instance.t(key, params);
  return {
    language,
    t,
    number: (value) => numbers.format(value),
    date(iso) {
      const when = new Date(iso);
      return Number.isNaN(when.getTime()) ? iso : dates.format(when);
    },
    languageName(code) {
      let name = languageNames.get(code);
      if (name === undefined) languageNames.set(code, (name = languages.of(code) ?? code));
      return name;
    },
    country(code) {
      if (code === EXAMPLE_COUNTRY) return t('example');
      if (Object.prototype.hasOwnProperty.call(OBSERVER_STATES, code)) return t(`observers.${code as 'VAT' | 'PSE'}`);
      return countryName(code, language);
    },
    compare: (a, b) => collator.compare(a, b),
  };
}

/** The label of an option id of a choice count: "yes" and "no" (yes/no items) in this language, any other id as it is. */
export function yesNoLabel(labels: AnalysisLabels, id: string): string {
  return id === 'yes' ? labels.t('yes') : id === 'no' ? labels.t('no') : id;
}
