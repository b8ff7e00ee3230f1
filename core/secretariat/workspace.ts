import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { createLogger } from '../log';
import { writeFileAtomic } from '../fs/atomic';
import { acquireLock, type LockHandle } from '../store/lock';
import { removeDeadTempFiles } from '../store/temp-files';
import { inWorkspace } from './fs-errors';
import { jsonText, readJsonFile } from './json-file';
import { WORKSPACE_DIRS, WORKSPACE_FILES, resolveIn } from './layout';
import { loadWorkspaceRegistry } from './registry-file';
import { ReceivedSidecarSchema, WORKSPACE_SCHEMA_VERSION, WorkspaceFileSchema, type RegistryEntry, type WorkspaceFile } from './schemas';

const log = createLogger('secretariat-workspace');

/** Something the analyst should be told about (an index rebuilt, a registry restored), as an i18n key. */
export interface Notice {
  code: string;
  params: Record<string, string | number>;
}

/** An open workspace. Only a writable one holds the lock; `close()` releases it (idempotent). */
export interface Workspace {
  readonly dir: string;
  readonly writable: boolean;
  info: WorkspaceFile;
  registry: RegistryEntry[];
  readonly notices: Notice[];
  /** The absolute path of a stored name (`submissions/FRA/<uuid>.zip`…). */
  path(relative: string): string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Take the lock and allow changes; without it nothing is ever written. */
  write?: boolean;
}

/**
 * Make a new workspace in `dir` (created if missing; an existing folder must be empty, so that a
 * workspace is never mixed into a folder of other files) and open it for writing.
 */
export async function createWorkspace(dir: string, now: Date = new Date()): Promise<Workspace> {
  const root = path.resolve(dir);
  await inWorkspace(root, async () => {
    if (await fs.stat(path.join(root, WORKSPACE_FILES.workspace)).catch(() => null)) throw new AppError('secretariat:errors.workspaceExists', { dir: root });
    const names = await fs.readdir(root).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [] as string[];
      if (err.code === 'ENOTDIR') throw new AppError('secretariat:errors.notAFolder', { dir: root });
      throw err;
    });
    if (names.length > 0) throw new AppError('secretariat:errors.folderNotEmpty', { dir: root });
    await fs.mkdir(root, { recursive: true });
    for (const d of [WORKSPACE_DIRS.submissions, WORKSPACE_DIRS.held, WORKSPACE_DIRS.rejected]) await fs.mkdir(path.join(root, d), { recursive: true });
    await writeFileAtomic(path.join(root, WORKSPACE_FILES.registry), jsonText({ format: 'scsa-registry', schemaVersion: WORKSPACE_SCHEMA_VERSION, keys: [] }));
    // workspace.json last: a folder without it is not (yet) a workspace, whatever else a crash left.
    const info: WorkspaceFile = { format: 'scsa-workspace', schemaVersion: WORKSPACE_SCHEMA_VERSION, createdAt: now.toISOString() };
    await writeFileAtomic(path.join(root, WORKSPACE_FILES.workspace), jsonText(info));
  });
  log.info(`workspace created in ${root}`);
  return openWorkspace(root, { write: true });
}

async function readInfo(root: string): Promise<WorkspaceFile> {
  const read = await readJsonFile(path.join(root, WORKSPACE_FILES.workspace), WorkspaceFileSchema, WORKSPACE_SCHEMA_VERSION);
  if (read.ok) return read.value;
  if (read.problem === 'missing') {
    const stat = await fs.stat(root).catch(() => null);
    if (!stat) throw new AppError('secretariat:errors.notFound', { dir: root });
    if (!stat.isDirectory()) throw new AppError('secretariat:errors.notAFolder', { dir: root });
    throw new AppError('secretariat:errors.notAWorkspace', { dir: root });
  }
  if (read.problem === 'future') throw new AppError('secretariat:errors.workspaceNewer', { dir: root });
  throw new AppError('secretariat:errors.workspaceDamaged', { dir: root, file: WORKSPACE_FILES.workspace });
}

async function lock(root: string): Promise<LockHandle> {
  try {
    return await acquireLock(path.join(root, WORKSPACE_FILES.lock));
  } catch (err) {
    if (err instanceof AppError && err.code === 'drafts:errors.locked') throw new AppError('secretariat:errors.locked', { dir: root, ...(err.params ?? {}) });
    throw err;
  }
}

/**
 * What a killed import leaves behind, removed while we hold the lock (so no one else is writing):
 * copies on their way in, and a held/rejected note whose file never arrived.
 */
async function sweep(root: string): Promise<void> {
  const incoming = path.join(root, WORKSPACE_DIRS.incoming);
  for (const name of await fs.readdir(incoming).catch(() => [] as string[])) await fs.rm(path.join(incoming, name), { force: true, recursive: true });
  for (const kind of [WORKSPACE_DIRS.held, WORKSPACE_DIRS.rejected]) {
    const folder = path.join(root, kind);
    for (const name of await fs.readdir(folder).catch(() => [] as string[])) {
      if (name.startsWith('.') && name.endsWith('.tmp')) await fs.rm(path.join(folder, name), { force: true });
    }
  }
  // The workspace's own JSON files are only written under the lock; a lock attempt's temp file is
  // another process's, and goes only once that process is gone.
  for (const name of await fs.readdir(root)) {
    if (/^\.(index|registry|workspace)\.json\.\d+\.[0-9a-f]+\.tmp$/.test(name)) await fs.rm(path.join(root, name), { force: true });
  }
  await removeDeadTempFiles(root);
  await removeOrphanNotes(root);
}

/** A held note whose file never arrived or has left (a kill between the two steps), and a rejected one likewise, unless it stands alone by design. */
async function removeOrphanNotes(root: string): Promise<void> {
  for (const kind of [WORKSPACE_DIRS.held, WORKSPACE_DIRS.rejected]) {
    const folder = path.join(root, kind);
    const names = new Set(await fs.readdir(folder).catch(() => [] as string[]));
    for (const name of names) {
      if (!/^[0-9a-f]{64}\.json$/.test(name) || names.has(name.replace(/\.json$/, '.zip'))) continue;
      const note = await readJsonFile(path.join(folder, name), ReceivedSidecarSchema, WORKSPACE_SCHEMA_VERSION);
      if (note.ok && !note.value.kept) continue;
      await fs.rm(path.join(folder, name), { force: true });
    }
  }
}

/**
 * Open the workspace in `dir`. Refuses a folder that is not one (`notAWorkspace`), one written by a
 * newer version, and — for writing — one another process holds (`locked`) or that cannot be
 * written (`readOnly`, `diskFull`). A damaged registry is restored from its log, with a notice.
 */
export async function openWorkspace(dir: string, options: OpenOptions = {}): Promise<Workspace> {
  const root = path.resolve(dir);
  const write = options.write === true;
  return inWorkspace(root, async () => {
    const info = await readInfo(root);
    const held = write ? await lock(root) : null;
    try {
      if (write) {
        await fs.mkdir(path.join(root, WORKSPACE_DIRS.incoming), { recursive: true });
        await sweep(root);
      }
      const notices: Notice[] = [];
      const registry = await loadWorkspaceRegistry(root, write, notices);
      const ws: Workspace = {
        dir: root,
        writable: write,
        info,
        registry,
        notices,
        path: (relative) => resolveIn(root, relative),
        close: async () => {
          await held?.release();
        },
      };
      return ws;
    } catch (err) {
      await held?.release();
      throw err;
    }
  });
}

/** Throw unless the workspace was opened for writing (a programming error, said plainly). */
export function assertWritable(ws: Workspace): void {
  if (!ws.writable) throw new AppError('secretariat:errors.notWritable', { dir: ws.dir });
}

/** Save workspace.json (e.g. the analyst's pick of the current revision). */
export async function saveWorkspaceInfo(ws: Workspace, info: WorkspaceFile): Promise<void> {
  assertWritable(ws);
  const checked = WorkspaceFileSchema.parse(info);
  await inWorkspace(ws.dir, () => writeFileAtomic(path.join(ws.dir, WORKSPACE_FILES.workspace), jsonText(checked)));
  ws.info = checked;
}
