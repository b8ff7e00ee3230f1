/**
 * The secretariat workspace in the app: open or create the session's one workspace folder (see
 * session.ts), the key registry, imports (a job) and the submissions kept. The engine is
 * core/secretariat; the folder's files are documented in docs/formats/workspace.md.
 */
import { z } from 'zod';
import { ApiErrorSchema, NoticeSchema, type MethodSpec } from '../../api/common';

/** A folder path as the analyst typed it or the desktop's folder dialog gave it. */
export const FolderPathSchema = z.string().trim().min(1).max(4096);

/** The open workspace as a screen shows it; `readOnlyCause` says why it could not be opened for changes. */
export const WorkspaceStatusSchema = z.object({
  dir: z.string(),
  writable: z.boolean(),
  readOnlyCause: ApiErrorSchema.optional(),
  createdAt: z.string(),
  notices: z.array(NoticeSchema),
  counts: z.object({ keys: z.number().int(), submissions: z.number().int(), held: z.number().int(), rejected: z.number().int() }),
});
export type WorkspaceStatus = z.infer<typeof WorkspaceStatusSchema>;

export const RecentWorkspaceSchema = z.object({ dir: z.string(), openedAt: z.string() });
export type RecentWorkspace = z.infer<typeof RecentWorkspaceSchema>;

export const workspaceSessionContract = {
  /** The workspace open in this app session, or null. */
  getWorkspace: { channel: 'workspace:get', input: z.tuple([]), output: WorkspaceStatusSchema.nullable() },
  /**
   * Open the workspace in a folder (closing the one open): for changes when possible, else for
   * reading only with `readOnlyCause` (another program holds it, the folder cannot be written).
   */
  openWorkspace: { channel: 'workspace:open', input: z.tuple([FolderPathSchema]), output: WorkspaceStatusSchema },
  /** Make a new workspace in a new or empty folder and open it. */
  createWorkspace: { channel: 'workspace:create', input: z.tuple([FolderPathSchema]), output: WorkspaceStatusSchema },
  /** Close the open workspace (its lock released); nothing open is fine. */
  closeWorkspace: { channel: 'workspace:close', input: z.tuple([]), output: z.null() },
  /** The workspaces opened lately, newest first. */
  listRecentWorkspaces: { channel: 'workspace:recent', input: z.tuple([]), output: z.array(RecentWorkspaceSchema) },
  /** Take a folder off the recent list (nothing on disk changes). */
  forgetRecentWorkspace: { channel: 'workspace:forget-recent', input: z.tuple([FolderPathSchema]), output: z.null() },
} as const satisfies Record<string, MethodSpec>;

export const workspaceContract = {
  ...workspaceSessionContract,
} as const satisfies Record<string, MethodSpec>;
