/**
 * The per-assessment record of signed exports (`<dataDir>/submissions/<assessment id>.json`, see
 * docs/formats/submission-log.md). The draft schema has no field for the submission revision, and
 * the draft is the focal point's working document, so the count of exports lives beside it. The
 * bundles themselves are kept beside it too, in `<dataDir>/submissions/<assessment id>/`, as the
 * record of what was sent and the source of every download.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic, quarantine } from '../../fs/atomic';
import { openRegularFile } from '../../fs/open-regular';
import { createLogger } from '../../log';
import { submissionUrlPath } from './submission-paths';

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

/** The folder an assessment's bundles are exported into (temp file and rename happen inside it). */
export function keptBundleDir(dataDir: string, assessmentId: string): string {
  return path.join(dataDir, 'submissions', assessmentId);
}

/**
 * Open a kept bundle for a download: only names the app writes (submission-paths.ts), only a regular
 * file (lstat, then O_NOFOLLOW and fstat on the open file), never anything else of the data folder.
 * Null for everything else; the caller closes the handle.
 */
export async function openKeptBundle(dataDir: string, assessmentId: string, fileName: string): Promise<{ handle: fs.FileHandle; size: number } | null> {
  if (submissionUrlPath(assessmentId, fileName) === null) return null;
  return openRegularFile(path.join(keptBundleDir(dataDir, assessmentId), fileName));
}

/** The log's exports with the size of each kept file (null once it is gone), oldest first. */
export async function listKeptSubmissions(dataDir: string, assessmentId: string): Promise<Array<SubmissionRecord & { size: number | null }>> {
  const logged = await readSubmissionLog(submissionLogFile(dataDir, assessmentId));
  return Promise.all(
    logged.exports.map(async (record) => {
      const stat = submissionUrlPath(assessmentId, record.fileName) === null ? null : await fs.lstat(path.join(keptBundleDir(dataDir, assessmentId), record.fileName)).catch(() => null);
      return { ...record, size: stat?.isFile() ? stat.size : null };
    }),
  );
}
