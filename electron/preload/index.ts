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
  findNewerVersion: verb<'findNewerVersion'>('revisions:newer'),
  previewMove: verb<'previewMove'>('revisions:preview'),
  moveAssessment: verb<'moveAssessment'>('revisions:move'),
  addAttachment: upload<'addAttachment'>('attachments:add'),
  checkBundleFile: upload<'checkBundleFile'>('bundle:check-file'),
  installPackFile: upload<'installPackFile'>('packs:install-file'),
  getReviews: verb<'getReviews'>('review-merge:reviews'),
  getMergeView: verb<'getMergeView'>('review-merge:view'),
  acceptSuggestion: verb<'acceptSuggestion'>('review-merge:accept'),
  rejectSuggestion: verb<'rejectSuggestion'>('review-merge:reject'),
  acceptAllClean: verb<'acceptAllClean'>('review-merge:accept-clean'),
  resolveComment: verb<'resolveComment'>('review-merge:resolve'),
  closeReview: verb<'closeReview'>('review-merge:close'),
  readVersion: verb<'readVersion'>('review-merge:read-version'),
  getMergePage: verb<'getMergePage'>('review-merge:page'),
  importReply: upload<'importReply'>('review-merge:import-reply'),
  listSentReviews: verb<'listSentReviews'>('review-send:list'),
  sendForReview: verb<'sendForReview'>('review-send:send'),
  downloadReviewCopy: verb<'downloadReviewCopy'>('review-send:download'),
  listReviewerWork: verb<'listReviewerWork'>('reviewer:list'),
  openReviewerWork: verb<'openReviewerWork'>('reviewer:open'),
  saveReviewerWork: verb<'saveReviewerWork'>('reviewer:save'),
  returnReview: verb<'returnReview'>('reviewer:return'),
  downloadReviewAttachment: verb<'downloadReviewAttachment'>('reviewer:attachment'),
  openReviewCopy: upload<'openReviewCopy'>('reviewer:open-copy'),
  getWorkspace: verb<'getWorkspace'>('workspace:get'),
  openWorkspace: verb<'openWorkspace'>('workspace:open'),
  createWorkspace: verb<'createWorkspace'>('workspace:create'),
  closeWorkspace: verb<'closeWorkspace'>('workspace:close'),
  listRecentWorkspaces: verb<'listRecentWorkspaces'>('workspace:recent'),
  forgetRecentWorkspace: verb<'forgetRecentWorkspace'>('workspace:forget-recent'),
  listRegistry: verb<'listRegistry'>('workspace:registry-list'),
  revokeRegistryKey: verb<'revokeRegistryKey'>('workspace:registry-revoke'),
  startWorkspaceImport: verb<'startWorkspaceImport'>('workspace:import'),
  discardImportBatch: verb<'discardImportBatch'>('workspace:discard-batch'),
  chooseCurrentSubmission: verb<'chooseCurrentSubmission'>('workspace:choose-current'),
  listWorkspaceSubmissions: verb<'listWorkspaceSubmissions'>('workspace:submissions'),
  readWorkspaceSubmission: verb<'readWorkspaceSubmission'>('workspace:read-submission'),
  downloadWorkspaceFile: verb<'downloadWorkspaceFile'>('workspace:download'),
  downloadCountersigned: verb<'downloadCountersigned'>('workspace:countersigned-download'),
  addRegistryKey: upload<'addRegistryKey'>('workspace:registry-add'),
  applyKeyReplacement: upload<'applyKeyReplacement'>('workspace:registry-replace'),
  stageImportFile: upload<'stageImportFile'>('workspace:stage-file'),
  countersignBundleFile: upload<'countersignBundleFile'>('workspace:countersign'),
  startAnalysis: verb<'startAnalysis'>('analysis:start'),
  analysisAnswers: verb<'analysisAnswers'>('analysis:answers'),
  exportAnalysis: verb<'exportAnalysis'>('analysis:export'),
  downloadAnalysisExport: verb<'downloadAnalysisExport'>('analysis:download'),
  // Main serves a ticket's file once from app://bundle/download/… (downloads.ts asks where to save it).
  // The secretariat's native dialogs (electron/main/dialogs.ts DIALOG_CHANNELS): paths only, checked by the contract when used.
  chooseFolder: () => ipcRenderer.invoke('dialog:choose-folder') as Promise<string | null>,
  chooseImportPaths: (kind: 'files' | 'folder') => ipcRenderer.invoke('dialog:choose-import-paths', kind) as Promise<string[]>,
  pathForFile: (file: File) => webUtils.getPathForFile(file),
  downloadUrl: (ticket: DownloadTicket) => `${DOWNLOAD_ORIGIN}${ticket.token}/${encodeURIComponent(ticket.fileName)}`,
} satisfies RendererApi;

contextBridge.exposeInMainWorld('api', api);
