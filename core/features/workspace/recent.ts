/**
 * The workspaces this app opened lately (newest first), so the analyst reopens one with a click.
 * Kept in the data folder as `secretariat-recent.json` (docs/formats/workspace.md "Recent
 * workspaces"); read forgivingly — a damaged or foreign file is an empty list, never an error.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../fs/atomic';

export const RECENT_FILE = 'secretariat-recent.json';
export const MAX_RECENT = 8;

export const RecentWorkspacesSchema = z
  .object({
    schemaVersion: z.literal(1),
    workspaces: z.array(z.object({ dir: z.string().min(1).max(4096), openedAt: z.iso.datetime() }).strict()).max(100),
  })
  .strict();
export type RecentWorkspaces = z.infer<typeof RecentWorkspacesSchema>;

export async function readRecentWorkspaces(dataDir: string): Promise<RecentWorkspaces['workspaces']> {
  try {
    const text = await fs.readFile(path.join(dataDir, RECENT_FILE), 'utf8');
    if (text.length > 1024 * 1024) return [];
    const parsed = RecentWorkspacesSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.workspaces.slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

/** Put `dir` first in the list (once), keeping at most MAX_RECENT. */
export async function rememberWorkspace(dataDir: string, dir: string, now: Date): Promise<void> {
  const before = await readRecentWorkspaces(dataDir);
  const workspaces = [{ dir, openedAt: now.toISOString() }, ...before.filter((w) => w.dir !== dir)].slice(0, MAX_RECENT);
  await fs.mkdir(dataDir, { recursive: true });
  await writeFileAtomic(path.join(dataDir, RECENT_FILE), `${JSON.stringify({ schemaVersion: 1, workspaces } satisfies RecentWorkspaces, null, 2)}\n`);
}

/** Take `dir` off the list (the analyst's "forget"; a folder that is gone). */
export async function forgetWorkspace(dataDir: string, dir: string): Promise<void> {
  const before = await readRecentWorkspaces(dataDir);
  if (!before.some((w) => w.dir === dir)) return;
  await writeFileAtomic(path.join(dataDir, RECENT_FILE), `${JSON.stringify({ schemaVersion: 1, workspaces: before.filter((w) => w.dir !== dir) }, null, 2)}\n`);
}
