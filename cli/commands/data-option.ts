import { promises as fs } from 'node:fs';
import { loadInstalledPacks } from '../../core/packs/install';
import { EXIT, type ExitCode } from '../exit-codes';
import { option, trustForCli } from './pack-input';
import type { CommandContext } from './types';

/**
 * `--data DIR`: the app's data folder, whose installed checklist versions (`DIR/packs/`) the command
 * may then read a draft against. Each installed file is checked as the app checks it at start-up
 * (signature, the shipped trust list plus `--trust PUB.pem`, content); one that fails is not used.
 * Returns an exit code when the option cannot be used, otherwise nothing.
 */
export async function useInstalledPacks(ctx: CommandContext, command: string): Promise<ExitCode | undefined> {
  const dir = option(ctx, 'data');
  if (dir === undefined) return undefined;
  const stat = await fs.stat(dir).catch(() => null);
  if (!stat?.isDirectory()) {
    ctx.err(`scsa: ${ctx.t('data.notAFolder', { dir })}`);
    return EXIT.failedCheck;
  }
  const trust = await trustForCli(ctx, command);
  if (typeof trust === 'number') return trust;
  const { problems } = await loadInstalledPacks(dir, trust);
  // A file the app would not use either is named, so "checklist not found" that follows has its reason.
  for (const p of problems) ctx.err(`scsa: ${ctx.t('data.packNotUsed', { file: p.file, reason: ctx.t(p.code, p.params) })}`);
  return undefined;
}
