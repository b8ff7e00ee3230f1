/**
 * Taking suggestions into the draft. Each accepted suggestion is recorded (review, institution,
 * suggestion) so the save that writes it names them in the change log (docs/formats/draft.md).
 */
import { AppError } from '../errors';
import { formatIssuePath } from '../checklist/issues';
import type { ChecklistPack } from '../checklist/schema';
import type { AcceptedSuggestion, Draft } from '../draft/schema';
import { itemsInOrder, type Answers } from '../diff/answers';
import { appendChange } from '../store/changes';
import type { AdmittedReply } from './admit';
import { mergeAnswer, type MergeStatus } from './merge';
import { cachedAnswerSchema } from './item-schema';

export interface AcceptResult {
  answers: Record<string, unknown>;
  accepted: AcceptedSuggestion[];
}

function record(r: AdmittedReply, itemId: string, suggestionId: string): AcceptedSuggestion {
  return { itemId, reviewId: r.reply.reviewId, institution: r.reply.reviewer.institution, suggestionId };
}

/**
 * Accept one suggestion into `answers`: a clean one as suggested, one that merges as merged. A
 * conflict needs `edited` — the answer the focal point settled on (edit-then-accept), which may also
 * replace any other suggestion — checked against the item (`review:errors.invalidSuggestion`).
 */
export function acceptSuggestion(
  pack: ChecklistPack,
  answers: Answers,
  replies: readonly AdmittedReply[],
  ref: { reviewId: string; suggestionId: string },
  edited?: unknown,
): AcceptResult {
  const r = replies.find((x) => x.reply.reviewId === ref.reviewId);
  const s = r?.reply.suggestions.find((x) => x.id === ref.suggestionId);
  if (!r || !s) throw new AppError('review:errors.suggestionNotFound');
  const item = itemsInOrder(pack).find((x) => x.item.id === s.itemId)?.item;
  if (!item) throw new AppError('review:errors.unknownItems', { items: s.itemId, count: 1 });
  let value: unknown;
  if (edited !== undefined) {
    const parsed = cachedAnswerSchema(item).safeParse(edited);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('review:errors.invalidSuggestion', { itemId: s.itemId, path: issue ? formatIssuePath(issue.path) || '(root)' : '(root)', problem: issue?.message ?? 'invalid' });
    }
    value = parsed.data;
  } else {
    const merge = mergeAnswer(item, r.known.draft.answers[s.itemId], answers[s.itemId], s.answer);
    if (merge.status === 'conflict') throw new AppError('review:errors.conflictUnresolved', { itemId: s.itemId, institution: r.reply.reviewer.institution });
    value = merge.merged;
  }
  return { answers: { ...answers, [s.itemId]: value }, accepted: [record(r, s.itemId, s.id)] };
}

/**
 * "Accept all that apply cleanly": the replies in order, each suggestion checked against the answers
 * as they stand after the ones accepted before it — so of two suggestions on one item only the
 * first can be clean; the second is left for the focal point to look at.
 */
export function acceptClean(pack: ChecklistPack, answers: Answers, replies: readonly AdmittedReply[]): AcceptResult & { statuses: Map<string, MergeStatus> } {
  const items = new Map(itemsInOrder(pack).map(({ item }) => [item.id, item]));
  const next: Record<string, unknown> = { ...answers };
  const accepted: AcceptedSuggestion[] = [];
  const statuses = new Map<string, MergeStatus>();
  for (const r of replies) {
    for (const s of r.reply.suggestions) {
      const merge = mergeAnswer(items.get(s.itemId), r.known.draft.answers[s.itemId], next[s.itemId], s.answer);
      statuses.set(`${r.reply.reviewId}/${s.id}`, merge.status);
      if (merge.status !== 'clean') continue;
      next[s.itemId] = s.answer;
      accepted.push(record(r, s.itemId, s.id));
    }
  }
  return { answers: next, accepted, statuses };
}

/**
 * The next revision of a draft file with `answers` (for the command line, which writes the file
 * itself; the app saves through the store with `save(draft, {accepted})`).
 */
export function nextRevisionWith(draft: Draft, answers: Answers, accepted: readonly AcceptedSuggestion[], now: Date = new Date()): Draft {
  const after: Draft = { ...draft, answers: answers as Draft['answers'] };
  const revision = draft.revision + 1;
  return { ...after, revision, updatedAt: now.toISOString(), changeLog: appendChange(draft, after, revision, now, undefined, undefined, accepted) };
}
