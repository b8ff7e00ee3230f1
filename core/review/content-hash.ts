/**
 * The content hash that ties a review copy and its replies to one revision of a draft: SHA-256 of
 * the canonical JSON (core/bundle/canonical-json.ts, RFC 8785 for these values) of the parts a
 * user edits — `{assessment, checklist, answers, attachments}` — so two copies of the same revision
 * hash alike whatever their file's spacing, key order, revision number or change log.
 */
import { createHash } from 'node:crypto';
import { canonicalJsonBytes } from '../bundle/canonical-json';
import type { Draft } from '../draft/schema';
import type { ReviewBase, ReviewDraft, ReviewReply } from './schema';

type Content = Pick<Draft, 'assessment' | 'checklist' | 'answers' | 'attachments'>;

/** The edited content of a draft, as a review copy carries it. */
export function draftContent(d: Content): ReviewDraft {
  return { assessment: d.assessment, checklist: d.checklist, answers: d.answers, attachments: d.attachments };
}

/** Lowercase hex SHA-256 of the canonical JSON of the draft's content. */
export function contentSha256(d: Content): string {
  return createHash('sha256').update(canonicalJsonBytes(draftContent(d))).digest('hex');
}

/** The base a review of this draft revision records. */
export function reviewBaseOf(draft: Draft): ReviewBase {
  return { draftId: draft.id, revision: draft.revision, contentSha256: contentSha256(draft) };
}

/**
 * What identifies one version of a reply: the hash of its canonical JSON. The same reply imported
 * twice (even re-saved with other spacing) has the same hash; a reply written again after more
 * work has another.
 */
export function replySha256(reply: ReviewReply): string {
  return createHash('sha256').update(canonicalJsonBytes(reply)).digest('hex');
}
