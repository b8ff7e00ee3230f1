/**
 * The per-assessment record of signed exports (`<dataDir>/submissions/<assessment id>.json`, see
 * docs/formats/submission-log.md). The draft schema has no field for the submission revision, and
 * the draft is the focal point's working document, so the count of exports lives beside it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic, quarantine } from '../fs/atomic';
import { createLogger } from '../log';

const log = createLogger('submission-log');

export const SubmissionLogSchema = z
  .object({
    schemaVersion: z.literal(1),
    exports: z.array(
      z
        .object({
          submissionRevision: z.number().int().positive(),
          draftRevision: z.number().int().nonnegative(),
          externalIdentifier: z.string(),
          fingerprint: z.string(),
          fileName: z.string(),
          exportedAt: z.string(),
        })
        .strict(),
    ),
  })
  .strict();
export type SubmissionLog = z.infer<typeof SubmissionLogSchema>;
export type SubmissionRecord = SubmissionLog['exports'][number];

const EMPTY: SubmissionLog = { schemaVersion: 1, exports: [] };

export function submissionLogFile(dataDir: string, assessmentId: string): string {
  return path.join(dataDir, 'submissions', `${assessmentId}.json`);
}

/** The log of an assessment; missing means no export yet, and a damaged file is moved aside (the next export starts a new log). */
export async function readSubmissionLog(file: string): Promise<SubmissionLog> {
  const text = await fs.readFile(file, 'utf8').catch(() => null);
  if (text === null) return EMPTY;
  try {
    return SubmissionLogSchema.parse(JSON.parse(text));
  } catch (err) {
    log.error(`damaged submission log ${path.basename(file)}, moved aside`, err);
    await quarantine(file).catch((e: unknown) => log.error('quarantine failed', e));
    return EMPTY;
  }
}

/** The revision the next export carries: one more than the highest exported so far. */
export function nextSubmissionRevision(logFile: SubmissionLog): number {
  return logFile.exports.reduce((max, e) => Math.max(max, e.submissionRevision), 0) + 1;
}

export async function appendSubmission(file: string, record: SubmissionRecord): Promise<void> {
  const current = await readSubmissionLog(file);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const next: SubmissionLog = { schemaVersion: 1, exports: [...current.exports, record] };
  await writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`);
}
