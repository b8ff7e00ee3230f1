import { promises as fs } from 'node:fs';
import { findPack } from '../checklist/registry';
import type { Draft } from '../draft/schema';
import { draftProgress, type DraftProgress } from '../draft/progress';
import { contentKey } from './changes';
import { readAssessmentState, type AssessmentState } from './assessment-state';
import { assessmentPaths, assessmentsRoot, type AssessmentPaths } from './layout';
import { readDraftFile } from './read';
import { latestPinned } from './submitted';

/** The latest signed export of an assessment, and whether the draft has changed since. */
export interface LatestSubmission {
  submissionRevision: number;
  exportedAt: string;
  /** The current draft's content (details, checklist, answers, attachments) differs from what was signed. */
  changed: boolean;
}

/** Summary of one assessment on disk, for the list of assessments. */
export interface StoredAssessment {
  id: string;
  countryCode: string;
  checklistId: string;
  checklistVersion: string;
  responseLanguage: Draft['assessment']['responseLanguage'];
  revision: number;
  updatedAt: string;
  /** Answered of relevant items under the draft's own pack; null when this app does not carry that pack. */
  progress: DraftProgress | null;
  submission: LatestSubmission | null;
  archivedAt: string | null;
  copy: { n: number; of: string; openedAt: string } | null;
}

/** The summary of an assessment whose draft has been read. */
export async function summarize(paths: AssessmentPaths, id: string, d: Draft, known?: AssessmentState): Promise<StoredAssessment> {
  const pack = findPack(d.checklist)?.pack;
  const pinned = await latestPinned(paths.submitted);
  const state = known ?? (await readAssessmentState(paths.state));
  return {
    id,
    countryCode: d.assessment.countryCode,
    checklistId: d.checklist.id,
    checklistVersion: d.checklist.version,
    responseLanguage: d.assessment.responseLanguage,
    revision: d.revision,
    updatedAt: d.updatedAt,
    progress: pack ? draftProgress(pack, d.answers) : null,
    submission: pinned
      ? { submissionRevision: pinned.entry.submission.submissionRevision, exportedAt: pinned.entry.submission.exportedAt, changed: contentKey(pinned.draft) !== contentKey(d) }
      : null,
    archivedAt: state.archivedAt,
    copy: state.copy ? { n: state.copy.n, of: state.copy.of, openedAt: state.copy.openedAt } : null,
  };
}

/** Assessments under `dataDir` with a readable draft, most recently updated first. Read-only: no lock, no recovery. */
export async function listAssessments(dataDir: string): Promise<StoredAssessment[]> {
  const names = await fs.readdir(assessmentsRoot(dataDir)).catch(() => [] as string[]);
  const out: StoredAssessment[] = [];
  for (const name of names) {
    let paths: AssessmentPaths;
    try {
      paths = assessmentPaths(dataDir, name);
    } catch {
      continue;
    }
    const r = await readDraftFile(paths.draft);
    if (!r.ok) continue;
    out.push(await summarize(paths, name, r.draft));
  }
  return out.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
}
