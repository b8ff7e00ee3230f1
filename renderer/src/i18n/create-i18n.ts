import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../../core/i18n/languages';
import { applyDocumentLanguage } from './document-language';
import { DEFAULT_NAMESPACE, loadResources } from './resources';

/**
 * A fresh i18next instance for the given language, with `<html lang dir>` kept in step with every
 * later language change (so no caller can forget to flip the direction).
 */
export async function createI18n(language: Language): Promise<I18n> {
  const { resources, namespaces } = loadResources();
  const instance = i18next.createInstance();
  instance.use(initReactI18next);
  instance.on('languageChanged', (lng) => {
    const current = isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
    applyDocumentLanguage(current, instance.t('app.name', { lng: current }));
  });
  await instance.init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...Object.keys(resources)],
    ns: namespaces,
    defaultNS: DEFAULT_NAMESPACE,
    // React escapes text itself; escaping twice would show `&amp;` to the user.
    interpolation: { escapeValue: false },
    returnEmptyString: false,
    initAsync: false,
  });
  return instance;
}
