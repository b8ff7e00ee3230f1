import path from 'node:path';
import { AppError } from '../errors';
import { AssessmentIdSchema } from '../draft/schema';

/** File name of the current draft inside an assessment folder. */
export const DRAFT_FILE = 'draft.scsa.json';
export const HISTORY_DIR = 'history';
/** Frozen copies of the exported revisions (see submitted.ts); retention never looks here. */
export const SUBMITTED_DIR = 'submitted';
export const ATTACHMENTS_DIR = 'attachments';
export const LOCK_FILE = '.lock';
/** Revisions kept for open reviews (see pins.ts). */
export const PINS_FILE = 'pins.json';
/** What this computer keeps about an assessment beside its draft (archived, a copy's number): see assessment-state.ts. */
export const STATE_FILE = 'assessment-state.json';

/** Where one assessment lives: `<dataDir>/assessments/<id>/`. */
export interface AssessmentPaths {
  dir: string;
  draft: string;
  history: string;
  submitted: string;
  attachments: string;
  lock: string;
  pins: string;
  state: string;
}

export function assessmentsRoot(dataDir: string): string {
  return path.join(dataDir, 'assessments');
}

/** Paths for an assessment id; refuses ids that could escape the data folder. */
export function assessmentPaths(dataDir: string, id: string): AssessmentPaths {
  if (!AssessmentIdSchema.safeParse(id).success) throw new AppError('drafts:errors.badAssessmentId', { id: id.slice(0, 80) });
  const dir = path.join(assessmentsRoot(dataDir), id);
  return {
    dir,
    draft: path.join(dir, DRAFT_FILE),
    history: path.join(dir, HISTORY_DIR),
    submitted: path.join(dir, SUBMITTED_DIR),
    attachments: path.join(dir, ATTACHMENTS_DIR),
    lock: path.join(dir, LOCK_FILE),
    pins: path.join(dir, PINS_FILE),
    state: path.join(dir, STATE_FILE),
  };
}
