/** Making the request of a review copy from the focal point's draft. */
import { AppError } from '../errors';
import { describeIssues } from '../checklist/issues';
import type { ChecklistPack } from '../checklist/schema';
import type { Draft } from '../draft/schema';
import { contentSha256, draftContent } from './content-hash';
import { REVIEW_REQUEST_FORMAT, REVIEW_REQUEST_SCHEMA_VERSION, ReviewRequestSchema, type ReviewRequest, type ReviewScope } from './schema';

/** What the focal point chooses when sending a draft for review. */
export interface SendForReview {
  to: { institution: string; name?: string };
  /** Section ids, or all sections (the default). */
  scope?: ReviewScope;
  dueDate?: string;
  message?: string;
  /** Who asks; by default the draft's first focal point. */
  from?: { name: string; institution: string };
  now?: Date;
  /** For tests; a fresh UUID otherwise. */
  reviewId?: string;
}

/**
 * The `review-request.json` of a copy of `draft` (the revision it is sent from: its base). Section
 * ids are checked against the pack (`review:errors.unknownSection`); anything else the schema
 * refuses gives `review:errors.requestInvalid` naming the field.
 */
export function buildReviewRequest(draft: Draft, pack: ChecklistPack, options: SendForReview): ReviewRequest {
  const scope = options.scope ?? 'all';
  if (scope !== 'all') {
    const known = new Set(pack.sections.map((s) => s.id));
    const unknown = scope.find((id) => !known.has(id));
    if (unknown !== undefined) throw new AppError('review:errors.unknownSection', { section: unknown, list: [...known].join(', ') });
  }
  const focal = draft.assessment.focalPoints[0];
  const from = options.from ?? { name: focal?.name ?? '', institution: focal?.institution ?? '' };
  const to = { institution: options.to.institution.trim(), ...(options.to.name?.trim() ? { name: options.to.name.trim() } : {}) };
  const candidate = {
    format: REVIEW_REQUEST_FORMAT,
    schemaVersion: REVIEW_REQUEST_SCHEMA_VERSION,
    reviewId: options.reviewId ?? globalThis.crypto.randomUUID(),
    createdAt: (options.now ?? new Date()).toISOString(),
    from,
    to,
    ...(options.message?.trim() ? { message: options.message.trim() } : {}),
    ...(options.dueDate !== undefined ? { dueDate: options.dueDate } : {}),
    scope,
    base: { draftId: draft.id, revision: draft.revision, contentSha256: contentSha256(draft) },
    draft: draftContent(draft),
  };
  const parsed = ReviewRequestSchema.safeParse(candidate);
  if (!parsed.success) throw new AppError('review:errors.requestInvalid', describeIssues(parsed.error));
  return parsed.data;
}

/** The item ids a request asks about, in checklist order. */
export function itemsInScope(request: Pick<ReviewRequest, 'scope'>, pack: ChecklistPack): string[] {
  const sections = request.scope === 'all' ? pack.sections : pack.sections.filter((s) => (request.scope as string[]).includes(s.id));
  return sections.flatMap((s) => s.items.map((i) => i.id));
}
