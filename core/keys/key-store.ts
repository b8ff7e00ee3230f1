import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { writeFileAtomic } from '../fs/atomic';
import { createLogger } from '../log';
import { printableFingerprint } from './fingerprint';
import { KeyFileSchema, assertScryptCost, scryptCostOf, type KeyFile } from './key-file';
import type { SealedKey } from './keys';

const log = createLogger('key-store');

/** Files of a key folder (see docs/formats/keys.md). */
export const KEY_FILES = {
  privateKey: 'private-key.json',
  publicKey: 'public-key.pem',
  fingerprint: 'fingerprint.txt',
  replacement: 'key-replacement.json',
} as const;

/** Largest key file read: a real one is about 1 KB. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

/** The text of `fingerprint.txt`: the plain fingerprint, then the grouped form to read aloud or print. */
export function fingerprintText(fingerprint: string): string {
  return `SHA-256 fingerprint of the Ed25519 public key (DER SPKI):\n${fingerprint}\n\n${printableFingerprint(fingerprint)}\n`;
}

/**
 * Write a sealed key into `dir` (created if needed). Refuses, with `bundle:errors.keyExists`, to
 * overwrite a folder that already holds a key: losing a registered key means re-registering.
 */
export async function saveKey(dir: string, key: SealedKey): Promise<void> {
  for (const name of [KEY_FILES.privateKey, KEY_FILES.publicKey]) {
    if (await fs.stat(path.join(dir, name)).catch(() => null)) throw new AppError('bundle:errors.keyExists', { dir });
  }
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  // Public parts first: a crash in between leaves no private key without its public half.
  await writeFileAtomic(path.join(dir, KEY_FILES.publicKey), key.publicKeyPem);
  await writeFileAtomic(path.join(dir, KEY_FILES.fingerprint), fingerprintText(key.fingerprint));
  await writeFileAtomic(path.join(dir, KEY_FILES.privateKey), JSON.stringify(key.keyFile, null, 2) + '\n');
  log.info(`key ${key.fingerprint.slice(0, 16)}… saved`);
}

/**
 * Read and validate a key file. `location` is a key folder or the `private-key.json` itself.
 * Missing → `bundle:errors.keyNotFound`; anything not a key file of this app (a PEM from another
 * tool, garbage, a future version) → `bundle:errors.keyFileInvalid` with `problem`.
 */
export async function loadKeyFile(location: string): Promise<KeyFile> {
  const stat = await fs.stat(location).catch(() => null);
  const file = stat?.isDirectory() ? path.join(location, KEY_FILES.privateKey) : location;
  let bytes: Buffer;
  try {
    const handle = await fs.open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size > MAX_KEY_FILE_BYTES) throw new AppError('bundle:errors.keyFileInvalid', { problem: 'size' });
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('bundle:errors.keyNotFound', { file }, err);
  }
  return parseKeyFileText(bytes.toString('utf8'));
}

/**
 * Validate the text of a key file (e.g. one the user chose to import); the errors of `loadKeyFile`,
 * and `bundle:errors.keyKdfRefused` for scrypt settings outside the budget (core/keys/key-file.ts).
 */
export function parseKeyFileText(text: string): KeyFile {
  if (text.includes('-----BEGIN')) throw new AppError('bundle:errors.keyFileInvalid', { problem: 'pem' });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new AppError('bundle:errors.keyFileInvalid', { problem: 'json' }, err);
  }
  // The derivation's cost is judged first, with its own message: a crafted file must not get as far
  // as allocating memory, and "damaged" would not say why it was refused.
  const cost = scryptCostOf(raw);
  if (cost) assertScryptCost(cost);
  const parsed = KeyFileSchema.safeParse(raw);
  if (!parsed.success) {
    const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
    const future = typeof version === 'number' && version > 1;
    throw new AppError('bundle:errors.keyFileInvalid', { problem: future ? 'futureVersion' : 'schema' }, parsed.error);
  }
  return parsed.data;
}

/** The public key PEM of a key folder. */
export async function loadPublicKeyPem(dir: string): Promise<string> {
  try {
    return await fs.readFile(path.join(dir, KEY_FILES.publicKey), 'utf8');
  } catch (err) {
    throw new AppError('bundle:errors.keyNotFound', { file: path.join(dir, KEY_FILES.publicKey) }, err);
  }
}
