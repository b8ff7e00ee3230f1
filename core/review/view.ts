/**
 * The merge view: every admitted reply combined per item — the comments of every institution and
 * each suggestion with its merge status against the current answer. Only items with a comment or
 * a suggestion appear, in checklist order. Differences for display are computed per item, when
 * shown (core/diff `diffAnswer`), not here: this stays cheap for ten replies on 300 items.
 */
import type { ChecklistItem, ChecklistPack } from '../checklist/schema';
import type { ItemType } from '../checklist/vocabulary';
import { itemsInOrder, type Answers } from '../diff/answers';
import { jsonEqual } from '../diff/equal';
import { mergeAnswer, MERGE_STATUSES, type ConflictPart, type MergeStatus } from './merge';
import type { AdmittedReply } from './admit';
import type { ReviewBase, Reviewer, Verdict } from './schema';

export interface ReplySummary {
  reviewId: string;
  sha256: string;
  reviewer: Reviewer;
  verdict: Verdict;
  note?: string;
  returnedAt: string;
  base: ReviewBase;
  comments: number;
  suggestions: number;
}

export interface ItemComment {
  reviewId: string;
  institution: string;
  reviewer: string;
  id: string;
  field?: string;
  text: string;
  at: string;
}

export interface SuggestionView {
  reviewId: string;
  institution: string;
  reviewer: string;
  id: string;
  note?: string;
  at: string;
  /** The answer in the base the reviewer saw, and the one they suggest. */
  base: unknown;
  theirs: unknown;
  status: MergeStatus;
  merged?: unknown;
  conflicts: ConflictPart[];
  /** Another institution suggests something else for this item. */
  competing: boolean;
}

export interface ItemReview {
  itemId: string;
  sectionId: string;
  type: ItemType;
  comments: ItemComment[];
  suggestions: SuggestionView[];
}

export interface MergeView {
  replies: ReplySummary[];
  items: ItemReview[];
  counts: Record<MergeStatus, number> & { comments: number };
}

const indexes = new WeakMap<ChecklistPack, Map<string, ChecklistItem>>();
function itemIndex(pack: ChecklistPack): Map<string, ChecklistItem> {
  let index = indexes.get(pack);
  if (!index) indexes.set(pack, (index = new Map(itemsInOrder(pack).map(({ item }) => [item.id, item]))));
  return index;
}

function summary(r: AdmittedReply): ReplySummary {
  const { reply } = r;
  return {
    reviewId: reply.reviewId,
    sha256: r.sha256,
    reviewer: reply.reviewer,
    verdict: reply.verdict,
    ...(reply.note !== undefined ? { note: reply.note } : {}),
    returnedAt: reply.returnedAt,
    base: reply.base,
    comments: reply.comments.length,
    suggestions: reply.suggestions.length,
  };
}

/** Combine `replies` (admitted, admit.ts) against `current`, the answers of the draft as it is now. */
export function buildMergeView(pack: ChecklistPack, current: Answers, replies: readonly AdmittedReply[]): MergeView {
  const comments = new Map<string, ItemComment[]>();
  const suggestions = new Map<string, SuggestionView[]>();
  const counts = { ...(Object.fromEntries(MERGE_STATUSES.map((s) => [s, 0])) as Record<MergeStatus, number>), comments: 0 };
  const items = itemIndex(pack);
  for (const r of replies) {
    const { reviewId } = r.reply;
    const { institution, name: reviewer } = r.reply.reviewer;
    // Objects of one fixed shape, optional members set afterwards: spreading them in cost more than the merges.
    for (const c of r.reply.comments) {
      const comment: ItemComment = { reviewId, institution, reviewer, id: c.id, text: c.text, at: c.at };
      if (c.field !== undefined) comment.field = c.field;
      const list = comments.get(c.itemId);
      if (list) list.push(comment);
      else comments.set(c.itemId, [comment]);
      counts.comments++;
    }
    for (const s of r.reply.suggestions) {
      const base = r.known.draft.answers[s.itemId];
      const merge = mergeAnswer(items.get(s.itemId), base, current[s.itemId], s.answer);
      const view: SuggestionView = { reviewId, institution, reviewer, id: s.id, at: s.at, base, theirs: s.answer, status: merge.status, conflicts: merge.conflicts, competing: false };
      if (s.note !== undefined) view.note = s.note;
      if (merge.merged !== undefined) view.merged = merge.merged;
      const list = suggestions.get(s.itemId);
      if (list) list.push(view);
      else suggestions.set(s.itemId, [view]);
      counts[merge.status]++;
    }
  }
  for (const list of suggestions.values()) {
    if (list.length < 2) continue;
    for (const s of list) s.competing = list.some((o) => o !== s && o.reviewId !== s.reviewId && !jsonEqual(o.theirs, s.theirs));
  }
  const out: ItemReview[] = [];
  for (const { item, sectionId } of itemsInOrder(pack)) {
    const c = comments.get(item.id);
    const s = suggestions.get(item.id);
    if (c || s) out.push({ itemId: item.id, sectionId, type: item.type, comments: c ?? [], suggestions: s ?? [] });
  }
  return { replies: replies.map(summary), items: out, counts };
}
