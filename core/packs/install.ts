/**
 * Installed checklist revisions: each verified `*.scsa-pack` is kept as it came, signature and all,
 * in `<dataDir>/packs/<id>@<version>.scsa-pack`, and checked again (signature, trust list, content)
 * every time the app loads it, so a file changed on disk or a key no longer trusted never counts.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { createLogger } from '../log';
import { writeFileAtomic } from '../fs/atomic';
import { isBundled, registerInstalledPack, type PackReference } from '../checklist/registry';
import { PACK_FILE_EXTENSION } from './container';
import { openSignedPack, readPackFile, type VerifiedPack } from './open';
import type { TrustList } from './trust';

const log = createLogger('pack-install');

export const PACKS_DIR = 'packs';
/** Installed files read at start-up, at most: a folder of thousands is a mistake, not a library. */
const MAX_INSTALLED = 500;

/** `<dataDir>/packs` */
export function installedPacksDir(dataDir: string): string {
  return path.join(dataDir, PACKS_DIR);
}

/** The file an installed pack lives in. Ids and versions are restricted by the pack schema to safe characters. */
export function installedPackFile(dataDir: string, ref: PackReference): string {
  return path.join(installedPacksDir(dataDir), `${ref.id}@${ref.version}${PACK_FILE_EXTENSION}`);
}

export interface InstalledPack {
  ref: PackReference;
  fingerprint: string;
  file: string;
  itemCount: number;
  translationGaps: number;
}

export interface InstallResult extends InstalledPack {
  /** The very same pack was installed already: nothing was written. */
  alreadyInstalled: boolean;
}

function describe(verified: VerifiedPack, file: string): InstalledPack {
  const { pack, items, translationGaps } = verified.loaded;
  return { ref: { id: pack.id, version: pack.version }, fingerprint: verified.fingerprint, file, itemCount: items.size, translationGaps: translationGaps.length };
}

/**
 * Install a signed pack (a path or its bytes) into `<dataDir>/packs/` atomically and make it
 * available to the registry. Refuses, changing nothing: whatever openSignedPack refuses; a version
 * the app carries (`packs:errors.alreadyCarried`); another pack already installed under the same id
 * and version (`packs:errors.versionConflict`: a published version never changes). Installing the
 * same file twice is harmless (`alreadyInstalled`).
 */
export async function installPack(source: string | Buffer, options: { dataDir: string; trust: TrustList }): Promise<InstallResult> {
  const bytes = typeof source === 'string' ? await readPackFile(source) : source;
  const verified = await openSignedPack(bytes, options.trust);
  const ref = { id: verified.loaded.pack.id, version: verified.loaded.pack.version };
  if (isBundled(ref)) throw new AppError('packs:errors.alreadyCarried', { id: ref.id, version: ref.version });
  const file = installedPackFile(options.dataDir, ref);
  const existing = await fs.readFile(file).catch(() => null);
  if (existing) {
    const current = await openSignedPack(existing, options.trust).catch(() => null);
    if (current && current.packBytes.equals(verified.packBytes)) {
      registerInstalledPack(current.loaded, current.fingerprint);
      return { ...describe(current, file), alreadyInstalled: true };
    }
    // A damaged or no longer trusted file is replaced by a good one; a different valid pack is not.
    if (current) throw new AppError('packs:errors.versionConflict', { id: ref.id, version: ref.version });
  }
  await writeFileAtomic(file, bytes);
  registerInstalledPack(verified.loaded, verified.fingerprint);
  log.info(`installed ${ref.id} ${ref.version} signed by ${verified.fingerprint}`);
  return { ...describe(verified, file), alreadyInstalled: false };
}

export interface InstalledProblem {
  file: string;
  code: string;
  params: Record<string, string | number>;
}

/**
 * Load every installed pack of `<dataDir>/packs/` into the registry, checking each again. A file
 * that no longer passes (changed, signer not trusted, damaged, not named after its content) is left
 * where it is and reported, never deleted; the others load.
 */
export async function loadInstalledPacks(dataDir: string, trust: TrustList): Promise<{ packs: InstalledPack[]; problems: InstalledProblem[] }> {
  const dir = installedPacksDir(dataDir);
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(PACK_FILE_EXTENSION)).sort();
  const packs: InstalledPack[] = [];
  const problems: InstalledProblem[] = [];
  for (const name of names.slice(0, MAX_INSTALLED)) {
    const file = path.join(dir, name);
    try {
      const verified = await openSignedPack(await readPackFile(file), trust);
      const ref = { id: verified.loaded.pack.id, version: verified.loaded.pack.version };
      if (file !== installedPackFile(dataDir, ref) || isBundled(ref)) throw new AppError('packs:errors.misplaced', { file: name, id: ref.id, version: ref.version });
      registerInstalledPack(verified.loaded, verified.fingerprint);
      packs.push(describe(verified, file));
    } catch (err) {
      const error = err instanceof AppError ? err : new AppError('packs:errors.unreadable', { file: name }, err);
      log.warn(`installed pack ${name} not loaded: ${error.code}`);
      problems.push({ file, code: error.code, params: error.params ?? {} });
    }
  }
  return { packs, problems };
}
