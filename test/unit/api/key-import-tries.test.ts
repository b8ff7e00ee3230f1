// Importing a key file (a backup) means typing its passphrase: a wrong one counts towards the same
// pause as a wrong unlock, and a paused app opens nothing. A key file asking for scrypt settings
// outside the budget is refused before any derivation, uncounted (no guess was made), with its own
// message.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSigningKeys, MAX_WRONG_PASSPHRASES, PASSPHRASE_PAUSE_MS } from '../../../core/features/keys/handlers';
import { AppError } from '../../../core/errors';
import { setLogSink } from '../../../core/log';

setLogSink(null);
const SCRYPT = { N: 2 ** 14, r: 8, p: 1 };
const PASS = 'correct horse battery';
const HOSTILE = path.resolve(__dirname, '../../fixtures/hostile/keys');

let dir = '';
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-key-import-tries-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A backup of a fresh key, as the app writes it (sealed by the passphrase alone). */
async function backupText(): Promise<string> {
  const source = createSigningKeys({ dataDir: path.join(dir, 'source'), keyScrypt: SCRYPT });
  await source.handlers.createSigningKey(PASS);
  return (await source.handlers.backupSigningKey(PASS)).text;
}

/** The key verbs of a fresh data folder with a clock the test moves; `importCode` gives the error code of an import, or 'ok'. */
function app() {
  const clock = { now: 1_000_000 };
  const keys = createSigningKeys({ dataDir: path.join(dir, 'target'), keyScrypt: SCRYPT, now: () => clock.now });
  const importCode = async (text: string, passphrase: string) => {
    try {
      await keys.handlers.importSigningKey(text, passphrase);
      return 'ok';
    } catch (err) {
      if (err instanceof AppError) return err.code;
      throw err;
    }
  };
  return { clock, keys, importCode };
}

describe('importing a key file', () => {
  it('counts wrong passphrases like unlocks: the third pauses, and a paused app refuses even the right one', async () => {
    const text = await backupText();
    const { clock, keys, importCode } = app();
    for (let i = 1; i < MAX_WRONG_PASSPHRASES; i++) {
      expect(await importCode(text, `wrong passphrase ${i}`)).toBe('bundle:errors.wrongPassphrase');
    }
    expect(await importCode(text, 'wrong passphrase 3')).toBe('signing:errors.paused');
    expect(await importCode(text, PASS)).toBe('signing:errors.paused');
    expect(await keys.handlers.getSigningKey()).toBeNull();
    clock.now += PASSPHRASE_PAUSE_MS + 1;
    expect(await importCode(text, PASS)).toBe('ok');
  });

  it('shares the pause with unlocking: after wrong imports, signing is paused too, and a success resets the count', async () => {
    const text = await backupText();
    const { clock, keys, importCode } = app();
    for (let i = 1; i <= MAX_WRONG_PASSPHRASES; i++) await importCode(text, `wrong passphrase ${i}`);
    // Without a key this would say "no key": the pause comes first, whatever opens a key.
    await expect(keys.unlock(PASS)).rejects.toMatchObject({ code: 'signing:errors.paused' });
    clock.now += PASSPHRASE_PAUSE_MS + 1;
    expect(await importCode(text, 'wrong passphrase 4')).toBe('bundle:errors.wrongPassphrase');
    expect(await importCode(text, PASS)).toBe('ok');
    await expect(keys.unlock('wrong passphrase 5')).rejects.toMatchObject({ code: 'bundle:errors.wrongPassphrase' });
    await expect(keys.unlock('wrong passphrase 6')).rejects.toMatchObject({ code: 'bundle:errors.wrongPassphrase' });
    await expect(keys.unlock('wrong passphrase 7')).rejects.toMatchObject({ code: 'signing:errors.paused' });
  });

  it.each(['scrypt-4gib', 'scrypt-512mib', 'scrypt-p-work', 'scrypt-r-2tib'])(
    'a hostile file (%s) is refused with the scrypt message, uncounted, and nothing is saved',
    async (name) => {
      const text = await fs.readFile(path.join(HOSTILE, name, 'private-key.json'), 'utf8');
      const { keys, importCode } = app();
      for (let i = 0; i < MAX_WRONG_PASSPHRASES + 1; i++) {
        expect(await importCode(text, PASS)).toBe('bundle:errors.keyKdfRefused');
      }
      expect(await keys.handlers.getSigningKey()).toBeNull();
    },
  );
});
