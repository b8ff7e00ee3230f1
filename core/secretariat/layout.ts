import path from 'node:path';
import { AppError } from '../errors';

/** The files of a secretariat workspace (docs/formats/workspace.md), relative to its folder. */
export const WORKSPACE_FILES = {
  workspace: 'workspace.json',
  registry: 'registry.json',
  registryLog: 'registry-log.jsonl',
  index: 'index.json',
  importLog: 'import-log.jsonl',
  lock: '.lock',
} as const;

export const WORKSPACE_DIRS = {
  submissions: 'submissions',
  held: 'held',
  rejected: 'rejected',
  /** Copies on their way in: always on the workspace's own disk, so that placing one is a rename. */
  incoming: '.incoming',
} as const;

/** Bounds that keep a mistaken choice (a home folder, a disk) from running for hours or filling memory. */
export const IMPORT_LIMITS = {
  /** A folder listing more entries than this is refused as a whole, with a message. */
  maxFolderEntries: 5_000,
  /** Folders inside folders, below each path given. */
  maxDepth: 8,
  /** Bundles in one import, all paths together. */
  maxBundles: 20_000,
  /** A file larger than this is refused before it is copied: no bundle is (the verifier's own limit, plus the zip's overhead). */
  maxBundleBytes: 8 * 1024 ** 3 + 64 * 1024 ** 2,
  /** An invalid file larger than this is not copied into rejected/ (its reason is still kept). */
  maxRejectedCopyBytes: 2 * 1024 ** 3,
} as const;

/** Largest JSON file of the workspace read whole (the index of ~200 countries' revisions is far smaller). */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;

const ISO3 = /^[A-Z]{3}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SHA256 = /^[0-9a-f]{64}$/;

/** `submissions/<ISO3>/<uuid>.zip`, with `/` on every platform (as stored in the index and logs). */
export function submissionFile(country: string, uuid: string): string {
  if (!ISO3.test(country) || !UUID.test(uuid)) throw new AppError('secretariat:errors.badName', { name: `${country}/${uuid}` });
  return `${WORKSPACE_DIRS.submissions}/${country}/${uuid}.zip`;
}

/** `held/<sha256>.zip` or `rejected/<sha256>.zip`, and the `.json` beside it. */
export function receivedFile(kind: 'held' | 'rejected', sha256: string, ext: 'zip' | 'json' = 'zip'): string {
  if (!SHA256.test(sha256)) throw new AppError('secretariat:errors.badName', { name: sha256.slice(0, 80) });
  return `${kind === 'held' ? WORKSPACE_DIRS.held : WORKSPACE_DIRS.rejected}/${sha256}.${ext}`;
}

/** A workspace-relative name (as stored) to a path on this system. */
export function resolveIn(dir: string, relative: string): string {
  return path.join(dir, ...relative.split('/'));
}

/** Whether a stored name has one of the three shapes above (an index or a log is never trusted to point elsewhere). */
export function isStoredName(name: string): boolean {
  return /^submissions\/[A-Z]{3}\/[0-9a-f-]{36}\.zip$/.test(name) || /^(held|rejected)\/[0-9a-f]{64}\.zip$/.test(name);
}

/** The uuid a `urn:uuid:` External-Identifier names, if it is one. */
export function uuidOf(externalIdentifier: string): string | null {
  const m = /^urn:uuid:([0-9a-f-]{36})$/.exec(externalIdentifier);
  return m && UUID.test(m[1] as string) ? (m[1] as string) : null;
}
