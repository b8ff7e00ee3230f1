// The OS keychain as an extra layer over the signing key's passphrase encryption (docs/security.md).
import { AppError } from '../../core/errors';
import { OS_KEYCHAIN, type KeyWrapper } from '../../core/keys';
import { createLogger } from '../../core/log';

const log = createLogger('keychain');

/** The part of Electron's `safeStorage` this layer uses (main process, after `app` is ready). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

// On Linux, safeStorage falls back to `basic_text` when no secret service (GNOME keyring, KWallet)
// answers: the "encryption" then uses a password hard-coded in Chromium, so the layer would protect
// nothing while making the key file unusable elsewhere. `unknown` means it was asked before the app
// was ready. With either, the key is sealed by the passphrase alone.
const WEAK_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

/** Whether the keychain would add real protection here: available, and on Linux backed by a real keyring. */
export function keychainUsable(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): boolean {
  try {
    if (!safeStorage.isEncryptionAvailable()) return false;
    if (platform !== 'linux') return true;
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    return !WEAK_LINUX_BACKENDS.has(backend);
  } catch (err) {
    log.warn('the keychain could not be queried; keys are sealed by the passphrase only', err instanceof Error ? err.message : err);
    return false;
  }
}

/**
 * The `os-keychain` key wrapper over `safeStorage`, or null when it would add nothing (see
 * `keychainUsable`). safeStorage works on strings, so the bytes cross it as base64.
 */
export function createKeychainWrapper(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): KeyWrapper | null {
  if (!keychainUsable(safeStorage, platform)) {
    log.info('OS keychain not used for the signing key (not available, or no real keyring)');
    return null;
  }
  return {
    id: OS_KEYCHAIN,
    async wrap(bytes) {
      return safeStorage.encryptString(bytes.toString('base64'));
    },
    async unwrap(bytes) {
      try {
        return Buffer.from(safeStorage.decryptString(bytes), 'base64');
      } catch (err) {
        // Another computer's or another account's keychain secret: the same advice as no keychain at all.
        throw new AppError('signing:errors.keychainUnavailable', undefined, err);
      }
    },
  };
}
