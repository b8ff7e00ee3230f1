/**
 * What this computer keeps about an assessment beside its draft, in `<assessment>/assessment-state.json`
 * (docs/formats/draft.md, "Assessment state"): whether the user archived it, and for a second copy of
 * an assessment opened from a file ("keep both"), its number, so two rows of the list never look the
 * same. None of it is part of the draft: it does not travel in a copy or a bundle.
 */
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic';
import { createLogger } from '../log';
import { AssessmentIdSchema } from '../draft/schema';

const log = createLogger('assessment-state');

export const STATE_SCHEMA_VERSION = 1;

export const AssessmentStateSchema = z
  .object({
    schemaVersion: z.literal(STATE_SCHEMA_VERSION),
    kind: z.literal('scsa-assessment-state'),
    archivedAt: z.iso.datetime().nullable().default(null).describe('When the user archived the assessment; null while it is in the list.'),
    copy: z
      .object({
        of: AssessmentIdSchema.describe('The id the file carried, taken here by another assessment.'),
        n: z.number().int().positive().max(1_000_000).describe('Copy number shown in the list: 1 for the first copy kept beside it.'),
        openedAt: z.iso.datetime(),
      })
      .strict()
      .nullable()
      .default(null)
      .describe('Set when a file copy was opened beside an assessment with the same id ("keep both").'),
  })
  .strict();
export type AssessmentState = z.infer<typeof AssessmentStateSchema>;

export const EMPTY_STATE: AssessmentState = { schemaVersion: STATE_SCHEMA_VERSION, kind: 'scsa-assessment-state', archivedAt: null, copy: null };

/**
 * The state of an assessment. Forgiving: a missing file is the empty state; a damaged one, or one from
 * a newer app, is read as empty too (an archived assessment then shows in the list again, which loses
 * nothing) and a line is logged. Small files only: anything over 64 KB is not read.
 */
export async function readAssessmentState(file: string): Promise<AssessmentState> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat) return EMPTY_STATE;
  if (!stat.isFile() || stat.size > 64 * 1024) {
    log.warn(`assessment state ${file} is not a small file; ignored`);
    return EMPTY_STATE;
  }
  try {
    return AssessmentStateSchema.parse(JSON.parse(await fs.readFile(file, 'utf8')));
  } catch (err) {
    log.warn(`assessment state ${file} cannot be read; ignored`, err instanceof Error ? err.message : err);
    return EMPTY_STATE;
  }
}

/** Change the state of an assessment (read, change, atomic write). */
export async function updateAssessmentState(file: string, change: (state: AssessmentState) => AssessmentState): Promise<AssessmentState> {
  const next = AssessmentStateSchema.parse(change(await readAssessmentState(file)));
  await writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`);
  return next;
}
