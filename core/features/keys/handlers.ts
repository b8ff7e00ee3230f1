/**
 * The app's signing key: one Ed25519 key per data folder (`<dataDir>/keys/`, the format of
 * docs/formats/keys.md), created, imported, replaced, backed up, shown and unlocked here; bundles
 * (core/features/submissions) only ask for an unlocked key. Wrong passphrases are counted so guessing
 * through the app is slow.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../errors';
import { createLogger } from '../../log';
import {
  KEY_FILES,
  OS_KEYCHAIN,
  generateKey,
  importPrivateKeyPem,
  loadKeyFile,
  loadPublicKeyPem,
  parseKeyFileText,
  printableFingerprint,
  saveKey,
  sealSigningKey,
  settleKeyFolder,
  signReplacement,
  swapKey,
  unlockKey,
  verifyReplacement,
  type KeyFile,
  type KeyWrapper,
  type SealOptions,
  type SealedKey,
  type SigningKey,
  type SwapCheckpoint,
} from '../../keys';
import type { HandlersOf } from '../../api/common';
import type { SigningKeyInfo, keysContract } from './contract';

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
  /** Layers over the passphrase that this app can use here (the desktop's OS keychain): new keys get them all. */
  wrappers?: readonly KeyWrapper[];
  now?: () => number;
  /** Tests: throws at a step of a key replacement to stand for a crash there. */
  swapCheckpoint?: SwapCheckpoint;
}

export type KeyHandlers = HandlersOf<typeof keysContract>;

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

function checkNewPassphrase(passphrase: string): void {
  if ([...passphrase.normalize('NFC')].length < APP_MIN_PASSPHRASE) {
    throw new AppError('signing:errors.passphraseTooShort', { min: APP_MIN_PASSPHRASE });
  }
}

/** Name of the backup download: `scsa-key-<first 8 of the fingerprint>.json`. */
export const backupFileName = (fingerprint: string) => `scsa-key-${fingerprint.slice(0, 8)}.json`;

export function createSigningKeys(options: KeyOptions): SigningKeys {
  const keyDir = path.join(options.dataDir, 'keys');
  const now = options.now ?? Date.now;
  const guard = new PassphraseGuard(now);
  const wrappers = options.wrappers ?? [];
  const sealOptions = (): SealOptions => ({ wrappers, ...(options.keyScrypt ? { scrypt: options.keyScrypt } : {}), now: new Date(now()) });

  // One key operation at a time, each starting from a settled folder: a replacement half done
  // (by a crash, or still running) is never seen by a reader.
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(async () => {
      await settleKeyFolder(keyDir, options.swapCheckpoint);
      return task();
    });
    queue = run.catch(() => undefined);
    return run;
  }

  const hasKey = async () => (await fs.lstat(path.join(keyDir, KEY_FILES.privateKey)).catch(() => null)) !== null;

  async function replacedBy(keyFile: KeyFile): Promise<SigningKeyInfo['replaced']> {
    const text = await fs.readFile(path.join(keyDir, KEY_FILES.replacement), 'utf8').catch(() => null);
    if (text === null) return undefined;
    try {
      const statement = verifyReplacement(JSON.parse(text));
      if (statement.newFingerprint !== keyFile.fingerprint) return undefined;
      return { fingerprint: statement.oldFingerprint, printable: printableFingerprint(statement.oldFingerprint), date: statement.date, statement: text };
    } catch (err) {
      // The key itself is fine; only the statement beside it cannot be shown.
      log.warn('key-replacement.json beside the key does not verify; not shown', err instanceof Error ? err.message : err);
      return undefined;
    }
  }

  async function keyInfo(): Promise<SigningKeyInfo | null> {
    if (!(await hasKey())) return null;
    const keyFile = await loadKeyFile(keyDir);
    const replaced = await replacedBy(keyFile);
    return {
      fingerprint: keyFile.fingerprint,
      printable: printableFingerprint(keyFile.fingerprint),
      publicKeyPem: await loadPublicKeyPem(keyDir),
      createdAt: keyFile.createdAt,
      protectedByKeychain: keyFile.wrapping.includes(OS_KEYCHAIN),
      keychainAvailable: wrappers.some((w) => w.id === OS_KEYCHAIN),
      ...(replaced ? { replaced } : {}),
    };
  }

  /** Open a key file with this app's wrappers; a keychain layer it cannot use gets words saying what to do. */
  async function open(keyFile: KeyFile, passphrase: string): Promise<SigningKey> {
    try {
      return await unlockKey(keyFile, passphrase, wrappers);
    } catch (err) {
      if (isCode(err, 'bundle:errors.keyWrapperUnavailable') && keyFile.wrapping.includes(OS_KEYCHAIN)) {
        throw new AppError('signing:errors.keychainUnavailable', undefined, err);
      }
      throw err;
    }
  }

  /** `open`, with a wrong passphrase counted towards the pause (whatever file it was typed for). */
  async function openCounted(keyFile: KeyFile, passphrase: string): Promise<SigningKey> {
    try {
      const key = await open(keyFile, passphrase);
      guard.succeeded();
      return key;
    } catch (err) {
      if (isCode(err, 'bundle:errors.wrongPassphrase')) throw guard.wrong();
      throw err;
    }
  }

  async function unlockStored(passphrase: string): Promise<{ key: SigningKey; keyFile: KeyFile }> {
    guard.check();
    if (!(await hasKey())) throw new AppError('signing:errors.noKey');
    const keyFile = await loadKeyFile(keyDir);
    return { key: await openCounted(keyFile, passphrase), keyFile };
  }

  async function saveNew(sealed: SealedKey, what: string): Promise<SigningKeyInfo> {
    await saveKey(keyDir, sealed);
    log.info(`signing key ${what} ${sealed.fingerprint.slice(0, 8)}…`);
    const info = await keyInfo();
    if (!info) throw new AppError('errors.unexpected');
    return info;
  }

  /**
   * A PEM from another tool, or a key file of this app (a backup) that opens with the passphrase;
   * a wrong passphrase for a key file counts towards the pause, as for the stored key.
   */
  async function sealImported(text: string, passphrase: string): Promise<SealedKey> {
    if (!text.trimStart().startsWith('{')) {
      checkNewPassphrase(passphrase);
      return importPrivateKeyPem(text, passphrase, sealOptions());
    }
    // Opening a key file with a passphrase is a guess like an unlock: the same pause, the same count.
    guard.check();
    const keyFile = parseKeyFileText(text);
    const key = await openCounted(keyFile, passphrase);
    // Its passphrase stays the one it was made with (the command line allows 8 characters), and so
    // does its creation date: it is the same key.
    return sealSigningKey(key, passphrase, { ...sealOptions(), now: new Date(keyFile.createdAt) });
  }

  return {
    unlock: (passphrase) => serial(async () => (await unlockStored(passphrase)).key),
    handlers: {
      getSigningKey: () => serial(keyInfo),
      createSigningKey: (passphrase) =>
        serial(async () => {
          checkNewPassphrase(passphrase);
          if (await hasKey()) throw new AppError('signing:errors.keyExists');
          return saveNew(await generateKey(passphrase, sealOptions()), 'created');
        }),
      importSigningKey: (text, passphrase) =>
        serial(async () => {
          if (await hasKey()) throw new AppError('signing:errors.keyExists');
          return saveNew(await sealImported(text, passphrase), 'imported');
        }),
      replaceSigningKey: (oldPassphrase, newPassphrase) =>
        serial(async () => {
          checkNewPassphrase(newPassphrase);
          const { key: oldKey } = await unlockStored(oldPassphrase);
          const sealed = await generateKey(newPassphrase, sealOptions());
          const statement = signReplacement(oldKey, sealed, new Date(now()));
          await swapKey(keyDir, sealed, statement, options.swapCheckpoint);
          const info = await keyInfo();
          if (!info) throw new AppError('errors.unexpected');
          return info;
        }),
      backupSigningKey: (passphrase) =>
        serial(async () => {
          const { key, keyFile } = await unlockStored(passphrase);
          const { N, r, p } = keyFile.kdf;
          // No wrappers: the copy must open on another computer and with `scsa export --key`.
          const backup = await sealSigningKey(key, passphrase, { scrypt: { N, r, p }, now: new Date(keyFile.createdAt) });
          log.info(`backup of the signing key ${key.fingerprint.slice(0, 8)}… made`);
          return { fileName: backupFileName(key.fingerprint), text: JSON.stringify(backup.keyFile, null, 2) + '\n' };
        }),
    },
  };
}
