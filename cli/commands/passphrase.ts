import { AppError } from '../../core/errors';
import { unlockKey, type KeyFile, type SigningKey } from '../../core/keys';
import type { CommandContext } from './types';

/** Where a passphrase comes from: the environment (scripts) or a hidden prompt (a person at a terminal). */
export const PASSPHRASE_VARIABLE = 'SCSA_PASSPHRASE';

/** Tries before the pause; the pause makes guessing at the prompt slow. */
export const MAX_TRIES = 3;
export const PAUSE_MS = 5000;

export type Ask = (prompt: string) => Promise<string | null>;

/**
 * Read a line from the terminal without echoing it. Resolves null when the user presses Ctrl-C or
 * when there is no terminal to ask.
 */
export function promptHidden(prompt: string): Promise<string | null> {
  const input = process.stdin;
  if (!input.isTTY) return Promise.resolve(null);
  return new Promise((resolve) => {
    process.stderr.write(prompt);
    const wasRaw = input.isRaw;
    input.setRawMode(true);
    input.setEncoding('utf8');
    input.resume();
    let value = '';
    const finish = (result: string | null) => {
      input.removeListener('data', onData);
      input.setRawMode(wasRaw);
      input.pause();
      process.stderr.write('\n');
      resolve(result);
    };
    const onData = (text: string) => {
      for (const ch of text) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish(value);
        if (ch === '\u0003') return finish(null);
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else value += ch;
      }
    };
    input.on('data', onData);
  });
}

/** The passphrase from SCSA_PASSPHRASE, else null if no terminal can be asked. */
export function fromEnvironment(env: NodeJS.ProcessEnv = process.env): string | null {
  const value = env[PASSPHRASE_VARIABLE];
  return value !== undefined && value !== '' ? value : null;
}

export interface UnlockDeps {
  ask: Ask;
  /** Called after a wrong passphrase with the tries left (0 after the last). */
  onWrong: (left: number) => void;
  pause: (ms: number) => Promise<void>;
}

/**
 * Unlock a key by asking for its passphrase up to three times; after the third wrong one, pause and
 * give up (null). A non-passphrase failure (a damaged key file) is thrown at once.
 */
export async function unlockWithTries(keyFile: KeyFile, prompt: string, deps: UnlockDeps): Promise<SigningKey | null> {
  for (let attempt = 1; attempt <= MAX_TRIES; attempt++) {
    const passphrase = await deps.ask(prompt);
    if (passphrase === null) return null;
    try {
      return await unlockKey(keyFile, passphrase);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'bundle:errors.wrongPassphrase') throw err;
      deps.onWrong(MAX_TRIES - attempt);
    }
  }
  await deps.pause(PAUSE_MS);
  return null;
}

/** Print an AppError in the user's language; anything else is not ours to explain here. */
export function reportAppError(ctx: CommandContext, err: unknown): number {
  if (!(err instanceof AppError)) throw err;
  ctx.err(`scsa: ${ctx.t(err.code, err.params ?? {})}`);
  return 1;
}
