import { AppError } from '../errors';

const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM']);
const FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/** The error code of a failed file operation, if it is one. */
export function errnoOf(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A file-system failure in a workspace as a message the analyst can act on: a read-only folder
 * (no permission, read-only medium), a full disk or quota. AppErrors pass through; anything else
 * becomes `secretariat:errors.io` with the system's code, never a stack trace.
 */
export function workspaceError(err: unknown, dir: string): AppError {
  if (err instanceof AppError) return err;
  const code = errnoOf(err);
  if (code && READ_ONLY.has(code)) return new AppError('secretariat:errors.readOnly', { dir }, err);
  if (code && FULL.has(code)) return new AppError('secretariat:errors.diskFull', { dir }, err);
  return new AppError('secretariat:errors.io', { dir, detail: code ?? (err instanceof Error ? err.message : String(err)).slice(0, 200) }, err);
}

/** Run `fn`, turning a file-system failure into `workspaceError`. */
export async function inWorkspace<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw workspaceError(err, dir);
  }
}
