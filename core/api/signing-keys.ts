/**
 * The app's signing key: one Ed25519 key per data folder (`<dataDir>/keys/`, the format of
 * docs/formats/keys.md), created, shown and unlocked here; bundles (core/api/signing.ts) only ask
 * for an unlocked key. Wrong passphrases are counted so guessing through the app is slow.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { createLogger } from '../log';
import { KEY_FILES, generateKey, loadKeyFile, loadPublicKeyPem, printableFingerprint, saveKey, unlockKey, type SealOptions, type SigningKey } from '../keys';
import type { ApiHandlers, SigningKeyInfo } from './contract';

const log = createLogger('signing-keys');

/** Shortest passphrase the app accepts for a new key: longer than the core's floor, as it guards an official signature. */
export const APP_MIN_PASSPHRASE = 10;
/** Wrong passphrases allowed within PASSPHRASE_WINDOW_MS before exports pause for PASSPHRASE_PAUSE_MS. */
export const MAX_WRONG_PASSPHRASES = 3;
export const PASSPHRASE_WINDOW_MS = 60_000;
export const PASSPHRASE_PAUSE_MS = 30_000;

export interface KeyOptions {
  dataDir: string;
  /** scrypt cost for new keys (the core's default otherwise); tests set it low. */
  keyScrypt?: SealOptions['scrypt'];
  now?: () => number;
}

export type KeyHandlers = Pick<ApiHandlers, 'getSigningKey' | 'createSigningKey'>;

/** The key verbs of the contract, and `unlock` for whoever signs. */
export interface SigningKeys {
  handlers: KeyHandlers;
  /** The unlocked key; wrong passphrases count towards the pause. */
  unlock(passphrase: string): Promise<SigningKey>;
}

/** Counts wrong passphrases so guessing through the app is slow: three within a minute, then a pause. */
export class PassphraseGuard {
  private failures: number[] = [];
  private pausedUntil = 0;
  constructor(private readonly now: () => number) {}

  check(): void {
    const left = this.pausedUntil - this.now();
    if (left > 0) throw new AppError('signing:errors.paused', { seconds: Math.ceil(left / 1000) });
  }

  /** Record a wrong passphrase; the error to show (the pause once the limit is reached). */
  wrong(): AppError {
    const t = this.now();
    this.failures = [...this.failures.filter((f) => t - f < PASSPHRASE_WINDOW_MS), t];
    if (this.failures.length >= MAX_WRONG_PASSPHRASES) {
      this.failures = [];
      this.pausedUntil = t + PASSPHRASE_PAUSE_MS;
      return new AppError('signing:errors.paused', { seconds: Math.ceil(PASSPHRASE_PAUSE_MS / 1000) });
    }
    return new AppError('bundle:errors.wrongPassphrase');
  }

  succeeded(): void {
    this.failures = [];
  }
}

const isCode = (err: unknown, code: string) => err instanceof AppError && err.code === code;

export function createSigningKeys(options: KeyOptions): SigningKeys {
  const keyDir = path.join(options.dataDir, 'keys');
  const guard = new PassphraseGuard(options.now ?? Date.now);

  async function keyInfo(): Promise<SigningKeyInfo | null> {
    const exists = await fs.lstat(path.join(keyDir, KEY_FILES.privateKey)).catch(() => null);
    if (!exists) return null;
    const keyFile = await loadKeyFile(keyDir);
    return {
      fingerprint: keyFile.fingerprint,
      printable: printableFingerprint(keyFile.fingerprint),
      publicKeyPem: await loadPublicKeyPem(keyDir),
      createdAt: keyFile.createdAt,
    };
  }

  async function unlock(passphrase: string): Promise<SigningKey> {
    guard.check();
    const exists = await fs.lstat(path.join(keyDir, KEY_FILES.privateKey)).catch(() => null);
    if (!exists) throw new AppError('signing:errors.noKey');
    const keyFile = await loadKeyFile(keyDir);
    try {
      const key = await unlockKey(keyFile, passphrase);
      guard.succeeded();
      return key;
    } catch (err) {
      if (isCode(err, 'bundle:errors.wrongPassphrase')) throw guard.wrong();
      throw err;
    }
  }

  return {
    unlock,
    handlers: {
      async getSigningKey() {
        return keyInfo();
      },
      async createSigningKey(passphrase) {
        if ([...passphrase.normalize('NFC')].length < APP_MIN_PASSPHRASE) {
          throw new AppError('signing:errors.passphraseTooShort', { min: APP_MIN_PASSPHRASE });
        }
        if (await keyInfo()) throw new AppError('signing:errors.keyExists');
        const sealed = await generateKey(passphrase, options.keyScrypt ? { scrypt: options.keyScrypt } : {});
        await saveKey(keyDir, sealed);
        log.info(`signing key created ${sealed.fingerprint.slice(0, 8)}…`);
        const info = await keyInfo();
        if (!info) throw new AppError('errors.unexpected');
        return info;
      },
    },
  };
}
