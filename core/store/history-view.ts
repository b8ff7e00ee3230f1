import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Draft } from '../draft/schema';
import { listSnapshots, type HistoryEntry } from './history';
import type { AssessmentPaths } from './layout';
import { parseDraftBytes } from './read';
import { listPinned } from './submitted';

/**
 * History of an assessment, newest first: the snapshots retention has kept, and every submitted
 * revision however old. A snapshot of a revision that is also a submitted one is shown once, as
 * the submitted one (same content).
 */
export async function listHistoryEntries(paths: AssessmentPaths): Promise<HistoryEntry[]> {
  const pinned = (await listPinned(paths.submitted)).map((p) => p.entry);
  const frozen = new Set(pinned.map((e) => e.revision));
  const snapshots = (await listSnapshots(paths.history)).filter((e) => !frozen.has(e.revision));
  return [...pinned, ...snapshots].sort((a, b) => b.revision - a.revision || (b.submission?.submissionRevision ?? 0) - (a.submission?.submissionRevision ?? 0));
}

/** The content of a revision from a kept snapshot, else from a submitted revision; null when none reads. */
export async function readRevision(paths: AssessmentPaths, revision: number): Promise<Draft | null> {
  for (const entry of (await listSnapshots(paths.history)).filter((e) => e.revision === revision)) {
    const buf = await fs.readFile(path.join(paths.history, entry.file)).catch(() => null);
    const r = buf ? parseDraftBytes(buf) : null;
    if (r?.ok) return r.draft;
  }
  return (await listPinned(paths.submitted)).find((p) => p.entry.revision === revision)?.draft ?? null;
}
