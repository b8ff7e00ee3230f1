import path from 'node:path';
import { printableFingerprint, type SigningKey } from '../../core/keys';
import { countersignBundle, CountersignRefusedError } from '../../core/secretariat';
import { EXIT } from '../exit-codes';
import { PASSPHRASE_VARIABLE, reportAppError } from './passphrase';
import { loadKeyForCli, unlockForCli } from './unlock-key';
import { percentText, progressLine } from './progress-line';
import { optionValue, usageError } from './workspace-option';
import type { CommandContext, CommandRun } from './types';

async function unlock(ctx: CommandContext, keyDir: string, shown: string): Promise<SigningKey | number> {
  const keyFile = await loadKeyForCli(ctx, keyDir, shown);
  if (typeof keyFile === 'number') return keyFile;
  return unlockForCli(ctx, keyFile, PASSPHRASE_VARIABLE, ctx.t('bundle:cli.prompt'));
}

/**
 * `scsa countersign BUNDLE --key DIR --out FILE`: an approver adds a signature to a valid bundle.
 * The bag is copied unchanged (its tag manifest, so every earlier signature, still holds) into a new
 * file; the source is never changed. Exit 1 when the bundle is invalid or the key signed it already.
 */
export const run: CommandRun = async (ctx) => {
  const source = ctx.positionals[0] as string;
  const keyDir = optionValue(ctx, 'key');
  const out = optionValue(ctx, 'out');
  if (keyDir === undefined) return usageError(ctx, 'countersign', 'errors.missingOption', { option: '--key DIR' });
  if (out === undefined) return usageError(ctx, 'countersign', 'errors.missingOption', { option: '--out FILE' });
  try {
    const signer = await unlock(ctx, path.resolve(keyDir), keyDir);
    if (typeof signer === 'number') return signer;
    const progress = progressLine((done, total) => ctx.t('countersign.progress', { percent: percentText(ctx.language, done, total) }));
    const result = await countersignBundle({ source: path.resolve(source), signer, out: path.resolve(out), onProgress: (d, t) => progress.update(d, t) }).finally(() => progress.clear());
    ctx.out(ctx.t('countersign.written', { file: path.relative(process.cwd(), result.file) || result.file }));
    ctx.out(ctx.t('countersign.signers'));
    for (const fp of result.fingerprints) ctx.out(`${printableFingerprint(fp)}${fp === signer.fingerprint ? `  ${ctx.t('countersign.added')}` : ''}\n`);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CountersignRefusedError) {
      ctx.err(`scsa: ${ctx.t('secretariat:errors.countersignInvalid')}`);
      ctx.err(`scsa: ${ctx.t('bundle:cli.invalid', { reason: ctx.t(err.reason.code, err.reason.params) })}`);
      return EXIT.failedCheck;
    }
    return reportAppError(ctx, err);
  }
};
