import type { Api, ApiResult, Settings } from '../../../core/api/contract';
import { prefetchOpening } from '../features/assessment/open-assessment';
import { mark } from './marks';
import { parseHash } from './routes';

/** Requests started before React renders. */
export interface EarlyLoads {
  settings: Promise<ApiResult<Settings>>;
}

/**
 * Ask the core now for what the first screen needs: the settings (the interface language) and, when
 * the page opens at an assessment's screen, that assessment and its pack.
 */
export function startEarlyLoads(api: Pick<Api, 'getSettings' | 'openAssessment' | 'getPack'>, hash: string): EarlyLoads {
  mark('api');
  const route = parseHash(hash);
  if (route.name === 'form' || route.name === 'completeness' || route.name === 'history') prefetchOpening(api, route.id);
  return { settings: api.getSettings() };
}
