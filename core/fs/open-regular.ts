import { constants, promises as fs } from 'node:fs';

// Where the platform has it, O_NOFOLLOW makes the open itself refuse a symlink put in place after the check.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/**
 * Open `file` for reading only if it is a regular file, not a symlink, and still the same file once
 * open (lstat, then O_NOFOLLOW and fstat: same device and inode). Null otherwise; the caller closes it.
 */
export async function openRegularFile(file: string): Promise<{ handle: fs.FileHandle; size: number } | null> {
  const before = await fs.lstat(file).catch(() => null);
  if (!before?.isFile()) return null;
  const handle = await fs.open(file, READ_FLAGS).catch(() => null);
  if (!handle) return null;
  const stat = await handle.stat().catch(() => null);
  if (!stat?.isFile() || stat.ino !== before.ino || stat.dev !== before.dev) {
    await handle.close();
    return null;
  }
  return { handle, size: stat.size };
}
