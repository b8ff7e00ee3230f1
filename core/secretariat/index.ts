/** Public surface of the secretariat workspace: folder, key registry, import, countersignature. */
export { createWorkspace, openWorkspace, saveWorkspaceInfo, type Notice, type OpenOptions, type Workspace } from './workspace';
export { loadIndex, type IndexOptions } from './index-file';
export { importBundles, recheckHeld, type ImportDecision, type ImportOptions, type ImportProgress, type ImportReport } from './import';
export { addKey, applyReplacement, revokeKey, type AddKeyInput, type RegistryChange } from './registry';
export { heldReason, signersOf } from './registry-lookup';
export { chooseCurrent, currentSubmissions, seriesKey, submissionSeries, type SubmissionSeries } from './current';
export { countersignBundle, CountersignRefusedError, type CountersignOptions, type CountersignResult } from './countersign';
export { readBundleFacts, readStoredSubmission } from './bundle-facts';
export { IMPORT_LIMITS, WORKSPACE_DIRS, WORKSPACE_FILES } from './layout';
export * from './schemas';
