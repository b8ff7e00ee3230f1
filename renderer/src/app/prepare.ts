import type { i18n as I18n } from 'i18next';
import type { Api, ApiError } from '../../../core/api/contract';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../../core/i18n/languages';
import { createI18n } from '../i18n/create-i18n';
import { createLogger } from '../log';

const log = createLogger('startup');

export interface Prepared {
  i18n: I18n;
  /** A failure met while starting, shown translated on the first screen rather than a blank page. */
  startupError: ApiError | null;
}

/** Start in the language the user chose last time; anything unknown or unreadable means English. */
export async function prepareApp(api: Api): Promise<Prepared> {
  let language: Language = DEFAULT_LANGUAGE;
  let startupError: ApiError | null = null;
  try {
    const settings = await api.getSettings();
    if (!settings.ok) startupError = settings.error;
    else if (isLanguage(settings.value.language)) language = settings.value.language;
    else log.warn(`unknown language ${JSON.stringify(settings.value.language)}; using English`);
  } catch (err) {
    log.error('reading settings failed', err instanceof Error ? err.message : err);
    startupError = { code: 'errors.unexpected' };
  }
  return { i18n: await createI18n(language), startupError };
}
