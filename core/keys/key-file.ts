import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors';
import { canonicalJsonBytes } from '../bundle/canonical-json';
import { FINGERPRINT_PATTERN } from './fingerprint';

/** The key file format version this code writes and reads. */
export const KEY_FILE_SCHEMA_VERSION = 1;

/** Default scrypt cost: N = 2^17, r = 8, p = 1 — 128 MiB of memory per derivation. */
export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;

// Bounds on what a key file may ask for: below them a passphrase is cheap to guess; above them a
// crafted file could make the app allocate gigabytes or spin for minutes before failing.
const MIN_LOG_N = 14;
const MAX_LOG_N = 18;

/**
 * The most memory one derivation may take, 128·N·r bytes: twice the default's 128 MiB, so the
 * defaults and somewhat stronger settings open, and a file asking for N = 2^20, r = 32 (4 GiB) does not.
 */
export const MAX_SCRYPT_MEMORY_BYTES = 256 * 1024 * 1024;
/** The most work one derivation may take, N·r·p: four times the default's, so p cannot multiply an in-budget N·r into minutes. */
export const MAX_SCRYPT_WORK = 4 * DEFAULT_SCRYPT.N * DEFAULT_SCRYPT.r * DEFAULT_SCRYPT.p;

/** The scrypt numbers of a key file, before anything else in it is trusted. */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

const isInt = (n: number, min: number, max: number) => Number.isSafeInteger(n) && n >= min && n <= max;

/** Whether `kdf` lies within the budget above (N a power of two, r, p and the key length within bounds). */
export function scryptCostAccepted(kdf: ScryptCost): boolean {
  return (
    isInt(kdf.N, 2 ** MIN_LOG_N, 2 ** MAX_LOG_N) &&
    Number.isInteger(Math.log2(kdf.N)) &&
    isInt(kdf.r, 8, 32) &&
    isInt(kdf.p, 1, 4) &&
    kdf.keyLength === 32 &&
    128 * kdf.N * kdf.r <= MAX_SCRYPT_MEMORY_BYTES &&
    kdf.N * kdf.r * kdf.p <= MAX_SCRYPT_WORK
  );
}

/**
 * Refuse scrypt settings outside the budget with `bundle:errors.keyKdfRefused`, before any memory is
 * taken for them. Called on reading a key file and again right before every derivation.
 */
export function assertScryptCost(kdf: ScryptCost): void {
  if (scryptCostAccepted(kdf)) return;
  const mib = (bytes: number) => (Number.isFinite(bytes) ? Math.round(bytes / (1024 * 1024)) : 0);
  throw new AppError('bundle:errors.keyKdfRefused', {
    N: String(kdf.N),
    r: String(kdf.r),
    p: String(kdf.p),
    memory: mib(128 * kdf.N * kdf.r),
    limit: mib(MAX_SCRYPT_MEMORY_BYTES),
  });
}

/**
 * The scrypt numbers of a parsed JSON key file if they are all numbers, so that their cost can be
 * judged (and named in the message) before the rest of the file is validated; null otherwise.
 */
export function scryptCostOf(raw: unknown): ScryptCost | null {
  const kdf = typeof raw === 'object' && raw !== null ? (raw as { kdf?: unknown }).kdf : undefined;
  if (typeof kdf !== 'object' || kdf === null) return null;
  const { N, r, p, keyLength } = kdf as Record<string, unknown>;
  if (typeof N !== 'number' || typeof r !== 'number' || typeof p !== 'number' || typeof keyLength !== 'number') return null;
  return { N, r, p, keyLength };
}

const base64 = (min: number, max: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/)
    .refine((s) => {
      const n = Buffer.from(s, 'base64').length;
      return n >= min && n <= max;
    }, 'wrong length');

export const ScryptParamsSchema = z
  .object({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .refine((n) => Number.isInteger(Math.log2(n)) && n >= 2 ** MIN_LOG_N && n <= 2 ** MAX_LOG_N, 'N must be a power of two in range'),
    r: z.number().int().min(8).max(32),
    p: z.number().int().min(1).max(4),
    keyLength: z.literal(32),
    salt: base64(16, 64),
  })
  .strict()
  .refine(scryptCostAccepted, 'scrypt cost outside the budget (128·N·r at most 256 MiB, N·r·p at most 2^22)');
export type ScryptParams = z.infer<typeof ScryptParamsSchema>;

/**
 * The encrypted private key file (`private-key.json`). The passphrase layer is always there;
 * `wrapping` names extra layers applied on top of its ciphertext, outermost last (e.g. a future
 * `os-keychain` layer through Electron safeStorage). Empty means the passphrase alone protects it.
 */
export const KeyFileSchema = z
  .object({
    schemaVersion: z.literal(KEY_FILE_SCHEMA_VERSION),
    format: z.literal('scsa-private-key'),
    algorithm: z.literal('Ed25519'),
    fingerprint: z.string().regex(FINGERPRINT_PATTERN),
    createdAt: z.iso.datetime(),
    kdf: ScryptParamsSchema,
    cipher: z.object({ name: z.literal('aes-256-gcm'), iv: base64(12, 12), tag: base64(16, 16) }).strict(),
    wrapping: z.array(z.string().regex(/^[a-z][a-z0-9-]{1,40}$/)).max(4).default([]),
    ciphertext: base64(16, 4096),
  })
  .strict();
export type KeyFile = z.infer<typeof KeyFileSchema>;

/** The `wrapping` id of the desktop app's layer through the operating system's keychain (Electron safeStorage). */
export const OS_KEYCHAIN = 'os-keychain';

/** An extra protection layer over the passphrase-encrypted bytes (e.g. the OS keychain). */
export interface KeyWrapper {
  id: string;
  wrap(bytes: Buffer): Promise<Buffer>;
  unwrap(bytes: Buffer): Promise<Buffer>;
}

function deriveKey(passphrase: string, kdf: ScryptParams): Promise<Buffer> {
  // Whatever path the parameters came by, nothing is allocated for settings outside the budget.
  assertScryptCost(kdf);
  const { N, r, p, keyLength } = kdf;
  // scrypt needs 128·N·r bytes; leave headroom so Node does not refuse the parameters we accept.
  const maxmem = 256 * N * r + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), keyLength, { N, r, p, maxmem }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** Everything in the file but the secret parts is bound to the ciphertext as GCM associated data. */
function associatedData(file: Pick<KeyFile, 'schemaVersion' | 'format' | 'algorithm' | 'fingerprint' | 'kdf' | 'wrapping'>): Buffer {
  const { schemaVersion, format, algorithm, fingerprint, kdf, wrapping } = file;
  return canonicalJsonBytes({ schemaVersion, format, algorithm, fingerprint, kdf, wrapping });
}

export interface SealOptions {
  scrypt?: { N: number; r: number; p: number };
  wrappers?: readonly KeyWrapper[];
  now?: Date;
}

/** Encrypt PKCS#8 DER bytes under the passphrase (and optional wrappers) into a key file object. */
export async function sealPrivateKey(pkcs8: Buffer, fingerprint: string, passphrase: string, options: SealOptions = {}): Promise<KeyFile> {
  const cost = options.scrypt ?? DEFAULT_SCRYPT;
  // Never write a file that reading would refuse.
  assertScryptCost({ ...cost, keyLength: 32 });
  const kdf = ScryptParamsSchema.parse({ name: 'scrypt', ...cost, keyLength: 32, salt: randomBytes(16).toString('base64') });
  const wrappers = options.wrappers ?? [];
  const header = {
    schemaVersion: KEY_FILE_SCHEMA_VERSION,
    format: 'scsa-private-key',
    algorithm: 'Ed25519',
    fingerprint,
    kdf,
    wrapping: wrappers.map((w) => w.id),
  } as const;
  const key = await deriveKey(passphrase, kdf);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(header));
  let ciphertext: Buffer = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  const tag = cipher.getAuthTag();
  for (const w of wrappers) ciphertext = await w.wrap(ciphertext);
  return KeyFileSchema.parse({
    ...header,
    createdAt: (options.now ?? new Date()).toISOString(),
    cipher: { name: 'aes-256-gcm', iv: iv.toString('base64'), tag: tag.toString('base64') },
    ciphertext: ciphertext.toString('base64'),
  });
}

/**
 * Decrypt the PKCS#8 DER bytes. A wrong passphrase (or a file whose header was altered) fails the
 * GCM check and throws `bundle:errors.wrongPassphrase`; a missing wrapper throws
 * `bundle:errors.keyWrapperUnavailable`; scrypt settings outside the budget `bundle:errors.keyKdfRefused`
 * (before any work).
 */
export async function unsealPrivateKey(file: KeyFile, passphrase: string, wrappers: readonly KeyWrapper[] = []): Promise<Buffer> {
  assertScryptCost(file.kdf);
  let ciphertext: Buffer = Buffer.from(file.ciphertext, 'base64');
  for (const id of [...file.wrapping].reverse()) {
    const w = wrappers.find((x) => x.id === id);
    if (!w) throw new AppError('bundle:errors.keyWrapperUnavailable', { wrapper: id });
    ciphertext = await w.unwrap(ciphertext);
  }
  const key = await deriveKey(passphrase, file.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(file.cipher.iv, 'base64'));
    decipher.setAAD(associatedData(file));
    decipher.setAuthTag(Buffer.from(file.cipher.tag, 'base64'));
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch (err) {
    throw new AppError('bundle:errors.wrongPassphrase', undefined, err);
  }
}
