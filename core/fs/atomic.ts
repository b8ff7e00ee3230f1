import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Write a file so that a crash, kill or power cut leaves either the old bytes or the new ones,
 * never a mixture: temp file in the same folder, fsync, rename, fsync the folder.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(tmp, 'w', 0o600);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(tmp, file);
  } catch (err) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
  await syncFolder(dir);
}

/**
 * Make a rename in `dir` durable (Linux, macOS). Windows cannot open folders and does not need it;
 * some file systems refuse fsync on folders, and the rename has happened all the same: never throws.
 */
export async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close().catch(() => undefined);
}

/** Move an unreadable file aside (never delete what a user may need) and return its new name. */
export async function quarantine(file: string, now: Date = new Date()): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const ext = path.extname(file);
  const aside = `${file.slice(0, file.length - ext.length)}.corrupt-${stamp}${ext}`;
  await fs.rename(file, aside);
  return aside;
}
