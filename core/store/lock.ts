import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors';
import { createLogger } from '../log';

const log = createLogger('draft-lock');

const LockInfoSchema = z.object({ pid: z.number().int().positive(), host: z.string(), at: z.string() });
export type LockInfo = z.infer<typeof LockInfoSchema>;

/** A held lock; `release()` is idempotent. */
export interface LockHandle {
  file: string;
  release(): Promise<void>;
}

/** Locks held by this process, so a second store in the same process is refused too. */
const heldHere = new Set<string>();

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readLock(file: string): Promise<LockInfo | null> {
  try {
    const parsed = LockInfoSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * A lock is stale when it names a process on this machine that no longer runs, or a process id that
 * is ours but not held by us (a previous run whose pid was reused). A lock from another host (a
 * shared folder) is never considered stale: we cannot see that host's processes.
 */
function isStale(info: LockInfo | null, file: string): boolean {
  if (!info) return true;
  if (info.host !== os.hostname()) return false;
  if (info.pid === process.pid) return !heldHere.has(file);
  return !processAlive(info.pid);
}

async function createExclusive(file: string, content: string): Promise<boolean> {
  // Write the content to a temp file, then hard-link it into place: the lock appears complete or
  // not at all, so a kill cannot leave an empty lock file behind.
  const tmp = path.join(path.dirname(file), `.lock.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  await fs.writeFile(tmp, content, { mode: 0o600 });
  try {
    await fs.link(tmp, file);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw err;
    // File systems without hard links: exclusive create, then write.
    try {
      await fs.writeFile(file, content, { flag: 'wx', mode: 0o600 });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

/**
 * Take the write lock of an assessment folder, or throw `drafts:errors.locked` naming the holder.
 * A stale lock (its process is gone) is moved aside and taken over.
 */
export async function acquireLock(file: string): Promise<LockHandle> {
  const info: LockInfo = { pid: process.pid, host: os.hostname(), at: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!heldHere.has(file) && (await createExclusive(file, JSON.stringify(info)))) {
      heldHere.add(file);
      let released = false;
      return {
        file,
        async release() {
          if (released) return;
          released = true;
          heldHere.delete(file);
          const current = await readLock(file);
          if (current && current.pid === info.pid && current.at === info.at) await fs.rm(file, { force: true });
        },
      };
    }
    const holder = await readLock(file);
    if (!isStale(holder, file)) {
      throw new AppError('drafts:errors.locked', { pid: holder?.pid ?? 0, host: holder?.host ?? '', since: holder?.at ?? '' });
    }
    log.warn(`taking over a stale lock ${file} (pid ${holder?.pid ?? 'unknown'})`);
    // Rename rather than delete, then check what we moved: if another process took the stale lock
    // over in the meantime, we moved its fresh lock and must put it back.
    const aside = `${file}.stale-${process.pid}-${randomBytes(3).toString('hex')}`;
    const moved = await fs.rename(file, aside).then(() => true, () => false);
    if (moved) {
      const was = await readLock(aside);
      if (was && holder && (was.pid !== holder.pid || was.at !== holder.at)) await fs.link(aside, file).catch(() => undefined);
      await fs.rm(aside, { force: true });
    }
  }
  throw new AppError('drafts:errors.locked', { pid: 0, host: '', since: '' });
}
