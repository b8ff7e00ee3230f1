// The only bridge from the page to the app: one named verb per contract method, nothing generic.
// Bundled to CommonJS because a sandboxed preload may require nothing but 'electron'; the contract
// is imported for its types only, so the schemas (and zod) stay out of this bundle.
import { contextBridge, ipcRenderer } from 'electron';
import type { Api, ApiArgs, ApiMethod, ApiResult, ApiValue, apiContract } from '../../core/api/contract';

type Channel<M extends ApiMethod> = (typeof apiContract)[M]['channel'];

/** A verb that calls exactly one channel; the type ties the channel literal to its contract entry. */
function verb<M extends ApiMethod>(channel: Channel<M>) {
  return (...args: ApiArgs<M>) => ipcRenderer.invoke(channel, ...args) as Promise<ApiResult<ApiValue<M>>>;
}

const api = {
  getAppInfo: verb<'getAppInfo'>('app:info'),
  getSettings: verb<'getSettings'>('settings:get'),
  setLanguage: verb<'setLanguage'>('settings:set-language'),
  listAssessments: verb<'listAssessments'>('assessments:list'),
} satisfies Api;

contextBridge.exposeInMainWorld('api', api);
