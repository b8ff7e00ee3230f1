/**
 * The one secretariat workspace an app session has open (DESIGN.md "Secretariat workspace"). Every
 * workspace call — registry, import, submissions, analysis, export — goes through this holder: it
 * opens for writing when it can (taking the folder's lock), falls back to reading only when another
 * program holds the lock or the folder cannot be written, runs the work on the workspace one piece
 * at a time (two imports never interleave, and closing waits for work under way), and releases the
 * lock on close and on quit.
 */
import path from 'node:path';
import { AppError } from '../../errors';
import { createLogger } from '../../log';
import { createWorkspace, openWorkspace, type Workspace } from '../../secretariat';
import { rememberWorkspace } from './recent';

const log = createLogger('workspace-session');

/** Why a workspace opened for reading only: the error that refused writing (locked, read-only folder…). */
export interface ReadOnlyCause {
  code: string;
  params?: Record<string, string | number>;
}

export interface WorkspaceSessionOptions {
  /** The app's data folder: the recent workspaces are remembered there (null: not remembered). */
  dataDir: string | null;
  now?: () => Date;
}

const FALLBACK_CODES = new Set(['secretariat:errors.locked', 'secretariat:errors.readOnly', 'secretariat:errors.diskFull']);

export class WorkspaceSession {
  private ws: Workspace | null = null;
  private cause: ReadOnlyCause | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private disposed = false;

  constructor(private readonly options: WorkspaceSessionOptions) {}

  /** The open workspace, or null. */
  current(): Workspace | null {
    return this.ws;
  }

  /** Why the open workspace is read-only (null when writable or none is open). */
  readOnlyCause(): ReadOnlyCause | null {
    return this.cause;
  }

  /** The open workspace; `secretariat:errors.noWorkspaceOpen` when there is none. */
  require(): Workspace {
    if (!this.ws) throw new AppError('secretariat:errors.noWorkspaceOpen');
    return this.ws;
  }

  /** The open workspace, if it may be changed; `secretariat:errors.openedReadOnly` otherwise. */
  requireWritable(): Workspace {
    const ws = this.require();
    if (!ws.writable) throw new AppError('secretariat:errors.openedReadOnly', { dir: ws.dir });
    return ws;
  }

  /**
   * Run `fn` on the open workspace after every piece of work started before it (one at a time: the
   * engine's files are written by one hand). The workspace is looked up when `fn` starts.
   */
  run<T>(fn: (ws: Workspace) => Promise<T>): Promise<T> {
    return this.serial(async () => fn(this.require()));
  }

  /** Like `run`, for a change: refused on a read-only workspace. */
  change<T>(fn: (ws: Workspace) => Promise<T>): Promise<T> {
    return this.serial(async () => fn(this.requireWritable()));
  }

  /**
   * Open the workspace in `dir`, closing the one open before. For writing when possible; when
   * another program holds its lock or the folder cannot be written, for reading only (the cause is
   * kept for the screen) — unless `readOnlyFallback` is false, then that error is thrown.
   */
  open(dir: string, readOnlyFallback = true): Promise<Workspace> {
    return this.serial(async () => {
      this.assertAlive();
      const root = path.resolve(dir);
      await this.closeNow();
      let cause: ReadOnlyCause | null = null;
      let ws: Workspace;
      try {
        ws = await openWorkspace(root, { write: true });
      } catch (err) {
        if (!(readOnlyFallback && err instanceof AppError && FALLBACK_CODES.has(err.code))) throw err;
        cause = err.toApiError();
        ws = await openWorkspace(root, { write: false });
      }
      return this.adopt(ws, cause);
    });
  }

  /** Make a new workspace in `dir` (new or empty folder) and open it, closing the one open before. */
  create(dir: string): Promise<Workspace> {
    return this.serial(async () => {
      this.assertAlive();
      await this.closeNow();
      return this.adopt(await createWorkspace(path.resolve(dir), this.options.now?.()), null);
    });
  }

  /** Close the open workspace (its lock released) once the work under way is over. Idempotent. */
  close(): Promise<void> {
    return this.serial(() => this.closeNow());
  }

  /** On quit: no new workspace opens; the open one is closed after the work under way. */
  dispose(): Promise<void> {
    this.disposed = true;
    return this.close();
  }

  private async adopt(ws: Workspace, cause: ReadOnlyCause | null): Promise<Workspace> {
    this.ws = ws;
    this.cause = cause;
    if (this.options.dataDir) {
      await rememberWorkspace(this.options.dataDir, ws.dir, this.options.now?.() ?? new Date()).catch((err: unknown) => log.warn('recent workspaces not saved', err));
    }
    log.info(`workspace open${ws.writable ? '' : ' (read-only)'}: ${ws.dir}`);
    return ws;
  }

  private async closeNow(): Promise<void> {
    const ws = this.ws;
    this.ws = null;
    this.cause = null;
    if (ws) await ws.close();
  }

  private assertAlive(): void {
    if (this.disposed) throw new AppError('secretariat:errors.sessionClosed');
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn);
    this.chain = next.catch(() => undefined);
    return next;
  }
}
