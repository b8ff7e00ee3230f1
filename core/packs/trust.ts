/**
 * Which signers the app believes. The trust list is the set of Ed25519 public keys shipped with the
 * app in `build/trust/*.pub.pem` (copied into the installers' resources as `trust/`); a pack signed
 * by any other key is refused. Packs the app carries need no signature: they are trusted because
 * they are part of the app. See docs/formats/checklist-pack.md, "Trust".
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { verify, type KeyObject } from 'node:crypto';
import { AppError } from '../errors';
import { createLogger } from '../log';
import { fingerprintOf, parsePublicKeyPem } from '../keys/fingerprint';
import type { PackContainer } from './container';

const log = createLogger('pack-trust');

/** The folder name of the trust list, in the project (`build/trust`) and in the installed app's resources. */
export const TRUST_DIR_NAME = 'trust';
const MAX_TRUST_FILES = 100;
const MAX_PEM_BYTES = 4096;

/** Trusted keys by fingerprint (lowercase hex SHA-256 of the SPKI DER). */
export interface TrustList {
  keys: ReadonlyMap<string, KeyObject>;
}

export const EMPTY_TRUST: TrustList = { keys: new Map() };

/** A trust list from PEM texts. Throws `bundle:errors.publicKeyInvalid` for one that is not an Ed25519 public key. */
export function trustListFrom(pems: readonly (string | Buffer)[]): TrustList {
  const keys = new Map<string, KeyObject>();
  for (const pem of pems) {
    const key = parsePublicKeyPem(pem);
    keys.set(fingerprintOf(key), key);
  }
  return { keys };
}

/** The keys of both lists. */
export function mergeTrust(...lists: readonly TrustList[]): TrustList {
  return { keys: new Map(lists.flatMap((l) => [...l.keys])) };
}

/**
 * Every `*.pub.pem` of `dir`. A missing folder is an empty list (a build without the secretariat's
 * key trusts no signed pack); a file that is not an Ed25519 public key is skipped with a log line,
 * so one bad file cannot lock the secretariat out.
 */
export async function loadTrustDir(dir: string): Promise<TrustList> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const keys = new Map<string, KeyObject>();
  for (const name of names.filter((n) => n.endsWith('.pub.pem')).sort().slice(0, MAX_TRUST_FILES)) {
    try {
      const file = path.join(dir, name);
      const stat = await fs.stat(file);
      if (!stat.isFile() || stat.size > MAX_PEM_BYTES) throw new Error('not a small file');
      const key = parsePublicKeyPem(await fs.readFile(file));
      keys.set(fingerprintOf(key), key);
    } catch (err) {
      log.warn(`trust list: skipping ${name}`, err instanceof Error ? err.message : String(err));
    }
  }
  return { keys };
}

/**
 * Check the container's signatures and return the fingerprint of a trusted signer. Every signature
 * present must be valid over the exact bytes of pack.json (one that is not means the pack or the
 * signature was changed); then at least one signer must be in `trust`. Throws AppError
 * `packs:errors.unsigned`, `packs:errors.tampered` `{fingerprint}`, `packs:errors.unknownSigner` `{fingerprint}`.
 */
export function verifyPackSignatures(container: PackContainer, trust: TrustList): string {
  if (container.signatures.length === 0) throw new AppError('packs:errors.unsigned');
  const valid: string[] = [];
  for (const s of container.signatures) {
    let key: KeyObject;
    try {
      key = parsePublicKeyPem(s.publicKeyPem);
    } catch (err) {
      throw new AppError('packs:errors.tampered', { fingerprint: s.fingerprint }, err);
    }
    const fingerprint = fingerprintOf(key);
    if (fingerprint !== s.fingerprint || !verify(null, container.packBytes, key, s.signature)) {
      log.warn(`pack signature by ${s.fingerprint} does not match the pack`);
      throw new AppError('packs:errors.tampered', { fingerprint: s.fingerprint });
    }
    valid.push(fingerprint);
  }
  const trusted = valid.find((fp) => trust.keys.has(fp));
  if (!trusted) throw new AppError('packs:errors.unknownSigner', { fingerprint: valid[0] as string });
  return trusted;
}

/** Valid signers of a container, trusted or not, for `scsa pack check` (never throws for a bad signature). */
export function describeSignatures(container: PackContainer, trust: TrustList): { fingerprint: string; valid: boolean; trusted: boolean }[] {
  return container.signatures.map((s) => {
    let valid = false;
    try {
      const key = parsePublicKeyPem(s.publicKeyPem);
      valid = fingerprintOf(key) === s.fingerprint && verify(null, container.packBytes, key, s.signature);
    } catch {
      valid = false;
    }
    return { fingerprint: s.fingerprint, valid, trusted: valid && trust.keys.has(s.fingerprint) };
  });
}
