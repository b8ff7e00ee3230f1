/**
 * Internal review by ministries: review copies, the reviewer's work and reply, admitting replies,
 * the merge view, accepting suggestions and the focal point's ledger (docs/formats/review.md).
 * This index needs Node (files, hashes); the screens import the pure modules directly: schema,
 * parse, merge, view, work, admit, accept, record, ledger (test/unit/review/pure.test.ts).
 */
export * from './schema';
export { parseReply, parseRequest, parseLedger, replyText, nestedDeeperThan, LEDGER_MAX_BYTES } from './parse';
export { contentSha256, draftContent, reviewBaseOf, replySha256 } from './content-hash';
export { buildReviewRequest, itemsInScope, type SendForReview } from './request';
export { writeReviewCopy, readReviewCopy, REQUEST_FILE, COPY_LIMITS, type OpenedReviewCopy, type WrittenCopy } from './copy-file';
export { readReplyFile, writeReplyFile } from './reply-file';
export { mergeAnswer, MERGE_STATUSES, type ItemMerge, type MergeStatus, type ConflictPart, type ConflictWhere } from './merge';
export { admitReply, admitReplies, type AdmitContext, type AdmittedReply, type ImportedReply, type KnownBase, type ReceivedReply, type Refusal } from './admit';
export { buildMergeView, type ItemComment, type ItemReview, type MergeView, type ReplySummary, type SuggestionView } from './view';
export { acceptClean, acceptSuggestion, nextRevisionWith, type AcceptResult } from './accept';
export * from './work';
export { consultationOf } from './record';
export * from './ledger';
export { readLedger, writeLedger, readConsultations, LEDGER_FILE } from './ledger-file';
