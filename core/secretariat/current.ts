import { AppError } from '../errors';
import type { Submission } from '../bundle/submission';
import { readStoredSubmission } from './bundle-facts';
import type { IndexFile, StoredSubmission, WorkspaceFile } from './schemas';
import { saveWorkspaceInfo, type Workspace } from './workspace';

/** One country's submissions on one checklist: the current one and every revision kept. */
export interface SubmissionSeries {
  /** `"<ISO3> <checklist id>"`, the key of workspace.json `current`. */
  key: string;
  country: string;
  checklistId: string;
  current: StoredSubmission;
  /** Oldest first: by submission revision, then Bagging-Date. */
  revisions: StoredSubmission[];
  /** More than one submission has the highest revision and the analyst has not picked one. */
  conflict: boolean;
}

export const seriesKey = (s: Pick<StoredSubmission, 'country' | 'checklistId'>): string => `${s.country} ${s.checklistId}`;

/**
 * The stored submissions grouped by country and checklist, in country-code order (a screen sorts
 * by the country's name in its own language; never by anything a submission answers). The current
 * one is the highest revision; among several of that revision, the analyst's pick if any, else the
 * earliest bagged, flagged as a conflict.
 */
export function submissionSeries(index: Pick<IndexFile, 'submissions'>, info: Pick<WorkspaceFile, 'current'>): SubmissionSeries[] {
  const groups = new Map<string, StoredSubmission[]>();
  for (const s of index.submissions) groups.set(seriesKey(s), [...(groups.get(seriesKey(s)) ?? []), s]);
  const out: SubmissionSeries[] = [];
  for (const [key, list] of groups) {
    const revisions = [...list].sort((a, b) => a.submissionRevision - b.submissionRevision || a.baggingDate.localeCompare(b.baggingDate) || a.file.localeCompare(b.file));
    const top = revisions[revisions.length - 1] as StoredSubmission;
    const tied = revisions.filter((s) => s.submissionRevision === top.submissionRevision);
    const picked = tied.find((s) => s.file === info.current?.[key]);
    out.push({ key, country: top.country, checklistId: top.checklistId, current: picked ?? (tied[0] as StoredSubmission), revisions, conflict: tied.length > 1 && !picked });
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * Record the analyst's pick of the current submission among conflicting ones. The pick counts while
 * it has the highest revision of its series: a later revision, once imported, is current again.
 */
export async function chooseCurrent(ws: Workspace, index: Pick<IndexFile, 'submissions'>, file: string): Promise<void> {
  const chosen = index.submissions.find((s) => s.file === file);
  if (!chosen) throw new AppError('secretariat:errors.submissionNotFound', { file: file.slice(0, 200) });
  await saveWorkspaceInfo(ws, { ...ws.info, current: { ...(ws.info.current ?? {}), [seriesKey(chosen)]: chosen.file } });
}

/**
 * The current submission of every series, read one at a time from its stored bundle (for the
 * analysis: `{submission, origin}` with the stored name as origin). A stored bundle that can no
 * longer be read is skipped and named in `unreadable`.
 */
export async function* currentSubmissions(ws: Workspace, index: Pick<IndexFile, 'submissions'>, unreadable: string[] = []): AsyncIterable<{ submission: Submission; origin: string }> {
  for (const series of submissionSeries(index, ws.info)) {
    const submission = await readStoredSubmission(ws.path(series.current.file));
    if (submission) yield { submission, origin: series.current.file };
    else unreadable.push(series.current.file);
  }
}
