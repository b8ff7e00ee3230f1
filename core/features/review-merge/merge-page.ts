/**
 * The merge view as the screen asks for it: a page of items with the decisions and resolutions of
 * the record of reviews, and the counts the screen shows for the whole list. Ten replies that each
 * suggest a change to 300 items make a view of about 22 MB (each suggestion carries the base, the
 * suggested and the merged answer); the screen shows ten items at a time, so only those are sent.
 */
import { AppError } from '../../errors';
import type { ItemReview, MergeView, ReviewLedger } from '../../review';
import type { MergeItem, MergePage, MergePageQuery, MergeViewInfo } from './contract';

type Review = ReviewLedger['reviews'][number];

/** The record of each review by id (looked up for each of thousands of suggestions). */
const byReview = (ledger: ReviewLedger): Map<string, Review> => new Map(ledger.reviews.map((r) => [r.reviewId, r]));

/** A comment not resolved or a suggestion not decided. */
function isOpen(item: ItemReview, reviews: Map<string, Review>): boolean {
  return item.suggestions.some((s) => !reviews.get(s.reviewId)?.decisions[s.id]) || item.comments.some((c) => !reviews.get(c.reviewId)?.resolved[c.id]);
}

/** One item as the contract carries it: each suggestion with its decision, each comment with its resolution. */
function annotated(item: ItemReview, reviews: Map<string, Review>): MergeItem {
  const suggestions = item.suggestions.map((s) => {
    const decision = reviews.get(s.reviewId)?.decisions[s.id];
    return { ...s, conflicts: s.conflicts.map((c) => ({ ...c, where: { ...c.where } })), ...(decision ? { decision } : {}) };
  });
  const comments = item.comments.map((c) => {
    const resolved = reviews.get(c.reviewId)?.resolved[c.id];
    return { ...c, ...(resolved ? { resolved } : {}) };
  });
  return { ...item, suggestions, comments, open: isOpen(item, reviews) };
}

const repliesOf = (view: MergeView): MergeViewInfo['replies'] => view.replies.map(({ sha256: _sha, ...r }) => r);

/** The whole view, every item annotated (`getMergeView`). */
export function wholeView(view: MergeView, ledger: ReviewLedger, revision: number): MergeViewInfo {
  const reviews = byReview(ledger);
  return { replies: repliesOf(view), items: view.items.map((item) => annotated(item, reviews)), revision };
}

/**
 * One page of the view (`getMergePage`): the items from `offset` (in checklist order, only the open
 * ones with `openOnly`), at most `limit` of them, annotated; the counts are over the whole view.
 * An offset past the end of the list is refused: the list changed since it was read.
 */
export function pageOfView(view: MergeView, ledger: ReviewLedger, revision: number, query: MergePageQuery): MergePage {
  const reviews = byReview(ledger);
  const open = view.items.map((item) => isOpen(item, reviews));
  const matching = query.openOnly ? view.items.filter((_, i) => open[i]) : view.items;
  if (query.offset > matching.length) throw new AppError('merge:errors.pageOutOfRange', { offset: query.offset, total: matching.length });
  let cleanLeft = 0;
  for (const item of view.items) for (const s of item.suggestions) if (s.status === 'clean' && !reviews.get(s.reviewId)?.decisions[s.id]) cleanLeft++;
  return {
    replies: repliesOf(view),
    revision,
    offset: query.offset,
    total: matching.length,
    counts: { items: view.items.length, open: open.filter(Boolean).length, cleanLeft },
    items: matching.slice(query.offset, query.offset + query.limit).map((item) => annotated(item, reviews)),
  };
}
