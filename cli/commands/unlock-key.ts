import { loadKeyFile, type KeyFile, type SigningKey } from '../../core/keys';
import { EXIT } from '../exit-codes';
import { promptHidden, unlockWithTries } from './passphrase';
import type { CommandContext } from './types';

/** Where the OLD key's passphrase comes from when a key is replaced (the new one: SCSA_PASSPHRASE). */
export const OLD_PASSPHRASE_VARIABLE = 'SCSA_OLD_PASSPHRASE';

/** The wrapping layer the desktop app adds with the OS keychain; the command line has no keychain. */
const OS_KEYCHAIN = 'os-keychain';

class WrongFromEnvironment extends Error {}

/**
 * Read a key file (a key folder or its `private-key.json`) for the command line. A file that the
 * desktop app also sealed with the OS keychain cannot be opened here: say so, and how to get a
 * file that can (the app's backup), before anyone types a passphrase. Returns an exit code on refusal.
 */
export async function loadKeyForCli(ctx: CommandContext, location: string, shown: string): Promise<KeyFile | number> {
  const keyFile = await loadKeyFile(location);
  if (keyFile.wrapping.includes(OS_KEYCHAIN)) {
    ctx.err(`scsa: ${ctx.t('keygen.keychainKey', { dir: shown })}`);
    ctx.err(ctx.t('keygen.keychainHint'));
    return EXIT.failedCheck;
  }
  return keyFile;
}

/**
 * Unlock `keyFile` with the passphrase from `variable`, else a hidden prompt (three tries, then a
 * pause). A passphrase from the environment cannot change between tries: one wrong one is final.
 * With neither a variable nor a terminal it is a usage error (exit 2). Returns the key or an exit code.
 */
export async function unlockForCli(ctx: CommandContext, keyFile: KeyFile, variable: string, prompt: string): Promise<SigningKey | number> {
  const value = process.env[variable];
  const fromEnv = value !== undefined && value !== '' ? value : null;
  if (fromEnv === null && !process.stdin.isTTY) {
    ctx.err(`scsa: ${ctx.t('bundle:cli.noPassphrase', { variable })}`);
    return EXIT.usage;
  }
  const key = await unlockWithTries(keyFile, prompt, {
    ask: fromEnv !== null ? async () => fromEnv : promptHidden,
    onWrong: (left) => {
      ctx.err(`scsa: ${ctx.t('bundle:errors.wrongPassphrase')}`);
      if (fromEnv !== null) {
        ctx.err(ctx.t('keygen.wrongFromVariable', { variable }));
        throw new WrongFromEnvironment();
      }
      if (left > 0) ctx.err(ctx.t('bundle:cli.triesLeft', { left }));
      else ctx.err(ctx.t('bundle:cli.tooManyTries'));
    },
    pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  }).catch((err: unknown) => {
    if (err instanceof WrongFromEnvironment) return null;
    throw err;
  });
  return key ?? EXIT.failedCheck;
}
