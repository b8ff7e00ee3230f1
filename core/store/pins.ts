/**
 * Revisions kept for review (`<assessment>/pins.json`): a review copy is compared, when its replies
 * come back, with the revision it was made from, so that revision's snapshot must outlive history
 * retention until every review of it is closed. One pin per review; a revision stays while any
 * pin names it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { quarantine, writeFileAtomic } from '../fs/atomic';
import { AppError } from '../errors';
import { createLogger } from '../log';
import type { Draft } from '../draft/schema';
import { contentKey } from './changes';
import { listSnapshots, writeSnapshot } from './history';
import type { AssessmentPaths } from './layout';
import { parseDraftBytes } from './read';

const log = createLogger('draft-pins');

export const PINS_SCHEMA_VERSION = 1;

export const RevisionPinSchema = z
  .object({ revision: z.number().int().nonnegative(), reviewId: z.uuid(), pinnedAt: z.iso.datetime() })
  .strict();
export type RevisionPin = z.infer<typeof RevisionPinSchema>;

const PinsFileSchema = z
  .object({ schemaVersion: z.literal(PINS_SCHEMA_VERSION), kind: z.literal('scsa-pins'), pins: z.array(RevisionPinSchema).max(10_000) })
  .strict();

type Read = { ok: true; pins: RevisionPin[] } | { ok: false; why: string };

async function read(file: string): Promise<Read> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, pins: [] };
    return { ok: false, why: (err as Error).message };
  }
  try {
    const parsed = PinsFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? { ok: true, pins: parsed.data.pins } : { ok: false, why: 'not a pins file' };
  } catch {
    return { ok: false, why: 'not JSON' };
  }
}

// Pins of one assessment change one at a time (read, change, write), in call order.
const queues = new Map<string, Promise<unknown>>();
function queued<T>(file: string, task: () => Promise<T>): Promise<T> {
  const run = (queues.get(file) ?? Promise.resolve()).then(task, task);
  const tail = run.catch(() => undefined);
  queues.set(file, tail);
  void tail.then(() => {
    if (queues.get(file) === tail) queues.delete(file);
  });
  return run;
}

async function change(paths: AssessmentPaths, edit: (pins: RevisionPin[]) => RevisionPin[]): Promise<void> {
  const current = await read(paths.pins);
  if (!current.ok) {
    // Damaged: keep it aside for a person to look at; the reviews pinned in it stay in history until then.
    log.error(`pins of ${path.basename(paths.dir)} unreadable (${current.why}); moved aside and started again`);
    await quarantine(paths.pins).catch(() => undefined);
  }
  const pins = edit(current.ok ? current.pins : []);
  await writeFileAtomic(paths.pins, `${JSON.stringify({ schemaVersion: PINS_SCHEMA_VERSION, kind: 'scsa-pins', pins }, null, 2)}\n`);
}

/** The pins of an assessment, oldest first. A damaged file reads as no pins (and is logged). */
export async function listPins(paths: AssessmentPaths): Promise<RevisionPin[]> {
  const r = await read(paths.pins);
  if (!r.ok) log.error(`pins of ${path.basename(paths.dir)} unreadable (${r.why})`);
  return r.ok ? r.pins : [];
}

/** Revisions history retention must keep; `'all'` when the pins cannot be read (nothing is pruned then). */
export async function pinnedRevisions(paths: AssessmentPaths): Promise<ReadonlySet<number> | 'all'> {
  const r = await read(paths.pins);
  return r.ok ? new Set(r.pins.map((p) => p.revision)) : 'all';
}

/**
 * Keep `draft`'s revision for the review `reviewId`: its snapshot is written if history has none,
 * and the pin recorded. Idempotent for the same review and revision; a snapshot of that revision
 * with other content, or the review already pinned to another revision, is refused
 * (`review:errors.pinConflict`).
 */
export async function pinForReview(paths: AssessmentPaths, draft: Draft, reviewId: string, now: Date = new Date()): Promise<RevisionPin> {
  return queued(paths.pins, async () => {
    const held = (await listPins(paths)).find((p) => p.reviewId === reviewId);
    if (held && held.revision !== draft.revision) throw new AppError('review:errors.pinConflict', { revision: held.revision });
    const snapshots = (await listSnapshots(paths.history)).filter((e) => e.revision === draft.revision);
    let matches = snapshots.length === 0 ? null : false;
    for (const e of snapshots) {
      const r = parseDraftBytes(await fs.readFile(path.join(paths.history, e.file)).catch(() => Buffer.alloc(0)));
      if (r.ok && contentKey(r.draft) === contentKey(draft)) matches = true;
    }
    if (matches === false) throw new AppError('review:errors.pinConflict', { revision: draft.revision });
    if (matches === null) await writeSnapshot(paths.history, draft, now);
    if (held) return held;
    const pin = RevisionPinSchema.parse({ revision: draft.revision, reviewId, pinnedAt: now.toISOString() });
    await change(paths, (pins) => [...pins, pin]);
    log.info(`revision ${draft.revision} of ${draft.id} pinned for review ${reviewId}`);
    return pin;
  });
}

/** Close a review's pin; its revision may be pruned again once no other pin names it. True if it was pinned. */
export async function unpinReview(paths: AssessmentPaths, reviewId: string): Promise<boolean> {
  return queued(paths.pins, async () => {
    const pins = await listPins(paths);
    if (!pins.some((p) => p.reviewId === reviewId)) return false;
    await change(paths, (list) => list.filter((p) => p.reviewId !== reviewId));
    return true;
  });
}
