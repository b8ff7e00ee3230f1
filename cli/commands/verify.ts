import path from 'node:path';
import { printableFingerprint } from '../../core/keys';
import { registrationOf, verifyBundle, type KeyRegistry, type SignerResult, type VerifyResult } from '../../core/bundle';
import { countryText } from '../country-text';
import { visibleControls } from '../../core/text/sanitize';
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
function signerLines(ctx: CommandContext, signers: readonly SignerResult[], country: string | null, hasRegistry: boolean, roleOf: (fp: string) => string | null = () => null): string[] {
  return signers.flatMap((s, i) => {
    const where = { index: i + 1, count: signers.length, country: country ?? '' };
    if (s.status === 'registered' && country !== null) {
      const role = roleOf(s.fingerprint);
      return [ctx.t('bundle:cli.signerRegistered', where), printableFingerprint(s.fingerprint), ...(role ? [`  ${role}`] : [])];
    }
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
 * The role a workspace registry gives a registered signer for the bundle's country and date
 * (`focal point, <name>`, `approver, <name>`); null for a registry without roles.
 */
function registeredRole(ctx: CommandContext, registry: KeyRegistry | undefined, result: VerifyResult): (fp: string) => string | null {
  return (fp) => {
    if (!registry || !result.bundle) return null;
    const entry = registrationOf(registry, fp, result.bundle.country, result.bundle.baggingDate);
    if (!entry?.role) return null;
    const role = ctx.t(`secretariat:roles.${entry.role}`);
    return entry.name ? `${role}, ${visibleControls(entry.name)}` : role;
  };
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
  for (const line of signerLines(ctx, signers, country, registry !== undefined, registeredRole(ctx, registry, result))) ctx.out(line);
  if (!registry) ctx.err(ctx.t('bundle:cli.noRegistry'));
  return result.status === 'valid-registered' ? EXIT.ok : VALID_UNREGISTERED;
};
