import { promises as fs } from 'node:fs';
import { findPack } from '../../core/checklist/registry';
import type { LoadedPack } from '../../core/checklist/load';
import type { Draft } from '../../core/draft/schema';
import { MAX_PORTABLE_BYTES } from '../../core/store/portable';
import { parseDraftBytes } from '../../core/store/read';
import { EXIT, type ExitCode } from '../exit-codes';
import type { CommandContext } from './types';

export interface DraftOnDisk {
  draft: Draft;
  loaded: LoadedPack;
}

/**
 * Read a portable draft named on the command line and the checklist it was written against. Every
 * way this can fail (missing, unreadable, damaged, a checklist the app does not carry) is told in one
 * sentence in the message language, and gives exit 1.
 */
export async function readDraftFile(ctx: CommandContext, file: string): Promise<DraftOnDisk | ExitCode> {
  const fail = (key: string, params: Record<string, string | number> = {}): ExitCode => {
    ctx.err(`scsa: ${ctx.t(key, { file, ...params })}`);
    return EXIT.failedCheck;
  };
  const stat = await fs.stat(file).catch((err: NodeJS.ErrnoException) => err);
  if (stat instanceof Error) return fail(stat.code === 'ENOENT' ? 'validate.notFound' : 'validate.unreadable');
  if (!stat.isFile() || stat.size > MAX_PORTABLE_BYTES) return fail('validate.unreadable');
  const bytes = await fs.readFile(file).catch(() => null);
  if (!bytes) return fail('validate.unreadable');
  const parsed = parseDraftBytes(bytes);
  if (!parsed.ok) {
    // A schema problem is told in the core's own words (which item, which limit), not as a bare path.
    if (parsed.reason === 'schema') return fail('validate.damaged.schema', { reason: ctx.t(parsed.error.code, parsed.error.params ?? {}) });
    return fail(`validate.damaged.${parsed.reason}`, parsed.error.params ?? {});
  }
  const { draft } = parsed;
  const loaded = findPack(draft.checklist);
  if (!loaded) {
    const code = fail('validate.packNotFound', { id: draft.checklist.id, version: draft.checklist.version });
    // A version installed in the app lives in its data folder, which only --data names (validate, pdf).
    if (ctx.options['data'] === undefined) ctx.err(ctx.t('validate.packNotFoundHint'));
    return code;
  }
  return { draft, loaded };
}
