import { constants, promises as fs, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { syncFolder, writeFileAtomic } from '../fs/atomic';
import { inDiskLane } from './disk-lanes';
import { errnoOf } from './fs-errors';
import { jsonText } from './json-file';
import { WORKSPACE_DIRS, receivedFile } from './layout';
import { ReceivedSidecarSchema, type ReceivedSidecar } from './schemas';
import type { Workspace } from './workspace';

/** A source file that cannot be read: a reason for that file, not a failure of the workspace. */
export class SourceUnreadable extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = 'SourceUnreadable';
  }
}

/**
 * Copy `source` into the workspace's `.incoming/` folder (same disk as its final place, so placing
 * it later is a rename). The copy, not the source, is what gets verified and kept: a file that
 * changes while it is imported cannot slip in unverified bytes. The copy is complete when this
 * resolves; `durable` is its fsync, started at once, which the caller awaits before placing it —
 * the bytes reach the disk while they are being verified.
 */
export async function copyIn(ws: Workspace, source: string): Promise<{ temp: string; durable: Promise<void> }> {
  const temp = path.join(ws.dir, WORKSPACE_DIRS.incoming, `${randomBytes(8).toString('hex')}.partial`);
  try {
    // A copy-on-write clone where the file system can make one (Btrfs, XFS, APFS): no bytes to copy or write.
    await inDiskLane(() => fs.copyFile(source, temp, constants.COPYFILE_FICLONE));
  } catch (err) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    // Which side failed: a source that cannot be read is that file's reason; otherwise the workspace
    // (full, read-only) failed. Asked only now: opening the source first cost every file two more
    // trips through the thread pool.
    const unreadable = await fs.open(source, constants.O_RDONLY).then(
      (handle) => handle.close().then(() => null),
      (openErr: unknown) => errnoOf(openErr) ?? 'unknown',
    );
    if (unreadable) throw new SourceUnreadable(unreadable);
    throw err;
  }
  const durable = inDiskLane(() => syncFile(temp));
  // Awaited before the copy is placed; a failure is seen there, never as an unhandled rejection.
  durable.catch(() => undefined);
  return { temp, durable };
}

export async function syncFile(file: string): Promise<void> {
  const handle = await fs.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Move a complete (fsynced) file to its stored name, replacing what is there for a countersigned
 * bundle. The rename is atomic; the folder is fsynced by the caller's next checkpoint (`dirs`
 * collects it), which makes the new name survive a power cut as well as a kill. Done at once, not
 * through the thread pool: every later decision of an import waits for this one's file to be
 * placed, and each awaited step there waited behind the verification of the next files (placing
 * took some 5 ms a file so; a rename takes microseconds).
 */
export function place(ws: Workspace, from: string, relative: string, dirs: Set<string>): void {
  const target = ws.path(relative);
  const dir = path.dirname(target);
  if (!dirs.has(dir)) mkdirSync(dir, { recursive: true });
  renameSync(from, target);
  dirs.add(dir);
}

/** Fsync the folders files were placed in since the last call. */
export async function syncFolders(dirs: Set<string>): Promise<void> {
  for (const dir of dirs) await syncFolder(dir);
  dirs.clear();
}

/** The note beside a held or rejected file; written before the file is placed, so a placed file always has its note. */
export async function writeSidecar(ws: Workspace, sidecar: ReceivedSidecar): Promise<void> {
  const checked = ReceivedSidecarSchema.parse(sidecar);
  await writeFileAtomic(ws.path(receivedFile(checked.decision, checked.sha256, 'json')), jsonText(checked));
}

export async function removeSidecar(ws: Workspace, kind: 'held' | 'rejected', sha256: string): Promise<void> {
  await fs.rm(ws.path(receivedFile(kind, sha256, 'json')), { force: true });
}

export async function exists(file: string): Promise<boolean> {
  return (await fs.lstat(file).catch(() => null)) !== null;
}
