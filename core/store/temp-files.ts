import { promises as fs } from 'node:fs';
import path from 'node:path';
import { processAlive } from './lock';

/**
 * Remove temp files that a killed writer left behind (`writeFileAtomic`, lock and attachment temps
 * carry the writer's pid in their name). Files of live processes, including our own, are left alone.
 */
export async function removeDeadTempFiles(dir: string): Promise<number> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith('.tmp') && !name.startsWith('.lock.stale-')) continue;
    const pid = Number(/\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name)?.[1] ?? /^\.lock\.stale-(\d+)-/.exec(name)?.[1] ?? NaN);
    if (!Number.isInteger(pid) || pid === process.pid || processAlive(pid)) continue;
    await fs.rm(path.join(dir, name), { force: true });
    removed++;
  }
  return removed;
}
