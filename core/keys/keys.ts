import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { AppError } from '../errors';
import { fingerprintOf, publicKeyPem } from './fingerprint';
import { sealPrivateKey, unsealPrivateKey, type KeyFile, type KeyWrapper, type SealOptions } from './key-file';

/** Shortest passphrase accepted for a new key (characters, after NFC). */
export const MIN_PASSPHRASE_LENGTH = 8;

/** A key pair ready to sign with: what export needs, and nothing that is written to disk. */
export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
  fingerprint: string;
}

/** A new or imported key, sealed for storage. */
export interface SealedKey {
  keyFile: KeyFile;
  publicKeyPem: string;
  fingerprint: string;
}

function checkPassphrase(passphrase: string): void {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError('bundle:errors.passphraseTooShort', { min: MIN_PASSPHRASE_LENGTH });
  }
}

function signingKeyFrom(privateKey: KeyObject): SigningKey {
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, publicKeyPem: publicKeyPem(publicKey), fingerprint: fingerprintOf(publicKey) };
}

async function seal(privateKey: KeyObject, passphrase: string, options: SealOptions): Promise<SealedKey> {
  checkPassphrase(passphrase);
  const key = signingKeyFrom(privateKey);
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
  const keyFile = await sealPrivateKey(pkcs8, key.fingerprint, passphrase, options);
  return { keyFile, publicKeyPem: key.publicKeyPem, fingerprint: key.fingerprint };
}

/** Seal an unlocked key again, e.g. under other wrappers (a backup without the keychain, an import). */
export async function sealSigningKey(key: SigningKey, passphrase: string, options: SealOptions = {}): Promise<SealedKey> {
  return seal(key.privateKey, passphrase, options);
}

/** Generate a fresh Ed25519 key pair and seal its private half under `passphrase`. */
export async function generateKey(passphrase: string, options: SealOptions = {}): Promise<SealedKey> {
  const { privateKey } = generateKeyPairSync('ed25519');
  return seal(privateKey, passphrase, options);
}

/**
 * Read an unencrypted PKCS#8 PEM private key (`-----BEGIN PRIVATE KEY-----`) made by another tool,
 * e.g. `openssl genpkey -algorithm ed25519`. Another PEM kind (RSA, OpenSSH, encrypted) throws
 * `bundle:errors.keyNotPkcs8`; a PKCS#8 key of another algorithm `bundle:errors.keyNotEd25519`;
 * anything unparseable `bundle:errors.keyUnreadable`. Nothing is sealed or written.
 */
export function parsePrivateKeyPem(pem: string): SigningKey {
  const label = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(pem)?.[1];
  if (label === undefined) throw new AppError('bundle:errors.keyUnreadable');
  if (label !== 'PRIVATE KEY') throw new AppError('bundle:errors.keyNotPkcs8', { kind: label });
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem' });
  } catch (err) {
    throw new AppError('bundle:errors.keyUnreadable', undefined, err);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new AppError('bundle:errors.keyNotEd25519', { type: String(privateKey.asymmetricKeyType ?? 'unknown') });
  }
  return signingKeyFrom(privateKey);
}

/** Import another tool's PKCS#8 PEM Ed25519 key (see `parsePrivateKeyPem`) sealed under `passphrase`. */
export async function importPrivateKeyPem(pem: string, passphrase: string, options: SealOptions = {}): Promise<SealedKey> {
  return seal(parsePrivateKeyPem(pem).privateKey, passphrase, options);
}

/**
 * Unlock a key file with its passphrase. Throws `bundle:errors.wrongPassphrase` on a wrong
 * passphrase, and `bundle:errors.keyFileInvalid` if the decrypted key does not match the
 * fingerprint the file names (a file stitched together from two keys).
 */
export async function unlockKey(keyFile: KeyFile, passphrase: string, wrappers: readonly KeyWrapper[] = []): Promise<SigningKey> {
  const der = await unsealPrivateKey(keyFile, passphrase, wrappers);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch (err) {
    throw new AppError('bundle:errors.keyFileInvalid', { problem: 'pkcs8' }, err);
  }
  const key = signingKeyFrom(privateKey);
  if (privateKey.asymmetricKeyType !== 'ed25519' || key.fingerprint !== keyFile.fingerprint) {
    throw new AppError('bundle:errors.keyFileInvalid', { problem: 'fingerprint' });
  }
  return key;
}
