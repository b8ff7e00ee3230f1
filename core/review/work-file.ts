/**
 * The reviewer's side on disk: each review copy opened is kept in its own folder of the data folder,
 * `<dataDir>/reviewing/<reviewId>/`, with the copy as received, the work in progress (autosaved
 * like a draft) and the replies written from it. Reopening the same copy resumes the work.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors';
import { quarantine, writeFileAtomic } from '../fs/atomic';
import { createLogger } from '../log';
import { ReviewIdSchema } from './schema';
import { ReviewWorkSchema, type ReviewWork } from './work';

const log = createLogger('review-work');

export const REVIEWING_DIR = 'reviewing';
export const DESK_FORMAT = 'scsa-review-desk';
export const DESK_SCHEMA_VERSION = 1;

/** Where one review's files live on the reviewer's computer. */
export interface ReviewDeskPaths {
  dir: string;
  /** The review copy as received (read again for its draft and attachments). */
  copy: string;
  /** The work in progress (`scsa-review-work`). */
  work: string;
  /** When the copy was opened and each time a reply was written. */
  desk: string;
  /** The replies written, kept so each can be handed out again. */
  replies: string;
}

export function reviewingRoot(dataDir: string): string {
  return path.join(dataDir, REVIEWING_DIR);
}

/** The paths of a review; refuses anything but a UUID, so no id can lead out of the data folder. */
export function reviewDeskPaths(dataDir: string, reviewId: string): ReviewDeskPaths {
  if (!ReviewIdSchema.safeParse(reviewId).success) throw new AppError('review:errors.reviewNotFound');
  const dir = path.join(reviewingRoot(dataDir), reviewId);
  return { dir, copy: path.join(dir, 'copy.scsa-review'), work: path.join(dir, 'work.json'), desk: path.join(dir, 'desk.json'), replies: path.join(dir, 'replies') };
}

export const DeskSchema = z
  .object({
    format: z.literal(DESK_FORMAT),
    schemaVersion: z.literal(DESK_SCHEMA_VERSION),
    openedAt: z.iso.datetime(),
    /** What the home screen lists, without opening the copy again. */
    summary: z
      .object({
        from: z.object({ name: z.string().max(200), institution: z.string().max(300) }).strict(),
        to: z.object({ institution: z.string().max(300), name: z.string().max(200).optional() }).strict(),
        countryCode: z.string().regex(/^[A-Z]{3}$/),
        dueDate: z.iso.date().optional(),
      })
      .strict(),
    /** Replies written, oldest first. */
    returns: z.array(z.object({ at: z.iso.datetime(), fileName: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/) }).strict()).max(1000),
  })
  .strict();
export type Desk = z.infer<typeof DeskSchema>;

async function readJson<T>(file: string, schema: z.ZodType<T>, what: string): Promise<T | null> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: set aside below
  }
  // Forgiving, as for drafts: the damaged file stays for a person to look at, and the work starts again.
  const aside = await quarantine(file);
  log.error(`${what} ${file} unreadable; moved aside as ${aside}`);
  return null;
}

/** The work in progress, or null when there is none (or it was damaged and set aside). */
export function readWork(paths: ReviewDeskPaths): Promise<ReviewWork | null> {
  return readJson(paths.work, ReviewWorkSchema, 'review work');
}

export async function writeWork(paths: ReviewDeskPaths, work: ReviewWork): Promise<void> {
  await writeFileAtomic(paths.work, `${JSON.stringify(ReviewWorkSchema.parse(work), null, 2)}\n`);
}

export function readDesk(paths: ReviewDeskPaths): Promise<Desk | null> {
  return readJson(paths.desk, DeskSchema, 'review desk');
}

export async function writeDesk(paths: ReviewDeskPaths, desk: Desk): Promise<void> {
  await writeFileAtomic(paths.desk, `${JSON.stringify(DeskSchema.parse(desk), null, 2)}\n`);
}

/** The review ids with a folder here (a folder whose name is not a UUID is ignored). */
export async function listDesks(dataDir: string): Promise<string[]> {
  const names = await fs.readdir(reviewingRoot(dataDir)).catch(() => [] as string[]);
  return names.filter((n) => ReviewIdSchema.safeParse(n).success).sort();
}
