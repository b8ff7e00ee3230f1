import i18next, { type FormatterModule, type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type Language } from '../../../core/i18n/languages';
import { shownText } from './shown-text';
import { applyDocumentLanguage } from './document-language';
import { numberFormat } from './intl-cache';
import { DEFAULT_NAMESPACE, bundledBackend, loadLanguage, namespaces } from './resources';

/**
 * i18next's formatter, replaced: a number put into a message ("{{count}} assessments", "revision
 * {{n}}") is written with Intl in the interface language, as every other number on screen is. No
 * separator in four-digit numbers ('min2'), so a year reads 2024. Messages use no named formats.
 */
const intlNumbers: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  // Anything else goes back as it came; i18next turns it into text itself.
  format: (value: unknown, _format, lng) =>
    typeof value === 'number' && Number.isFinite(value) && lng ? numberFormat(lng, 'decimal', 'min2').format(value) : (value as string),
  add: () => undefined,
  addCached: () => undefined,
};

/**
 * A fresh i18next instance for the given language, with `<html lang dir>` kept in step with every
 * later language change (so no caller can forget to flip the direction). Only that language and
 * English (the fallback) are loaded now; a switch loads the new language before it takes effect.
 */
export async function createI18n(language: Language): Promise<I18n> {
  const wanted = language === DEFAULT_LANGUAGE ? [language] : [language, DEFAULT_LANGUAGE];
  const bundles = await Promise.all(wanted.map(loadLanguage));
  const resources: Resource = {};
  wanted.forEach((lng, i) => (resources[lng] = bundles[i] ?? {}));
  const instance = i18next.createInstance();
  instance.use(bundledBackend).use(initReactI18next).use(intlNumbers);
  instance.on('languageChanged', (lng) => {
    const current = isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
    applyDocumentLanguage(current, instance.t('app.name', { lng: current }));
  });
  await instance.init({
    resources,
    partialBundledLanguages: true,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: namespaces(),
    defaultNS: DEFAULT_NAMESPACE,
    // React escapes HTML itself (escaping twice would show `&amp;`). What is left to escape is what
    // makes a value from a file read differently from its data (shown-text.ts); a value without it is
    // untouched. `alwaysFormat` hands every interpolated value to `intlNumbers`, so no number reaches
    // the screen without Intl.
    interpolation: { escapeValue: true, escape: shownText, alwaysFormat: true },
    returnEmptyString: false,
    initAsync: false,
  });
  return instance;
}
