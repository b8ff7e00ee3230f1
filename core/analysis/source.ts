/**
 * Where the analysis gets its submissions. The secretariat workspace (core/secretariat) feeds the
 * current submission of each country; `scsa report --bundles DIR` reads a folder of bundles
 * (folder-source.ts). Both yield parsed `data/submission.json` documents one by one, so the
 * analysis never holds more than one bundle open and never depends on where bundles are kept.
 */
import type { Submission } from '../bundle/submission';

/** One submission with where it came from (a file path, a workspace entry), for messages. */
export interface SourcedSubmission {
  submission: Submission;
  origin: string;
}

/** Something to read the submissions from, once, in any order. */
export interface SubmissionSource {
  submissions(): AsyncIterable<SourcedSubmission>;
}

/** A source over submissions already in memory (tests, the workspace's own index). */
export function memorySource(items: readonly SourcedSubmission[]): SubmissionSource {
  return {
    async *submissions() {
      yield* items;
    },
  };
}

/** Two different submissions with the same country, checklist and revision; the later export is used. */
export interface SubmissionConflict {
  country: string;
  checklistId: string;
  submissionRevision: number;
  used: string;
  ignored: string;
}

export interface CurrentSelection {
  current: SourcedSubmission[];
  /** Earlier revisions, and copies of the same bundle, left out. */
  superseded: number;
  conflicts: SubmissionConflict[];
}

const keyOf = (s: Submission): string => `${s.assessment.countryCode}\u0000${s.checklist.id}`;

/** Whether `a` is the later of two submissions of one country and checklist. */
function isLater(a: Submission, b: Submission): boolean {
  if (a.submissionRevision !== b.submissionRevision) return a.submissionRevision > b.submissionRevision;
  if (a.exportedAt !== b.exportedAt) return a.exportedAt > b.exportedAt;
  return a.externalIdentifier > b.externalIdentifier;
}

/**
 * The current submission of each country for each checklist: the highest submission revision, as
 * the workspace's "supersedes" decides (DESIGN.md, Secretariat workspace). Two different
 * submissions with the same revision are a conflict: the later export is used and the conflict
 * reported, so that the analyst can settle it in the workspace.
 */
export async function currentSubmissions(source: SubmissionSource): Promise<CurrentSelection> {
  const byKey = new Map<string, SourcedSubmission>();
  const conflicts: SubmissionConflict[] = [];
  let superseded = 0;
  for await (const item of source.submissions()) {
    const key = keyOf(item.submission);
    const held = byKey.get(key);
    if (!held) {
      byKey.set(key, item);
      continue;
    }
    superseded++;
    const a = item.submission;
    const b = held.submission;
    const later = isLater(a, b) ? item : held;
    const earlier = later === item ? held : item;
    if (a.submissionRevision === b.submissionRevision && a.externalIdentifier !== b.externalIdentifier) {
      conflicts.push({ country: a.assessment.countryCode, checklistId: a.checklist.id, submissionRevision: a.submissionRevision, used: later.origin, ignored: earlier.origin });
    }
    byKey.set(key, later);
  }
  return { current: [...byKey.values()], superseded, conflicts };
}
