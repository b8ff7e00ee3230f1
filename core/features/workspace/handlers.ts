/**
 * The workspace feature's handlers: over the session's one open workspace (session.ts) and the
 * secretariat engine. Work that changes the workspace runs through `session.change`, one at a time.
 */
import type { HandlersOf, IncomingFile } from '../../api/common';
import type { DownloadDesk } from '../../api/downloads';
import type { JobQueue } from '../../jobs/job-queue';
import type { SigningKey } from '../../keys/keys';
import { loadIndex, type Workspace } from '../../secretariat';
import type { AddKeyParams, RegistryChangeView, WorkspaceStatus, workspaceContract, workspaceSessionContract } from './contract';
import { createCountersignHandlers } from './countersign-handlers';
import { createImportHandlers } from './import-handlers';
import { createRegistryHandlers } from './registry-handlers';
import { createStoredHandlers } from './stored-handlers';
import { forgetWorkspace, readRecentWorkspaces } from './recent';
import type { WorkspaceSession } from './session';

export interface WorkspaceHandlerOptions {
  session: WorkspaceSession;
  dataDir: string;
  jobs: JobQueue;
  downloads: DownloadDesk;
  /** This computer's signing key, unlocked (for countersigning). */
  unlock(passphrase: string): Promise<SigningKey>;
  now?: () => Date;
}

interface WorkspaceUploads {
  addRegistryKey(file: IncomingFile, params: AddKeyParams): Promise<RegistryChangeView>;
  applyKeyReplacement(file: IncomingFile): Promise<RegistryChangeView>;
  stageImportFile(file: IncomingFile, batchId: string): Promise<{ name: string }>;
  countersignBundleFile(file: IncomingFile, passphrase: string): Promise<{ jobId: string }>;
}

/** The feature's contract handlers and uploads, and `dispose` (staged import batches removed). */
export function createWorkspaceFeature(options: WorkspaceHandlerOptions): { handlers: HandlersOf<typeof workspaceContract>; uploads: WorkspaceUploads; dispose(): Promise<void> } {
  const { session, dataDir } = options;
  const { addRegistryKey, applyKeyReplacement, ...registry } = createRegistryHandlers(session, options.now);
  const { stageImportFile, dispose, ...imports } = createImportHandlers(session, options.jobs, dataDir);
  const { countersignBundleFile, downloadCountersigned } = createCountersignHandlers({ session, jobs: options.jobs, downloads: options.downloads, dataDir, unlock: options.unlock });
  return {
    handlers: {
      ...createWorkspaceHandlers(session, dataDir),
      ...registry,
      ...imports,
      ...createStoredHandlers(session, options.downloads, dataDir),
      downloadCountersigned,
    },
    uploads: {
      addRegistryKey,
      applyKeyReplacement,
      stageImportFile,
      countersignBundleFile: (file: IncomingFile, passphrase: string) => countersignBundleFile(file, passphrase),
    },
    dispose,
  };
}

async function statusOf(session: WorkspaceSession, ws: Workspace): Promise<WorkspaceStatus> {
  const notices = [...ws.notices];
  const index = await loadIndex(ws, {}, notices);
  // A notice is told once: the screen shows what this call brought.
  ws.notices.length = 0;
  const cause = session.readOnlyCause();
  return {
    dir: ws.dir,
    writable: ws.writable,
    ...(cause ? { readOnlyCause: cause } : {}),
    createdAt: ws.info.createdAt,
    notices,
    counts: { keys: ws.registry.length, submissions: index.submissions.length, held: index.held.length, rejected: index.rejected.length },
  };
}

function createWorkspaceHandlers(session: WorkspaceSession, dataDir: string): HandlersOf<typeof workspaceSessionContract> {
  return {
    async getWorkspace() {
      if (!session.current()) return null;
      return session.run((ws) => statusOf(session, ws));
    },
    async openWorkspace(dir) {
      await session.open(dir);
      return session.run((ws) => statusOf(session, ws));
    },
    async createWorkspace(dir) {
      await session.create(dir);
      return session.run((ws) => statusOf(session, ws));
    },
    async closeWorkspace() {
      await session.close();
      return null;
    },
    async listRecentWorkspaces() {
      return readRecentWorkspaces(dataDir);
    },
    async forgetRecentWorkspace(dir) {
      await forgetWorkspace(dataDir, dir);
      return null;
    },
  };
}
