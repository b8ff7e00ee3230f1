import { createContext, useContext, type ReactNode } from 'react';
import type { RendererApi } from '../../../core/api/contract';

const ApiContext = createContext<RendererApi | null>(null);

export function ApiProvider({ api, children }: { api: RendererApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The one way components reach the core; tests pass a fake through `ApiProvider`. */
export function useApi(): RendererApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}
