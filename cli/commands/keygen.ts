import { promises as fs } from 'node:fs';
import path from 'node:path';
import { KEY_FILES, generateKey, printableFingerprint, saveKey } from '../../core/keys';
import { EXIT } from '../exit-codes';
import { PASSPHRASE_VARIABLE, fromEnvironment, promptHidden, reportAppError } from './passphrase';
import type { CommandContext, CommandRun } from './types';

function usage(ctx: CommandContext, key: string, params: Record<string, string> = {}): number {
  ctx.err(`scsa: ${ctx.t(key, params)}`);
  ctx.err(ctx.t('usage.moreHelp', { command: 'scsa keygen --help' }));
  return EXIT.usage;
}

/** The new key's passphrase: SCSA_PASSPHRASE, or typed twice at a terminal without echo. */
async function newPassphrase(ctx: CommandContext): Promise<string | number> {
  const fromEnv = fromEnvironment();
  if (fromEnv !== null) return fromEnv;
  if (!process.stdin.isTTY) return usage(ctx, 'bundle:cli.noPassphrase', { variable: PASSPHRASE_VARIABLE });
  const first = await promptHidden(ctx.t('bundle:cli.promptNew'));
  if (first === null) return EXIT.usage;
  const second = await promptHidden(ctx.t('bundle:cli.promptRepeat'));
  if (second === null) return EXIT.usage;
  if (first !== second) {
    ctx.err(`scsa: ${ctx.t('bundle:cli.passphraseMismatch')}`);
    return EXIT.failedCheck;
  }
  return first;
}

/**
 * `scsa keygen --out DIR`: a new Ed25519 signing key in DIR (private key sealed under the
 * passphrase, public key PEM, fingerprint). Never writes over a key; prints the fingerprint to send
 * to the secretariat.
 */
export const run: CommandRun = async (ctx) => {
  const out = ctx.options.out;
  if (typeof out !== 'string' || out === '') return usage(ctx, 'errors.missingOption', { option: '--out DIR' });
  const dir = path.resolve(out);
  // Checked before asking for a passphrase, so nobody types one for nothing.
  for (const name of [KEY_FILES.privateKey, KEY_FILES.publicKey]) {
    if (await fs.lstat(path.join(dir, name)).catch(() => null)) {
      ctx.err(`scsa: ${ctx.t('bundle:errors.keyExists', { dir: out })}`);
      return EXIT.failedCheck;
    }
  }
  const passphrase = await newPassphrase(ctx);
  if (typeof passphrase === 'number') return passphrase;
  try {
    const sealed = await generateKey(passphrase);
    await saveKey(dir, sealed);
    ctx.out(ctx.t('bundle:cli.keyCreated', { dir: out }));
    ctx.out(ctx.t('bundle:cli.fingerprintIntro'));
    ctx.out(`${printableFingerprint(sealed.fingerprint)}\n`);
    return EXIT.ok;
  } catch (err) {
    return reportAppError(ctx, err);
  }
};
