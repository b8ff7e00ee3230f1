import { promises as fs } from 'node:fs';
import path from 'node:path';
import { IMPORT_LIMITS } from './layout';
import type { Reason } from './schemas';

export interface Source {
  path: string;
  size: number;
}

export interface Refused {
  path: string;
  reason: Reason;
}

export interface Collected {
  sources: Source[];
  /** Paths that are not imported at all: missing, a folder too large or too deep, inside the workspace. */
  refused: Refused[];
  /** Files in the folders that were left aside because they are not `.zip` files. */
  skipped: number;
}

export type CollectLimits = Pick<typeof IMPORT_LIMITS, 'maxFolderEntries' | 'maxDepth' | 'maxBundles'>;

const inside = (file: string, dir: string) => file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);

/** Up to `max + 1` names of a folder, read as a stream: a folder of a million files is not listed whole. */
async function names(dir: string, max: number): Promise<string[]> {
  const out: string[] = [];
  const handle = await fs.opendir(dir, { bufferSize: 256 });
  try {
    for (let entry = await handle.read(); entry; entry = await handle.read()) {
      out.push(entry.name);
      if (out.length > max) break;
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
  return out;
}

/**
 * The files an import of `paths` reads: each file given (whatever its name), and the `.zip` files in
 * each folder given and in its folders below, to `maxDepth`, in name order, links not followed. A
 * folder listing more than `maxFolderEntries` entries is refused whole with a reason (the wrong folder
 * chosen, most likely), as is a path inside the workspace itself; the other paths go on.
 */
export async function collectSources(paths: readonly string[], workspaceDir: string, limits: CollectLimits = IMPORT_LIMITS): Promise<Collected> {
  const sources: Source[] = [];
  const refused: Refused[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  const workspace = await fs.realpath(workspaceDir).catch(() => path.resolve(workspaceDir));

  const add = (file: string, real: string, size: number): boolean => {
    if (seen.has(real)) return true;
    if (sources.length >= limits.maxBundles) {
      refused.push({ path: file, reason: { code: 'secretariat:reasons.tooManyBundles', params: { limit: limits.maxBundles } } });
      return false;
    }
    seen.add(real);
    sources.push({ path: file, size });
    return true;
  };

  const walk = async (dir: string, depth: number): Promise<boolean> => {
    let listed: string[];
    try {
      listed = await names(dir, limits.maxFolderEntries);
    } catch {
      refused.push({ path: dir, reason: { code: 'secretariat:reasons.unreadable', params: { path: dir } } });
      return true;
    }
    if (listed.length > limits.maxFolderEntries) {
      refused.push({ path: dir, reason: { code: 'secretariat:reasons.folderTooLarge', params: { path: dir, limit: limits.maxFolderEntries } } });
      return true;
    }
    for (const name of listed.sort()) {
      if (name.startsWith('.')) continue;
      const full = path.join(dir, name);
      const stat = await fs.lstat(full).catch(() => null);
      if (!stat) continue;
      if (stat.isDirectory()) {
        if (depth >= limits.maxDepth) refused.push({ path: full, reason: { code: 'secretariat:reasons.tooDeep', params: { path: full, limit: limits.maxDepth } } });
        else if (!(await walk(full, depth + 1))) return false;
      } else if (stat.isFile() && name.toLowerCase().endsWith('.zip')) {
        if (!add(full, await fs.realpath(full), stat.size)) return false;
      } else skipped++;
    }
    return true;
  };

  for (const given of paths) {
    const full = path.resolve(given);
    const stat = await fs.stat(full).catch(() => null);
    if (!stat) {
      refused.push({ path: full, reason: { code: 'bundle:verify.notFound', params: {} } });
      continue;
    }
    const real = await fs.realpath(full);
    if (inside(real, workspace)) {
      refused.push({ path: full, reason: { code: 'secretariat:reasons.insideWorkspace', params: { path: full } } });
      continue;
    }
    if (stat.isDirectory()) {
      if (!(await walk(full, 0))) break;
    } else if (stat.isFile()) {
      if (!add(full, real, stat.size)) break;
    } else refused.push({ path: full, reason: { code: 'bundle:errors.notAFile', params: {} } });
  }
  return { sources, refused, skipped };
}
