import type { Api, ApiResult, Settings } from '../../../core/api/contract';
import { DEFAULT_LANGUAGE, isLanguage } from '../../../core/i18n/languages';
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
 * the page opens at an assessment's screen, that assessment and its pack. The translations of English
 * (the fallback) and of the saved language start loading too.
 */
export function startEarlyLoads(api: Pick<Api, 'getSettings' | 'openAssessment' | 'getPack'>, hash: string): EarlyLoads {
  mark('api');
  const route = parseHash(hash);
  if (route.name === 'form' || route.name === 'completeness' || route.name === 'history') prefetchOpening(api, route.id);
  preloadLanguage(DEFAULT_LANGUAGE);
  const settings = api.getSettings();
  void settings.then(
    (answer) => answer.ok && isLanguage(answer.value.language) && answer.value.language !== DEFAULT_LANGUAGE && preloadLanguage(answer.value.language),
    () => undefined,
  );
  return { settings };
}
