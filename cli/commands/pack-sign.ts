import path from 'node:path';
import { AppError } from '../../core/errors';
import { writeFileAtomic } from '../../core/fs/atomic';
import { findPack } from '../../core/checklist/registry';
import { printableFingerprint } from '../../core/keys';
import { looksLikeZip, buildPackContainer } from '../../core/packs/container';
import { checkPackText } from '../../core/packs/check';
import { readPackFile } from '../../core/packs/open';
import { EXIT } from '../exit-codes';
import { PASSPHRASE_VARIABLE, reportAppError } from './passphrase';
import { loadKeyForCli, unlockForCli } from './unlock-key';
import { option, packText, usage } from './pack-input';
import type { CommandRun } from './types';

/**
 * `scsa pack sign FILE --key DIR --out FILE.scsa-pack`: sign a pack.json with the secretariat's key
 * (a key folder as for `scsa export --key`; passphrase from SCSA_PASSPHRASE or a prompt) into the
 * container the app installs. A pack with any error of `scsa pack check` is refused before the
 * passphrase is asked for, and nothing is written.
 */
export const run: CommandRun = async (ctx) => {
  const file = ctx.positionals[0] as string;
  const keyDir = option(ctx, 'key');
  const out = option(ctx, 'out');
  if (keyDir === undefined) return usage(ctx, 'pack sign', 'errors.missingOption', { option: '--key DIR' });
  if (out === undefined) return usage(ctx, 'pack sign', 'errors.missingOption', { option: '--out FILE.scsa-pack' });
  try {
    const bytes = await readPackFile(file);
    if (looksLikeZip(bytes)) {
      ctx.err(`scsa: ${ctx.t('packSign.alreadySigned', { file })}`);
      return EXIT.failedCheck;
    }
    const report = checkPackText(packText(bytes), findPack);
    if (!report.ok || !report.pack) {
      for (const f of report.findings.filter((x) => x.severity === 'error')) ctx.err(`  ${ctx.t(f.code, f.params)}`);
      ctx.err(`scsa: ${ctx.t('packSign.refused', { file, command: `scsa pack check ${file}` })}`);
      return EXIT.failedCheck;
    }
    const keyFile = await loadKeyForCli(ctx, path.resolve(keyDir), keyDir);
    if (typeof keyFile === 'number') return keyFile;
    const key = await unlockForCli(ctx, keyFile, PASSPHRASE_VARIABLE, ctx.t('bundle:cli.prompt'));
    if (typeof key === 'number') return key;
    await writeFileAtomic(path.resolve(out), await buildPackContainer(bytes, key));
    ctx.out(ctx.t('packSign.written', { id: report.pack.id, version: report.pack.version, file: out }));
    ctx.out(ctx.t('bundle:cli.signedBy'));
    ctx.out(`${printableFingerprint(key.fingerprint)}\n`);
    ctx.out(ctx.t('packSign.trustHint', { file: `build/trust/${key.fingerprint.slice(0, 16)}.pub.pem` }));
    return EXIT.ok;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return reportAppError(ctx, err);
  }
};
