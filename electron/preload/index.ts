// The only bridge from the page to the app: one named verb per contract method, nothing generic.
// Bundled to CommonJS because a sandboxed preload may require nothing but 'electron'; the contract
// is imported for its types only, so the schemas (and zod) stay out of this bundle.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { ApiArgs, ApiMethod, ApiResult, ApiValue, DownloadTicket, RendererApi, UploadName, UploadParams, UploadValue, apiContract, uploadContract } from '../../core/api/contract';

// electron/main/app-protocol.ts APP_ORIGIN and DOWNLOAD_URL_PREFIX (that module needs Node, which a sandboxed preload has not).
const DOWNLOAD_ORIGIN = 'app://bundle/download/';

type Channel<M extends ApiMethod> = (typeof apiContract)[M]['channel'];
type UploadChannel<U extends UploadName> = (typeof uploadContract)[U]['channel'];

/** A verb that calls exactly one channel; the type ties the channel literal to its contract entry. */
function verb<M extends ApiMethod>(channel: Channel<M>) {
  return (...args: ApiArgs<M>) => ipcRenderer.invoke(channel, ...args) as Promise<ApiResult<ApiValue<M>>>;
}

/**
 * An upload verb: the page never names a path. Electron maps the File the user chose to its path
 * here, and main (electron/main/file-ipc.ts) checks that path again before reading it.
 */
function upload<U extends UploadName>(channel: UploadChannel<U>) {
  return (file: File, ...params: UploadParams<U>) => {
    const ref = { path: webUtils.getPathForFile(file), name: file.name, mediaType: file.type };
    return ipcRenderer.invoke(channel, ref, ...params) as Promise<ApiResult<UploadValue<U>>>;
  };
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
  inspectCopy: verb<'inspectCopy'>('assessments:inspect-copy'),
  importCopy: verb<'importCopy'>('assessments:import-copy'),
  getAssessmentOverview: verb<'getAssessmentOverview'>('assessments:overview'),
  setAssessmentArchived: verb<'setAssessmentArchived'>('assessments:set-archived'),
  deleteAssessment: verb<'deleteAssessment'>('assessments:delete'),
  restoreDeletedAssessment: verb<'restoreDeletedAssessment'>('assessments:undelete'),
  openExample: verb<'openExample'>('assessments:open-example'),
  exportPdf: verb<'exportPdf'>('pdf:export'),
  getSigningKey: verb<'getSigningKey'>('keys:get'),
  createSigningKey: verb<'createSigningKey'>('keys:create'),
  importSigningKey: verb<'importSigningKey'>('keys:import'),
  replaceSigningKey: verb<'replaceSigningKey'>('keys:replace'),
  backupSigningKey: verb<'backupSigningKey'>('keys:backup'),
  exportSubmission: verb<'exportSubmission'>('bundle:export'),
  listSubmissions: verb<'listSubmissions'>('bundle:list'),
  downloadSubmission: verb<'downloadSubmission'>('bundle:download'),
  getJob: verb<'getJob'>('jobs:status'),
  takeJobResult: verb<'takeJobResult'>('jobs:result'),
  cancelJob: verb<'cancelJob'>('jobs:cancel'),
  addAttachment: upload<'addAttachment'>('attachments:add'),
  checkBundleFile: upload<'checkBundleFile'>('bundle:check-file'),
  getReviews: verb<'getReviews'>('review-merge:reviews'),
  getMergeView: verb<'getMergeView'>('review-merge:view'),
  acceptSuggestion: verb<'acceptSuggestion'>('review-merge:accept'),
  rejectSuggestion: verb<'rejectSuggestion'>('review-merge:reject'),
  acceptAllClean: verb<'acceptAllClean'>('review-merge:accept-clean'),
  resolveComment: verb<'resolveComment'>('review-merge:resolve'),
  closeReview: verb<'closeReview'>('review-merge:close'),
  readVersion: verb<'readVersion'>('review-merge:read-version'),
  importReply: upload<'importReply'>('review-merge:import-reply'),
  listSentReviews: verb<'listSentReviews'>('review-send:list'),
  sendForReview: verb<'sendForReview'>('review-send:send'),
  downloadReviewCopy: verb<'downloadReviewCopy'>('review-send:download'),
  listReviewerWork: verb<'listReviewerWork'>('reviewer:list'),
  openReviewerWork: verb<'openReviewerWork'>('reviewer:open'),
  saveReviewerWork: verb<'saveReviewerWork'>('reviewer:save'),
  returnReview: verb<'returnReview'>('reviewer:return'),
  openReviewCopy: upload<'openReviewCopy'>('reviewer:open-copy'),
  // Main serves a ticket's file once from app://bundle/download/… (downloads.ts asks where to save it).
  downloadUrl: (ticket: DownloadTicket) => `${DOWNLOAD_ORIGIN}${ticket.token}/${encodeURIComponent(ticket.fileName)}`,
} satisfies RendererApi;

contextBridge.exposeInMainWorld('api', api);
