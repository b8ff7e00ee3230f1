import path from 'node:path';
import { printableFingerprint } from '../../core/keys';
import { verifyBundle, type SignerResult } from '../../core/bundle';
import { countryText } from '../country-text';
import { EXIT } from '../exit-codes';
import { registryOption } from './registry-option';
import { percentText, progressLine } from './progress-line';
import type { CommandContext, CommandRun } from './types';

/** Exit code for an intact, correctly signed bundle whose key the registry does not list. */
const VALID_UNREGISTERED = 3;

/**
 * Each signer on its own: its status, then its fingerprint grouped for reading (and in full where
 * it may have to be registered or looked into). With co-signers, who is registered is never left
 * for the reader to guess. `country` is null for an invalid bundle: only whether each signature holds is said.
 */
function signerLines(ctx: CommandContext, signers: readonly SignerResult[], country: string | null, hasRegistry: boolean): string[] {
  return signers.flatMap((s, i) => {
    const where = { index: i + 1, count: signers.length, country: country ?? '' };
    if (s.status === 'registered' && country !== null) return [ctx.t('bundle:cli.signerRegistered', where), printableFingerprint(s.fingerprint)];
    const key =
      s.status === 'invalid'
        ? 'bundle:cli.signerInvalid'
        : country === null
          ? 'bundle:cli.signerHolds'
          : hasRegistry
            ? 'bundle:cli.signerUnregistered'
            : 'bundle:cli.signerUnchecked';
    return [ctx.t(key, where), s.fingerprint, printableFingerprint(s.fingerprint)];
  });
}

/**
 * `scsa verify BUNDLE [--registry FILE]`: exit 0 valid and signed by a registered key; 3 valid but
 * no signer's key is in the registry; 1 invalid, with the first reason; 2 a usage error (including a
 * registry file that cannot be used). Every signer is listed with its own status.
 */
export const run: CommandRun = async (ctx) => {
  const file = path.resolve(ctx.positionals[0] as string);
  const registry = await registryOption(ctx);
  if (typeof registry === 'number') return registry;
  const progress = progressLine((done, total) => ctx.t('verify.progress', { percent: percentText(ctx.language, done, total) }));
  const result = await verifyBundle(file, { ...(registry ? { registry } : {}), onProgress: (done, total) => progress.update(done, total) }).finally(() =>
    progress.clear(),
  );
  const signers = result.signers ?? [];
  if (result.status === 'invalid') {
    const reason = result.reason ? ctx.t(result.reason.code, result.reason.params) : '';
    ctx.err(`scsa: ${ctx.t('bundle:cli.invalid', { reason })}`);
    // Which co-signer failed, beside the ones that hold; otherwise the reason says it all.
    if (signers.some((s) => s.status === 'invalid') && signers.length > 1) {
      for (const line of signerLines(ctx, signers, null, registry !== undefined)) ctx.err(line);
    }
    return EXIT.failedCheck;
  }
  const country = countryText(result.bundle?.country ?? '', ctx.language);
  if (result.status === 'valid-registered') ctx.out(ctx.t('bundle:cli.validRegistered', { country }));
  else ctx.out(ctx.t(registry ? 'bundle:cli.validNotRegistered' : 'bundle:cli.validSigned', { country }));
  for (const line of signerLines(ctx, signers, country, registry !== undefined)) ctx.out(line);
  if (!registry) ctx.err(ctx.t('bundle:cli.noRegistry'));
  return result.status === 'valid-registered' ? EXIT.ok : VALID_UNREGISTERED;
};
