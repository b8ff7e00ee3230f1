/**
 * Internal review by ministries: review copies, the reviewer's work and reply, admitting replies,
 * the merge view and accepting suggestions (docs/formats/review.md). The pure parts (schemas,
 * parse, merge, view, work, accept) also run in the renderer; files and hashes need Node.
 */
export * from './schema';
export { parseReply, parseRequest, replyText, nestedDeeperThan } from './parse';
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
