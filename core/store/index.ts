/** Public surface of the draft store: folders, saves, history, attachments, locks, portable copies. */
export { DraftStore, type DraftStoreOptions, type OpenedDraft, type StoredAssessment, type StoreNotice, type HistoryEntry, type RetentionPolicy, type SubmissionStamp } from './draft-store';
export { listAssessments } from './list';
export { DEFAULT_RETENTION, snapshotsToKeep } from './history';
export { DEFAULT_MAX_ATTACHMENT_BYTES } from './attachments';
export { exportCopy, importCopy, companionAttachmentsDir, type ExportResult } from './portable';
export { assessmentPaths, DRAFT_FILE } from './layout';
export { pinForReview, unpinReview, listPins, pinnedRevisions, type RevisionPin } from './pins';
