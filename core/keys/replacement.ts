import { sign, verify, type KeyObject } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors';
import { writeFileAtomic } from '../fs/atomic';
import { canonicalJsonBytes } from '../bundle/canonical-json';
import { FINGERPRINT_PATTERN, fingerprintOf, parsePublicKeyPem } from './fingerprint';
import { KEY_FILES } from './key-store';
import type { SigningKey } from './keys';

/**
 * What the old key says about the new one. Signed as canonical JSON (sorted keys, no whitespace) by
 * the OLD key, so the secretariat can accept the new key on the strength of the registered one.
 */
export const ReplacementStatementSchema = z
  .object({
    type: z.literal('scsa-key-replacement'),
    oldFingerprint: z.string().regex(FINGERPRINT_PATTERN),
    newFingerprint: z.string().regex(FINGERPRINT_PATTERN),
    oldPublicKeyPem: z.string().max(1000),
    newPublicKeyPem: z.string().max(1000),
    date: z.iso.datetime(),
  })
  .strict();
export type ReplacementStatement = z.infer<typeof ReplacementStatementSchema>;

export const ReplacementFileSchema = z
  .object({
    schemaVersion: z.literal(1),
    statement: ReplacementStatementSchema,
    /** Base64 of the raw 64-byte Ed25519 signature by the old key over canonicalJson(statement). */
    signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
  })
  .strict();
export type ReplacementFile = z.infer<typeof ReplacementFileSchema>;

/** The old key signs a statement naming the new key; returns the file object. */
export function signReplacement(oldKey: SigningKey, newKey: Pick<SigningKey, 'publicKeyPem' | 'fingerprint'>, now: Date = new Date()): ReplacementFile {
  const statement = ReplacementStatementSchema.parse({
    type: 'scsa-key-replacement',
    oldFingerprint: oldKey.fingerprint,
    newFingerprint: newKey.fingerprint,
    oldPublicKeyPem: oldKey.publicKeyPem,
    newPublicKeyPem: newKey.publicKeyPem,
    date: now.toISOString(),
  });
  const signature = sign(null, canonicalJsonBytes(statement), oldKey.privateKey).toString('base64');
  return { schemaVersion: 1, statement, signature };
}

/** Write the statement next to the new key (`key-replacement.json` in its folder). */
export async function saveReplacement(newKeyDir: string, file: ReplacementFile): Promise<string> {
  const target = path.join(newKeyDir, KEY_FILES.replacement);
  await writeFileAtomic(target, JSON.stringify(file, null, 2) + '\n');
  return target;
}

/**
 * Check a replacement statement: well-formed, both fingerprints match their PEMs, and the old key's
 * signature holds. Throws `bundle:errors.replacementInvalid` with `problem` otherwise.
 */
export function verifyReplacement(raw: unknown): ReplacementStatement {
  const parsed = ReplacementFileSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('bundle:errors.replacementInvalid', { problem: 'schema' });
  const { statement, signature } = parsed.data;
  let oldKey: KeyObject;
  let newKey: KeyObject;
  try {
    oldKey = parsePublicKeyPem(statement.oldPublicKeyPem);
    newKey = parsePublicKeyPem(statement.newPublicKeyPem);
  } catch {
    throw new AppError('bundle:errors.replacementInvalid', { problem: 'publicKey' });
  }
  if (fingerprintOf(oldKey) !== statement.oldFingerprint || fingerprintOf(newKey) !== statement.newFingerprint) {
    throw new AppError('bundle:errors.replacementInvalid', { problem: 'fingerprint' });
  }
  if (!verify(null, canonicalJsonBytes(statement), oldKey, Buffer.from(signature, 'base64'))) {
    throw new AppError('bundle:errors.replacementInvalid', { problem: 'signature' });
  }
  return statement;
}
