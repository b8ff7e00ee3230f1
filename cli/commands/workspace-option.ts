import path from 'node:path';
import { AppError } from '../../core/errors';
import { createWorkspace, openWorkspace, type Notice, type Workspace } from '../../core/secretariat';
import { EXIT } from '../exit-codes';
import { reportAppError } from './passphrase';
import type { CommandContext } from './types';

/** A string option's value, or undefined when it was not given. */
export const optionValue = (ctx: CommandContext, name: string): string | undefined => {
  const v = ctx.options[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

/** A usage mistake of `scsa <command>`: the message, the pointer to help, exit 2. */
export function usageError(ctx: CommandContext, command: string, key: string, params: Record<string, string> = {}): number {
  ctx.err(`scsa: ${ctx.t(key, params)}`);
  ctx.err(ctx.t('usage.moreHelp', { command: `scsa ${command} --help` }));
  return EXIT.usage;
}

export function printNotices(ctx: CommandContext, notices: readonly Notice[]): void {
  for (const n of notices) ctx.err(`scsa: ${ctx.t(n.code, n.params)}`);
}

/**
 * The workspace named by `--workspace DIR`, opened for reading or (with the lock) for writing. With
 * `create`, a folder that does not exist yet or is empty becomes a new workspace, and the user is
 * told. Returns an exit code after the message when it cannot be opened.
 */
export async function workspaceOption(ctx: CommandContext, command: string, mode: { write: boolean; create?: boolean }): Promise<Workspace | number> {
  const dir = optionValue(ctx, 'workspace');
  if (dir === undefined) return usageError(ctx, command, 'errors.missingOption', { option: '--workspace DIR' });
  const full = path.resolve(dir);
  try {
    let ws: Workspace;
    try {
      ws = await openWorkspace(full, { write: mode.write });
    } catch (err) {
      const fresh = err instanceof AppError && (err.code === 'secretariat:errors.notFound' || err.code === 'secretariat:errors.notAWorkspace');
      if (!fresh || !mode.create) throw err;
      ws = await createWorkspace(full).catch((e: unknown) => {
        // A folder with other files in it: say that it is not a workspace, as asked.
        throw e instanceof AppError && e.code === 'secretariat:errors.folderNotEmpty' ? err : e;
      });
      ctx.err(ctx.t('workspace.created', { dir: full }));
    }
    printNotices(ctx, ws.notices);
    return ws;
  } catch (err) {
    return reportAppError(ctx, err);
  }
}
