// The only bridge from the page to the app: one named verb per contract method, nothing generic.
// Bundled to CommonJS because a sandboxed preload may require nothing but 'electron'; the contract
// is imported for its types only, so the schemas (and zod) stay out of this bundle.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { ApiArgs, ApiMethod, ApiResult, ApiValue, AttachmentAdded, BundleJobStarted, RendererApi, apiContract, attachmentChannel, bundleFileChannel } from '../../core/api/contract';
import { submissionUrlPath } from '../../core/api/submission-paths';

// electron/main/app-protocol.ts APP_ORIGIN (that module needs Node, which a sandboxed preload has not).
const APP_ORIGIN = 'app://bundle';

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
  listPacks: verb<'listPacks'>('packs:list'),
  getPack: verb<'getPack'>('packs:get'),
  createAssessment: verb<'createAssessment'>('assessments:create'),
  openAssessment: verb<'openAssessment'>('assessments:open'),
  closeAssessment: verb<'closeAssessment'>('assessments:close'),
  saveAnswers: verb<'saveAnswers'>('assessments:save-answers'),
  updateAssessment: verb<'updateAssessment'>('assessments:update-meta'),
  listHistory: verb<'listHistory'>('assessments:history'),
  restoreVersion: verb<'restoreVersion'>('assessments:restore'),
  validateAssessment: verb<'validateAssessment'>('assessments:validate'),
  exportCopy: verb<'exportCopy'>('assessments:export-copy'),
  importCopy: verb<'importCopy'>('assessments:import-copy'),
  openExample: verb<'openExample'>('assessments:open-example'),
  exportPdf: verb<'exportPdf'>('pdf:export'),
  getPdfJob: verb<'getPdfJob'>('pdf:status'),
  takePdfResult: verb<'takePdfResult'>('pdf:result'),
  getSigningKey: verb<'getSigningKey'>('keys:get'),
  createSigningKey: verb<'createSigningKey'>('keys:create'),
  importSigningKey: verb<'importSigningKey'>('keys:import'),
  replaceSigningKey: verb<'replaceSigningKey'>('keys:replace'),
  backupSigningKey: verb<'backupSigningKey'>('keys:backup'),
  exportSubmission: verb<'exportSubmission'>('bundle:export'),
  getBundleJob: verb<'getBundleJob'>('bundle:status'),
  listSubmissions: verb<'listSubmissions'>('bundle:list'),
  // The page never names a path: Electron maps the File the user chose to its path here, and main
  // checks that path again before reading it.
  addAttachment: (assessmentId: string, file: File) => {
    const channel: (typeof attachmentChannel)['channel'] = 'attachments:add';
    const payload = { path: webUtils.getPathForFile(file), name: file.name, mediaType: file.type };
    return ipcRenderer.invoke(channel, assessmentId, payload) as Promise<ApiResult<AttachmentAdded>>;
  },
  // The bundle is checked where it lies: main gets its path, never its bytes.
  checkBundleFile: (file: File, registryText?: string) => {
    const channel: (typeof bundleFileChannel)['channel'] = 'bundle:check-file';
    const payload = { path: webUtils.getPathForFile(file) };
    const args = registryText === undefined ? [payload] : [payload, registryText];
    return ipcRenderer.invoke(channel, ...args) as Promise<ApiResult<BundleJobStarted>>;
  },
  // A kept bundle downloads from app://bundle/submissions/…, which main serves from the data folder.
  submissionDownloadUrl: async (assessmentId: string, fileName: string): Promise<ApiResult<{ url: string }>> => {
    const urlPath = submissionUrlPath(assessmentId, fileName);
    return urlPath === null ? { ok: false, error: { code: 'errors.badRequest' } } : { ok: true, value: { url: APP_ORIGIN + urlPath } };
  },
} satisfies RendererApi;

contextBridge.exposeInMainWorld('api', api);
