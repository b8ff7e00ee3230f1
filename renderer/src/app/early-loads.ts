import type { Api, ApiResult, Settings } from '../../../core/api/contract';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../../core/i18n/languages';
import { prefetchOpening } from '../features/assessment/open-assessment';
import { preloadLanguage } from '../i18n/locale-files';
import { mark } from './marks';
import { parseHash } from './routes';

/** Requests started before React renders. */
export interface EarlyLoads {
  settings: Promise<ApiResult<Settings>>;
}

/**
 * Ask the core now for what the first screen needs: the settings (the interface language) and, when
 * the page opens at an assessment's screen, that assessment and its pack (in the saved language). The
 * translations of English (the fallback) and of the saved language start loading too.
 */
export function startEarlyLoads(api: Pick<Api, 'getSettings' | 'openAssessment' | 'getPack'>, hash: string): EarlyLoads {
  mark('api');
  const settings = api.getSettings();
  const language: Promise<Language> = settings.then(
    (answer) => (answer.ok && isLanguage(answer.value.language) ? answer.value.language : DEFAULT_LANGUAGE),
    () => DEFAULT_LANGUAGE,
  );
  const route = parseHash(hash);
  if (route.name === 'form' || route.name === 'completeness' || route.name === 'history' || route.name === 'details') prefetchOpening(api, route.id, language);
  preloadLanguage(DEFAULT_LANGUAGE);
  void language.then((lng) => lng !== DEFAULT_LANGUAGE && preloadLanguage(lng));
  return { settings };
}
