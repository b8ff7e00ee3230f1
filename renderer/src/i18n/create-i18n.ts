import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type Language } from '../../../core/i18n/languages';
import { shownText } from './shown-text';
import { applyDocumentLanguage } from './document-language';
import { DEFAULT_NAMESPACE, bundledBackend, loadLanguage, namespaces } from './resources';

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
  instance.use(bundledBackend).use(initReactI18next);
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
    // makes a value from a file read differently from its data (shown-text.ts); a value without it is untouched.
    interpolation: { escapeValue: true, escape: shownText },
    returnEmptyString: false,
    initAsync: false,
  });
  return instance;
}
