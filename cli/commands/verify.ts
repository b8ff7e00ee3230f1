import path from 'node:path';
import { printableFingerprint } from '../../core/keys';
import { verifyBundle } from '../../core/bundle';
import { countryText } from '../country-text';
import { EXIT } from '../exit-codes';
import { registryOption } from './registry-option';
import { percentText, progressLine } from './progress-line';
import type { CommandRun } from './types';

/** Exit code for an intact, correctly signed bundle whose key the registry does not list. */
const VALID_UNREGISTERED = 3;

/**
 * `scsa verify BUNDLE [--registry FILE]`: exit 0 valid and signed by a registered key; 3 valid but
 * the key is not in the registry (its fingerprint printed); 1 invalid, with the first reason; 2 a
 * usage error (including a registry file that cannot be used).
 */
export const run: CommandRun = async (ctx) => {
  const file = path.resolve(ctx.positionals[0] as string);
  const registry = await registryOption(ctx);
  if (typeof registry === 'number') return registry;
  const progress = progressLine((done, total) => ctx.t('verify.progress', { percent: percentText(ctx.language, done, total) }));
  const result = await verifyBundle(file, { ...(registry ? { registry } : {}), onProgress: (done, total) => progress.update(done, total) }).finally(() =>
    progress.clear(),
  );
  if (result.status === 'invalid') {
    const reason = result.reason ? ctx.t(result.reason.code, result.reason.params) : '';
    ctx.err(`scsa: ${ctx.t('bundle:cli.invalid', { reason })}`);
    return EXIT.failedCheck;
  }
  if (result.status === 'valid-registered') {
    ctx.out(ctx.t('bundle:cli.validRegistered', { country: countryText(result.bundle?.country ?? '', ctx.language) }));
    for (const fp of result.fingerprints) ctx.out(`${printableFingerprint(fp)}\n`);
    return EXIT.ok;
  }
  ctx.out(ctx.t('bundle:cli.validUnregistered'));
  for (const fp of result.fingerprints) ctx.out(`${fp}\n${printableFingerprint(fp)}\n`);
  if (!registry) ctx.err(ctx.t('bundle:cli.noRegistry'));
  return VALID_UNREGISTERED;
};
