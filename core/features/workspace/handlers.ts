/**
 * The workspace feature's handlers: over the session's one open workspace (session.ts) and the
 * secretariat engine. Work that changes the workspace runs through `session.change`, one at a time.
 */
import type { HandlersOf } from '../../api/common';
import { loadIndex, type Workspace } from '../../secretariat';
import type { WorkspaceStatus, workspaceContract } from './contract';
import { forgetWorkspace, readRecentWorkspaces } from './recent';
import type { WorkspaceSession } from './session';

export interface WorkspaceHandlerOptions {
  session: WorkspaceSession;
  dataDir: string;
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

export function createWorkspaceHandlers(options: WorkspaceHandlerOptions): HandlersOf<typeof workspaceContract> {
  const { session, dataDir } = options;
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
