import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { AppError } from '../errors';

/** Lowercase hex SHA-256 (64 characters), the form a fingerprint takes in file names and registries. */
export const FINGERPRINT_PATTERN = /^[0-9a-f]{64}$/;

/** SPKI PEM of a public key exactly as this app writes it (what `.pub.pem` files must contain, byte for byte). */
export function publicKeyPem(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

/** Fingerprint = lowercase hex SHA-256 of the DER-encoded SubjectPublicKeyInfo. */
export function fingerprintOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}

/**
 * Parse an Ed25519 public key from SPKI PEM. Throws `bundle:errors.publicKeyInvalid` for anything
 * else (another algorithm, a private key, garbage).
 */
export function parsePublicKeyPem(pem: string | Buffer): KeyObject {
  // Node derives the public half from private key text too; a file that must hold a public key
  // (a bundle's .pub.pem, a replacement statement) is refused when it holds anything else.
  const labels = [...pem.toString('latin1').matchAll(/-----BEGIN ([A-Z0-9 ]+)-----/g)].map((m) => m[1]);
  if (labels.length !== 1 || labels[0] !== 'PUBLIC KEY') throw new AppError('bundle:errors.publicKeyInvalid');
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch (err) {
    throw new AppError('bundle:errors.publicKeyInvalid', undefined, err);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new AppError('bundle:errors.publicKeyInvalid');
  return key;
}

/**
 * The fingerprint as printed for an official letter: 8 groups of 8 hex digits, two lines of four
 * groups, so a person can read it aloud and compare it group by group.
 */
export function printableFingerprint(fingerprint: string): string {
  if (!FINGERPRINT_PATTERN.test(fingerprint)) throw new AppError('bundle:errors.badFingerprint');
  const groups = fingerprint.match(/.{8}/g) ?? [];
  return `${groups.slice(0, 4).join(' ')}\n${groups.slice(4).join(' ')}`;
}
