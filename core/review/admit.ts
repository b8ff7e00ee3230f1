/**
 * Which replies may be merged into a draft. A reply is refused, with a translated reason, when it
 * is for another draft, for a base the focal point does not have (or whose content differs: the
 * revision was restored over or the copy edited), already imported, about items the checklist does
 * not have, or suggesting an answer the item cannot take. Nothing is changed by a refusal.
 */
import { AppError } from '../errors';
import { formatIssuePath } from '../checklist/issues';
import type { ChecklistPack } from '../checklist/schema';
import { EvidenceAnswerSchema } from '../draft/answers';
import type { Draft } from '../draft/schema';
import { itemsInOrder } from '../diff/answers';
import { REVIEW_LIMITS, type ReviewBase, type ReviewReply } from './schema';
import { cachedAnswerSchema } from './item-schema';

/** A reply as read, with the hash of its content (content-hash.ts `replySha256`). */
export interface ReceivedReply {
  reply: ReviewReply;
  sha256: string;
  /** Where it came from (a file name), for messages. */
  source?: string;
}

/** A base revision the focal point holds: pinned in the store, or read from a review copy. */
export interface KnownBase {
  base: ReviewBase;
  draft: Pick<Draft, 'answers' | 'attachments'>;
}

/** A reply version already imported earlier (the app keeps these). */
export interface ImportedReply {
  reviewId: string;
  sha256: string;
}

export interface AdmitContext {
  pack: ChecklistPack;
  /** The id of the draft the replies are merged into. */
  draftId: string;
  bases: readonly KnownBase[];
  imported?: readonly ImportedReply[];
}

export interface AdmittedReply extends ReceivedReply {
  known: KnownBase;
  /** An earlier version of this reply was imported before; this one replaces it. */
  supersedes: boolean;
}

export interface Refusal {
  received: ReceivedReply;
  error: AppError;
}

const MAX_LISTED = 5;

function checkItems(reply: ReviewReply, pack: ChecklistPack, known: KnownBase): void {
  const items = new Map(itemsInOrder(pack).map(({ item }) => [item.id, item]));
  const unknown = [...new Set([...reply.comments, ...reply.suggestions].map((n) => n.itemId).filter((id) => !items.has(id)))];
  if (unknown.length > 0) throw new AppError('review:errors.unknownItems', { items: unknown.slice(0, MAX_LISTED).join(', '), count: unknown.length });
  const files = new Set(known.draft.attachments.map((a) => a.sha256));
  for (const s of reply.suggestions) {
    const item = items.get(s.itemId);
    if (!item) continue;
    const parsed = cachedAnswerSchema(item).safeParse(s.answer);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('review:errors.invalidSuggestion', { itemId: s.itemId, path: issue ? formatIssuePath(issue.path) || '(root)' : '(root)', problem: issue?.message ?? 'invalid' });
    }
    // A reviewer cannot attach files: a suggested evidence answer may only name files the base had.
    if (item.type === 'evidence' && EvidenceAnswerSchema.parse(s.answer).files.some((f) => !files.has(f))) {
      throw new AppError('review:errors.suggestionUnknownFile', { itemId: s.itemId });
    }
  }
}

/** Admit one reply, or throw the AppError that says why not. */
export function admitReply(received: ReceivedReply, ctx: AdmitContext): AdmittedReply {
  const { reply } = received;
  const institution = reply.reviewer.institution;
  if (reply.base.draftId !== ctx.draftId) throw new AppError('review:errors.otherDraft', { institution });
  const sameRevision = ctx.bases.filter((b) => b.base.draftId === reply.base.draftId && b.base.revision === reply.base.revision);
  const known = sameRevision.find((b) => b.base.contentSha256 === reply.base.contentSha256);
  if (!known) {
    throw new AppError(sameRevision.length > 0 ? 'review:errors.baseChanged' : 'review:errors.unknownBase', { institution, revision: reply.base.revision });
  }
  const earlier = (ctx.imported ?? []).filter((i) => i.reviewId === reply.reviewId);
  if (earlier.some((i) => i.sha256 === received.sha256)) throw new AppError('review:errors.alreadyImported', { institution });
  checkItems(reply, ctx.pack, known);
  return { ...received, known, supersedes: earlier.length > 0 };
}

/**
 * Admit several replies at once, in the order given. Of two versions of one reply (same review id)
 * only the one returned last is admitted; the other is refused as a duplicate or an older version.
 */
export function admitReplies(list: readonly ReceivedReply[], ctx: AdmitContext): { admitted: AdmittedReply[]; refused: Refusal[] } {
  if (list.length > REVIEW_LIMITS.replies) throw new AppError('review:errors.tooManyReplies', { count: list.length, max: REVIEW_LIMITS.replies });
  // Index of the version used for each review: the last returned (the later one given, on a tie).
  const latest = new Map<string, number>();
  list.forEach((r, i) => {
    const held = latest.get(r.reply.reviewId);
    if (held === undefined || r.reply.returnedAt >= (list[held] as ReceivedReply).reply.returnedAt) latest.set(r.reply.reviewId, i);
  });
  const admitted: AdmittedReply[] = [];
  const refused: Refusal[] = [];
  for (const [i, r] of list.entries()) {
    const chosen = list[latest.get(r.reply.reviewId) as number] as ReceivedReply;
    if (latest.get(r.reply.reviewId) !== i) {
      const key = chosen.sha256 === r.sha256 ? 'review:errors.duplicateReply' : 'review:errors.olderVersion';
      refused.push({ received: r, error: new AppError(key, { institution: r.reply.reviewer.institution }) });
      continue;
    }
    try {
      admitted.push(admitReply(r, ctx));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      refused.push({ received: r, error: err });
    }
  }
  return { admitted, refused };
}
