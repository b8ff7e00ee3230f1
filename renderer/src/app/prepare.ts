import type { i18n as I18n } from 'i18next';
import type { Api, ApiError, ApiResult, Settings } from '../../../core/api/contract';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../../core/i18n/languages';
import { createI18n } from '../i18n/create-i18n';
import { createLogger } from '../log';

const log = createLogger('startup');

export interface Prepared {
  i18n: I18n;
  /** A failure met while starting, shown translated on the first screen rather than a blank page. */
  startupError: ApiError | null;
}

/**
 * Start in the language the user chose last time; anything unknown or unreadable means English.
 * `settings` is the answer to a `getSettings` already asked for (the entry asks early); without it,
 * the settings are asked for here.
 */
export async function prepareApp(api: Pick<Api, 'getSettings'>, settings?: Promise<ApiResult<Settings>>): Promise<Prepared> {
  let language: Language = DEFAULT_LANGUAGE;
  let startupError: ApiError | null = null;
  try {
    const answer = await (settings ?? api.getSettings());
    if (!answer.ok) startupError = answer.error;
    else if (isLanguage(answer.value.language)) language = answer.value.language;
    else log.warn(`unknown language ${JSON.stringify(answer.value.language)}; using English`);
  } catch (err) {
    log.error('reading settings failed', err instanceof Error ? err.message : err);
    startupError = { code: 'errors.unexpected' };
  }
  return { i18n: await createI18n(language), startupError };
}
