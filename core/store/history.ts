import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomic';
import { createLogger } from '../log';
import type { Draft } from '../draft/schema';
import { serializeDraft } from './read';
import type { SubmissionStamp } from './submitted';

const log = createLogger('draft-history');

/** One history snapshot: a complete copy of the draft at `revision`, written at `savedAt`. */
export interface HistoryEntry {
  revision: number;
  savedAt: string;
  file: string;
  size: number;
  /** Set on a submitted revision: the export it was frozen for (see submitted.ts). */
  submission?: SubmissionStamp;
}

/**
 * How many snapshots to keep: the newest `keepLast`, plus the newest snapshot of each UTC day
 * within the last `keepDays` days. Everything else is deleted after each snapshot.
 */
export interface RetentionPolicy {
  keepLast: number;
  keepDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { keepLast: 20, keepDays: 30 };

const NAME = /^r(\d{8})-(\d{4}-\d\d-\d\dT\d\d)-(\d\d)-(\d\d)-(\d{3})Z\.scsa\.json$/;

function snapshotName(revision: number, at: Date): string {
  return `r${String(revision).padStart(8, '0')}-${at.toISOString().replace(/[:.]/g, '-')}.scsa.json`;
}

function parseName(name: string): { revision: number; savedAt: string } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  return { revision: Number(m[1]), savedAt: `${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` };
}

/** Write a snapshot of `draft` (`bytes`: its serialisation, when the caller has it); returns its file name. */
export async function writeSnapshot(dir: string, draft: Draft, now: Date, bytes?: Uint8Array): Promise<string> {
  const name = snapshotName(draft.revision, now);
  await writeFileAtomic(path.join(dir, name), bytes ?? serializeDraft(draft));
  return name;
}

/** Snapshots in a history folder, newest first. Files that are not snapshots are ignored. */
export async function listSnapshots(dir: string): Promise<HistoryEntry[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const entries: HistoryEntry[] = [];
  for (const name of names) {
    const parsed = parseName(name);
    if (!parsed) continue;
    const stat = await fs.stat(path.join(dir, name)).catch(() => null);
    if (stat) entries.push({ ...parsed, file: name, size: stat.size });
  }
  return entries.sort((a, b) => (a.savedAt === b.savedAt ? b.revision - a.revision : a.savedAt < b.savedAt ? 1 : -1));
}

/** Which snapshots a policy keeps (input newest first). Pure, for tests and documentation. */
export function snapshotsToKeep(entries: readonly HistoryEntry[], policy: RetentionPolicy, now: Date): Set<string> {
  const keep = new Set(entries.slice(0, policy.keepLast).map((e) => e.file));
  const oldestDay = new Date(now.getTime() - policy.keepDays * 86_400_000).toISOString().slice(0, 10);
  const daysSeen = new Set<string>();
  for (const e of entries) {
    const day = e.savedAt.slice(0, 10);
    if (day < oldestDay || daysSeen.has(day)) continue;
    daysSeen.add(day);
    keep.add(e.file);
  }
  return keep;
}

/**
 * Apply the retention policy; returns the names deleted. Snapshots of `pinned` revisions (bases of
 * open reviews, pins.ts) are always kept; `'all'` (the pins cannot be read) keeps everything.
 */
export async function pruneSnapshots(dir: string, policy: RetentionPolicy, now: Date, pinned: ReadonlySet<number> | 'all' = new Set()): Promise<string[]> {
  if (pinned === 'all') return [];
  const entries = await listSnapshots(dir);
  const keep = snapshotsToKeep(entries, policy, now);
  const doomed = entries.filter((e) => !keep.has(e.file) && !pinned.has(e.revision)).map((e) => e.file);
  for (const name of doomed) await fs.rm(path.join(dir, name), { force: true });
  if (doomed.length > 0) log.info(`pruned ${doomed.length} history snapshots in ${dir}`);
  return doomed;
}
