import type { AcceptedSuggestion, ChangeEntry, Draft } from '../draft/schema';

/** Consecutive saves within this span share one change-log entry, so autosave does not flood the log. */
export const CHANGE_SPAN_MS = 5 * 60_000;
/** Oldest change-log entries beyond this many are dropped (history snapshots keep the content). */
export const MAX_CHANGE_ENTRIES = 1000;

/** The parts of a draft a user edits or a checklist move changes; the store owns the rest (revision, times, change log). */
export function contentKey(d: Draft): string {
  return JSON.stringify([d.assessment, d.checklist, d.answers, d.attachments, d.retiredAnswers]);
}

/** Ids whose answers differ between two drafts, added or removed ones included. */
export function changedItems(before: Draft, after: Draft): string[] {
  const ids = new Set([...Object.keys(before.answers), ...Object.keys(after.answers)]);
  return [...ids].filter((id) => JSON.stringify(before.answers[id]) !== JSON.stringify(after.answers[id])).sort();
}

/** The change log after a save from `before` to revision `toRevision` at `now`. */
export function appendChange(
  before: Draft,
  after: Draft,
  toRevision: number,
  now: Date,
  restoredFrom?: number,
  // What changed, when the caller already knows (a save plan): spares comparing every answer again.
  known?: { items: string[]; metadata: boolean },
  // Suggestions from review replies this save accepts: their entry stands alone, naming each review.
  accepted?: readonly AcceptedSuggestion[],
): ChangeEntry[] {
  const at = now.toISOString();
  const items = known?.items ?? changedItems(before, after);
  const metadata =
    known?.metadata ??
    JSON.stringify([before.assessment, before.checklist, before.attachments, before.retiredAnswers]) !==
      JSON.stringify([after.assessment, after.checklist, after.attachments, after.retiredAnswers]);
  const log = [...before.changeLog];
  const last = log[log.length - 1];
  if (
    restoredFrom === undefined &&
    !accepted?.length &&
    last &&
    last.restoredFrom === undefined &&
    !last.accepted &&
    last.toRevision === before.revision &&
    now.getTime() - Date.parse(last.startedAt) < CHANGE_SPAN_MS
  ) {
    log[log.length - 1] = { ...last, toRevision, at, items: [...new Set([...last.items, ...items])].sort(), metadata: last.metadata || metadata };
  } else {
    const entry: ChangeEntry = { fromRevision: before.revision, toRevision, startedAt: at, at, items, metadata };
    if (restoredFrom !== undefined) entry.restoredFrom = restoredFrom;
    if (accepted?.length) entry.accepted = [...accepted];
    log.push(entry);
  }
  return log.slice(-MAX_CHANGE_ENTRIES);
}
