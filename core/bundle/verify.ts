import { createHash, verify as verifySignature, type KeyObject } from 'node:crypto';
import { promises as fs, statSync } from 'node:fs';
import { createLogger } from '../log';
import { FINGERPRINT_PATTERN, fingerprintOf, parsePublicKeyPem, publicKeyPem } from '../keys/fingerprint';
import { parseManifest, type BagInfo, type ManifestLine } from './bag-text';
import { PAYLOAD, SIGNATURES_DIR, TAG_FILES } from './names';
import { BundleInvalid, type VerifyReason } from './reasons';
import { isRegistered, type KeyRegistry } from './registry';
import { checkAgreement, checkBagInfo, checkBagit, checkOxum, parseSubmission } from './verify-content';
import { progressMeter, type ProgressCallback } from './progress';
import { fileOf as file, hashPayload } from './payload-hash';
import { DEFAULT_LIMITS, openBag, readSmall, type BagFile, type OpenedBag, type ZipLimits } from './zip-reader';

const log = createLogger('bundle-verify');

export type VerifyStatus = 'valid-registered' | 'valid-unregistered' | 'invalid';

/**
 * One signer's standing: its signature holds and its key is registered for the bundle's country on
 * its Bagging-Date (`registered`), holds but the registry does not list it for that country, or no
 * registry was given (`unregistered`), or it does not hold (`invalid`).
 */
export type SignerStatus = 'registered' | 'unregistered' | 'invalid';
export interface SignerResult {
  fingerprint: string;
  status: SignerStatus;
}

export interface VerifyResult {
  status: VerifyStatus;
  /** Fingerprints of the keys that signed (valid bundles), or that claim to have signed (so far as read). */
  fingerprints: string[];
  /**
   * Each signer with its own status, by fingerprint, once it is known: when no signature holds, or
   * once bag-info.txt (and so the country) is covered by one that does. A bundle is invalid if any
   * signer is `invalid`; it is `valid-registered` if at least one is `registered`.
   */
  signers?: SignerResult[];
  /** The first problem found, for an invalid bundle. */
  reason?: VerifyReason;
  /** Facts from a valid bundle, for display. */
  bundle?: { top: string; country: string; externalIdentifier: string; submissionRevision: number; baggingDate: string };
  /**
   * A valid bundle's signed tag files as read (bag-info.txt's labels, the tagmanifest's SHA-256), so
   * that a caller filing it (the secretariat's import) need not open it again.
   */
  tags?: { bagInfo: BagInfo; tagManifestSha256: string };
}

export interface VerifyOptions {
  registry?: KeyRegistry;
  limits?: ZipLimits;
  /**
   * Told the payload bytes hashed so far out of all the manifest lists, at most about 200 times, and
   * (total, total) once a bundle is found valid.
   */
  onProgress?: ProgressCallback;
  /**
   * The file is a copy just written to the local disk: read it at once, not through the thread pool
   * (zip-file-access.ts `fromFile`). Never for a file the user chose, which may be on a slow disk.
   */
  syncReads?: boolean;
}

const MAX_TAG_BYTES = 16 * 1024 * 1024;
const MAX_SMALL_BYTES = 64 * 1024;
const SIGNATURE_NAME = /^signatures\/([0-9a-f]{64})\.(sig|pub\.pem)$/;
/** Reasons that condemn one signer, not the archive: the others are still judged. */
const SIGNER_REASONS = new Set(['signatureFileInvalid', 'publicKeyMismatch', 'signatureInvalid']);

/** Sort the bag's files: the four tag files, signature pairs by fingerprint, payload; anything else is refused. */
function classify(bag: OpenedBag): { fingerprints: string[]; payload: BagFile[] } {
  const sigs = new Map<string, Set<string>>();
  const payload: BagFile[] = [];
  const tagNames = new Set<string>(Object.values(TAG_FILES));
  for (const file of bag.files.values()) {
    if (tagNames.has(file.path)) continue;
    if (file.path.startsWith('data/')) {
      payload.push(file);
      continue;
    }
    const m = SIGNATURE_NAME.exec(file.path);
    if (!m) throw new BundleInvalid('unexpectedFile', { path: file.path });
    const kinds = sigs.get(m[1] as string) ?? new Set<string>();
    kinds.add(m[2] as string);
    sigs.set(m[1] as string, kinds);
  }
  for (const name of [...tagNames, PAYLOAD.submission, PAYLOAD.report]) {
    if (!bag.files.has(name)) throw new BundleInvalid('missingFile', { path: name });
  }
  const fingerprints = [...sigs.keys()].sort();
  if (fingerprints.length === 0) throw new BundleInvalid('noSignature', {});
  for (const [fp, kinds] of sigs) if (kinds.size !== 2) throw new BundleInvalid('signatureIncomplete', { fingerprint: fp });
  return { fingerprints, payload };
}


/**
 * A `.pub.pem` file's key, or the reason it cannot sign as `fp`. Only a function of the file's bytes
 * and the name, so it is remembered for the last few keys: an import of many bundles meets the same
 * keys again and again, and parsing, re-exporting and fingerprinting a key costs more than checking
 * a signature with it. The signature itself is checked every time.
 */
const keys = new Map<string, KeyObject | 'signatureFileInvalid' | 'publicKeyMismatch'>();
const KEYS_REMEMBERED = 64;

function keyOf(pem: Buffer, fp: string): KeyObject {
  const id = `${fp}:${pem.toString('base64')}`;
  let known = keys.get(id);
  if (known === undefined) {
    known = judgeKey(pem, fp);
    if (keys.size >= KEYS_REMEMBERED) keys.delete(keys.keys().next().value as string);
    keys.set(id, known);
  }
  if (known === 'signatureFileInvalid') throw new BundleInvalid('signatureFileInvalid', { fingerprint: fp, file: `${fp}.pub.pem` });
  if (known === 'publicKeyMismatch') throw new BundleInvalid('publicKeyMismatch', { fingerprint: fp });
  return known;
}

function judgeKey(pem: Buffer, fp: string): KeyObject | 'signatureFileInvalid' | 'publicKeyMismatch' {
  let key;
  try {
    key = parsePublicKeyPem(pem);
  } catch {
    return 'signatureFileInvalid';
  }
  // Byte-exact PEM: a second rendering of the same key would be a file no signature covers.
  if (!pem.equals(Buffer.from(publicKeyPem(key)))) return 'signatureFileInvalid';
  if (fingerprintOf(key) !== fp) return 'publicKeyMismatch';
  return key;
}

/** Check one signature over the exact tagmanifest bytes, by the key its file name fingerprints; throws the reason it does not hold. */
async function checkSignature(bag: OpenedBag, fp: string, tagManifest: Buffer): Promise<void> {
  const pem = await readSmall(bag, file(bag, `${SIGNATURES_DIR}${fp}.pub.pem`), MAX_SMALL_BYTES);
  const sig = await readSmall(bag, file(bag, `${SIGNATURES_DIR}${fp}.sig`), MAX_SMALL_BYTES);
  const key = keyOf(pem, fp);
  if (sig.length !== 64) throw new BundleInvalid('signatureFileInvalid', { fingerprint: fp, file: `${fp}.sig` });
  if (!verifySignature(null, tagManifest, key, sig)) throw new BundleInvalid('signatureInvalid', { fingerprint: fp });
}

/**
 * Every signature, each judged on its own: the problem with each one that does not hold (its reason),
 * null for one that does. A file that cannot be read at all is a damaged bundle, thrown at once.
 */
async function checkSignatures(bag: OpenedBag, fingerprints: string[], tagManifest: Buffer): Promise<Map<string, BundleInvalid | null>> {
  const verdicts = new Map<string, BundleInvalid | null>();
  for (const fp of fingerprints) {
    try {
      await checkSignature(bag, fp, tagManifest);
      verdicts.set(fp, null);
    } catch (err) {
      if (!(err instanceof BundleInvalid) || !SIGNER_REASONS.has(err.reason)) throw err;
      verdicts.set(fp, err);
    }
  }
  return verdicts;
}

function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

function manifestOf(bytes: Buffer, reason: 'tagManifestInvalid' | 'manifestInvalid'): ManifestLine[] {
  const parsed = parseManifest(bytes);
  if (!parsed.ok && parsed.problem === 'bom') {
    throw new BundleInvalid('byteOrderMark', { path: reason === 'tagManifestInvalid' ? TAG_FILES.tagManifest : TAG_FILES.manifest });
  }
  if (!parsed.ok) throw new BundleInvalid(reason, { problem: parsed.problem });
  return parsed.value;
}

/** What is known of the signers so far, kept by the caller for the verdict of an invalid bundle. */
interface SignerState {
  claimed: string[];
  signers?: SignerResult[];
}

async function verifyOpened(bag: OpenedBag, options: VerifyOptions, state: SignerState): Promise<VerifyResult> {
  const { fingerprints, payload } = classify(bag);
  state.claimed.push(...fingerprints);
  const tagBytes = await readSmall(bag, file(bag, TAG_FILES.tagManifest), MAX_SMALL_BYTES);
  const verdicts = await checkSignatures(bag, fingerprints, tagBytes);
  const failed = [...verdicts.values()].filter((v): v is BundleInvalid => v !== null);
  if (failed.length === fingerprints.length) {
    state.signers = fingerprints.map((fingerprint) => ({ fingerprint, status: 'invalid' }));
    throw failed[0] as BundleInvalid;
  }

  const tagLines = manifestOf(tagBytes, 'tagManifestInvalid');
  const expectedTags = [TAG_FILES.bagit, TAG_FILES.bagInfo, TAG_FILES.manifest];
  if (tagLines.length !== expectedTags.length || !expectedTags.every((t) => tagLines.some((l) => l.path === t))) {
    throw new BundleInvalid('tagManifestInvalid', { problem: 'entries' });
  }
  const tags = new Map<string, Buffer>();
  for (const line of tagLines) {
    const bytes = await readSmall(bag, file(bag, line.path), MAX_TAG_BYTES);
    if (sha256(bytes) !== line.sha256) throw new BundleInvalid('tagHashMismatch', { path: line.path });
    tags.set(line.path, bytes);
  }
  checkBagit(tags.get(TAG_FILES.bagit) as Buffer);
  const info = checkBagInfo(tags.get(TAG_FILES.bagInfo) as Buffer);
  // bag-info.txt is now covered by a signature that holds: its country and date are what each key
  // must be registered for (submission.json must agree with both, checked below).
  const registry = options.registry;
  const registered = (fp: string) => registry !== undefined && isRegistered(registry, fp, info['Country-Code'] ?? '', info['Bagging-Date'] ?? '');
  state.signers = fingerprints.map((fingerprint) => ({
    fingerprint,
    status: verdicts.get(fingerprint) ? 'invalid' : registered(fingerprint) ? 'registered' : 'unregistered',
  }));
  // One signature that does not hold makes the bundle invalid, whatever the payload: no need to hash it.
  if (failed[0]) throw failed[0];

  const manifest = manifestOf(tags.get(TAG_FILES.manifest) as Buffer, 'manifestInvalid');
  const listed = new Set(manifest.map((l) => l.path));
  for (const f of payload) if (!listed.has(f.path)) throw new BundleInvalid('notInManifest', { path: f.path });
  for (const l of manifest) {
    if (!l.path.startsWith('data/') || !bag.files.has(l.path)) throw new BundleInvalid('missingFile', { path: l.path });
  }
  const progress = progressMeter(manifest.reduce((n, l) => n + file(bag, l.path).size, 0), options.onProgress);
  const { sizes, octets, submissionBytes } = await hashPayload(bag, manifest, progress);
  checkOxum(info, octets, manifest.length);
  // classify() made sure data/submission.json exists, and every payload file is in the manifest.
  const submission = parseSubmission(submissionBytes ?? Buffer.alloc(0));
  checkAgreement(info, submission, manifest, sizes);
  progress.finish();

  const country = submission.assessment.countryCode;
  return {
    status: state.signers.some((s) => s.status === 'registered') ? 'valid-registered' : 'valid-unregistered',
    fingerprints,
    signers: state.signers,
    bundle: { top: bag.top, country, externalIdentifier: submission.externalIdentifier, submissionRevision: submission.submissionRevision, baggingDate: submission.baggingDate },
    tags: { bagInfo: info, tagManifestSha256: sha256(tagBytes) },
  };
}

/**
 * Verify a submission bundle without extracting it (docs/formats/bundle.md "Verification"): the
 * zip's structure and limits first, then the signatures over the tagmanifest, the tagmanifest, the
 * manifest and every payload file (streamed), Payload-Oxum, submission.json and its agreement with
 * bag-info.txt; last, whether a signer is in the registry. Never throws for a bad bundle: the
 * result says `invalid` with the first reason.
 */
export async function verifyBundle(source: string | Buffer, options: VerifyOptions = {}): Promise<VerifyResult> {
  const state: SignerState = { claimed: [] };
  if (typeof source === 'string' && !(options.syncReads ? statSync(source, { throwIfNoEntry: false }) : await fs.stat(source).catch(() => null))?.isFile()) {
    return { status: 'invalid', fingerprints: [], reason: { code: 'bundle:verify.notFound', params: {} } };
  }
  let bag: OpenedBag | null = null;
  try {
    bag = await openBag(source, options.limits ?? DEFAULT_LIMITS, { syncReads: options.syncReads === true });
    const result = await verifyOpened(bag, options, state);
    log.info(`bundle ${bag.top}: ${result.status}`);
    return result;
  } catch (err) {
    const fingerprints = state.claimed.filter((s) => FINGERPRINT_PATTERN.test(s));
    const signers = state.signers ? { signers: state.signers } : {};
    if (!(err instanceof BundleInvalid)) {
      // A reader error nobody foresaw: still a verdict, never a crash; the log keeps the detail.
      log.warn('unexpected error while verifying', err);
      return { status: 'invalid', fingerprints, ...signers, reason: { code: 'bundle:verify.damagedZip', params: {} } };
    }
    log.info(`bundle invalid: ${err.reason}`);
    return { status: 'invalid', fingerprints, ...signers, reason: err.toReason() };
  } finally {
    bag?.zip.close();
  }
}
