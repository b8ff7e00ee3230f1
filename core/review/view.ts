/**
 * The merge view: every admitted reply combined per item — the comments of every institution and
 * each suggestion with its merge status against the current answer. Only items with a comment or
 * a suggestion appear, in checklist order. Differences for display are computed per item, when
 * shown (core/diff `diffAnswer`), not here: this stays cheap for ten replies on 300 items.
 */
import type { ChecklistPack } from '../checklist/schema';
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
  const items = new Map(itemsInOrder(pack).map(({ item }) => [item.id, item]));
  for (const r of replies) {
    const who = { reviewId: r.reply.reviewId, institution: r.reply.reviewer.institution, reviewer: r.reply.reviewer.name };
    for (const c of r.reply.comments) {
      const list = comments.get(c.itemId) ?? [];
      list.push({ ...who, id: c.id, ...(c.field !== undefined ? { field: c.field } : {}), text: c.text, at: c.at });
      comments.set(c.itemId, list);
      counts.comments++;
    }
    for (const s of r.reply.suggestions) {
      const base = r.known.draft.answers[s.itemId];
      const merge = mergeAnswer(items.get(s.itemId), base, current[s.itemId], s.answer);
      const list = suggestions.get(s.itemId) ?? [];
      list.push({
        ...who,
        id: s.id,
        ...(s.note !== undefined ? { note: s.note } : {}),
        at: s.at,
        base,
        theirs: s.answer,
        status: merge.status,
        ...(merge.merged !== undefined ? { merged: merge.merged } : {}),
        conflicts: merge.conflicts,
        competing: false,
      });
      suggestions.set(s.itemId, list);
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
