/**
 * Deleting an assessment moves it, never removes it: its folder (and what the caller names beside it,
 * such as its kept bundles) goes into `<dataDir>/trash/<id>--<time>/` with a `trashed.json` record,
 * from where the app can put it back ("Undo") and a person can recover it by hand
 * (docs/formats/draft.md, "Trash").
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic';
import { AppError } from '../errors';
import { createLogger } from '../log';
import { AssessmentIdSchema } from '../draft/schema';
import { assessmentPaths, LOCK_FILE } from './layout';
import { acquireLock } from './lock';

const log = createLogger('draft-trash');

export const TRASH_DIR = 'trash';
export const TRASH_RECORD_FILE = 'trashed.json';
/** `<assessment id>--<UTC time to the second>`, and `-2`, `-3`… when two deletions share a second. */
export const TRASH_ENTRY_PATTERN = /^[a-z0-9][a-z0-9-]{2,63}--\d{8}T\d{6}Z(-[1-9]\d{0,3})?$/;
const MOVED_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ASSESSMENT_AS = 'assessment';

export const TrashRecordSchema = z
  .object({
    schemaVersion: z.literal(1),
    kind: z.literal('scsa-trashed-assessment'),
    id: AssessmentIdSchema,
    countryCode: z.string().regex(/^[A-Z]{3}$/),
    trashedAt: z.iso.datetime(),
    /** Each thing moved: where it was, relative to the data folder (`/` separated), and its name in the entry. */
    moved: z.array(z.object({ from: z.string().min(1).max(300), as: z.string().regex(MOVED_NAME) }).strict()).min(1).max(16),
  })
  .strict();
export type TrashRecord = z.infer<typeof TrashRecordSchema>;

/** Something that belongs to an assessment outside its folder, moved with it under the name `as`. */
export interface TrashCompanion {
  path: string;
  as: string;
}

const exists = (p: string) => fs.lstat(p).then(() => true, () => false);
const stampOf = (now: Date) => now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/** A new, empty entry folder for `id`; the first free name of its second. */
async function makeEntry(trash: string, id: string, now: Date): Promise<string> {
  await fs.mkdir(trash, { recursive: true });
  const base = `${id}--${stampOf(now)}`;
  for (let n = 1; n < 1000; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    try {
      await fs.mkdir(path.join(trash, name));
      return name;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  throw new AppError('drafts:errors.deleteFailed', { id });
}

/**
 * Move an assessment (closed here: the caller closes it first) and its companions into the trash.
 * Takes the assessment's write lock, so one open in another window or program is refused
 * (`drafts:errors.locked`) and nothing moves. A companion that cannot be moved stays where it is.
 * Returns the entry's name under `trash/`.
 */
export async function moveToTrash(dataDir: string, id: string, countryCode: string, companions: readonly TrashCompanion[], now: Date): Promise<string> {
  const paths = assessmentPaths(dataDir, id);
  if (!(await exists(paths.dir))) throw new AppError('drafts:errors.notFound');
  const lock = await acquireLock(paths.lock);
  const trash = path.join(dataDir, TRASH_DIR);
  let entry: string;
  try {
    entry = await makeEntry(trash, id, now);
    try {
      await fs.rename(paths.dir, path.join(trash, entry, ASSESSMENT_AS));
    } catch (err) {
      await fs.rmdir(path.join(trash, entry)).catch(() => undefined);
      throw new AppError('drafts:errors.deleteFailed', { id }, err);
    }
  } finally {
    await lock.release();
  }
  const entryDir = path.join(trash, entry);
  // The lock moved with the folder; it means nothing there.
  await fs.rm(path.join(entryDir, ASSESSMENT_AS, LOCK_FILE), { force: true });
  const relative = (p: string) => path.relative(dataDir, p).split(path.sep).join('/');
  const moved: TrashRecord['moved'] = [{ from: relative(paths.dir), as: ASSESSMENT_AS }];
  for (const companion of companions) {
    if (!MOVED_NAME.test(companion.as) || companion.as === ASSESSMENT_AS || !(await exists(companion.path))) continue;
    try {
      await fs.rename(companion.path, path.join(entryDir, companion.as));
      moved.push({ from: relative(companion.path), as: companion.as });
    } catch (err) {
      log.error(`${relative(companion.path)} of assessment ${id} not moved to the trash; left in place`, err);
    }
  }
  const record: TrashRecord = { schemaVersion: 1, kind: 'scsa-trashed-assessment', id, countryCode, trashedAt: now.toISOString(), moved };
  await writeFileAtomic(path.join(entryDir, TRASH_RECORD_FILE), `${JSON.stringify(record, null, 2)}\n`);
  log.info(`assessment ${id} moved to trash/${entry}`);
  return entry;
}

/** The record of a trash entry, or `drafts:errors.trashEntryNotFound`. */
async function readRecord(entryDir: string): Promise<TrashRecord> {
  try {
    return TrashRecordSchema.parse(JSON.parse(await fs.readFile(path.join(entryDir, TRASH_RECORD_FILE), 'utf8')));
  } catch (err) {
    throw new AppError('drafts:errors.trashEntryNotFound', undefined, err);
  }
}

/**
 * Put a trashed assessment back where it was ("Undo"). Refused, with nothing moved, when its id has
 * been taken again meanwhile (`drafts:errors.exists`) or the entry is unknown. Returns the id.
 */
export async function restoreFromTrash(dataDir: string, entry: string): Promise<string> {
  if (!TRASH_ENTRY_PATTERN.test(entry)) throw new AppError('drafts:errors.trashEntryNotFound');
  const entryDir = path.join(dataDir, TRASH_DIR, entry);
  const record = await readRecord(entryDir);
  const root = path.resolve(dataDir);
  const targets = record.moved.map((m) => ({ ...m, to: path.resolve(root, ...m.from.split('/')) }));
  // Only places inside the data folder, and the assessment's own folder first.
  if (targets.some((m) => !m.to.startsWith(root + path.sep)) || targets[0]?.as !== ASSESSMENT_AS || targets[0].to !== assessmentPaths(dataDir, record.id).dir) {
    throw new AppError('drafts:errors.trashEntryNotFound');
  }
  for (const m of targets) if (await exists(m.to)) throw new AppError('drafts:errors.exists', { id: record.id });
  for (const m of targets) {
    await fs.mkdir(path.dirname(m.to), { recursive: true });
    await fs.rename(path.join(entryDir, m.as), m.to);
  }
  await fs.rm(path.join(entryDir, TRASH_RECORD_FILE), { force: true });
  await fs.rmdir(entryDir).catch(() => log.warn(`trash/${entry} not empty after restoring; left in place`));
  log.info(`assessment ${record.id} restored from trash/${entry}`);
  return record.id;
}
