import { createHash, verify as verifySignature } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { createLogger } from '../log';
import { FINGERPRINT_PATTERN, fingerprintOf, parsePublicKeyPem, publicKeyPem } from '../keys/fingerprint';
import { parseManifest, type ManifestLine } from './bag-text';
import { PAYLOAD, SIGNATURES_DIR, TAG_FILES } from './names';
import { BundleInvalid, type VerifyReason } from './reasons';
import { isRegistered, type KeyRegistry } from './registry';
import { checkAgreement, checkBagInfo, checkBagit, checkOxum, parseSubmission } from './verify-content';
import { progressMeter, type ProgressCallback, type ProgressMeter } from './progress';
import { DEFAULT_LIMITS, openBag, readFile, readSmall, type BagFile, type OpenedBag, type ZipLimits } from './zip-reader';

const log = createLogger('bundle-verify');

export type VerifyStatus = 'valid-registered' | 'valid-unregistered' | 'invalid';

export interface VerifyResult {
  status: VerifyStatus;
  /** Fingerprints of the keys that signed (valid bundles), or that claim to have signed (so far as read). */
  fingerprints: string[];
  /** The first problem found, for an invalid bundle. */
  reason?: VerifyReason;
  /** Facts from a valid bundle, for display. */
  bundle?: { top: string; country: string; externalIdentifier: string; submissionRevision: number; baggingDate: string };
}

export interface VerifyOptions {
  registry?: KeyRegistry;
  limits?: ZipLimits;
  /**
   * Told the payload bytes hashed so far out of all the manifest lists, at most about 200 times, and
   * (total, total) once a bundle is found valid.
   */
  onProgress?: ProgressCallback;
}

const MAX_TAG_BYTES = 16 * 1024 * 1024;
const MAX_SMALL_BYTES = 64 * 1024;
const MAX_SUBMISSION_BYTES = 64 * 1024 * 1024;
const SIGNATURE_NAME = /^signatures\/([0-9a-f]{64})\.(sig|pub\.pem)$/;

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

function file(bag: OpenedBag, path: string): BagFile {
  const f = bag.files.get(path);
  if (!f) throw new BundleInvalid('missingFile', { path });
  return f;
}

/** Every signature must hold over the exact tagmanifest bytes, by the key its file name fingerprints. */
async function checkSignatures(bag: OpenedBag, fingerprints: string[], tagManifest: Buffer): Promise<void> {
  for (const fp of fingerprints) {
    const pem = await readSmall(bag, file(bag, `${SIGNATURES_DIR}${fp}.pub.pem`), MAX_SMALL_BYTES);
    const sig = await readSmall(bag, file(bag, `${SIGNATURES_DIR}${fp}.sig`), MAX_SMALL_BYTES);
    let key;
    try {
      key = parsePublicKeyPem(pem);
    } catch {
      throw new BundleInvalid('signatureFileInvalid', { fingerprint: fp, file: `${fp}.pub.pem` });
    }
    // Byte-exact PEM: a second rendering of the same key would be a file no signature covers.
    if (!pem.equals(Buffer.from(publicKeyPem(key)))) throw new BundleInvalid('signatureFileInvalid', { fingerprint: fp, file: `${fp}.pub.pem` });
    if (fingerprintOf(key) !== fp) throw new BundleInvalid('publicKeyMismatch', { fingerprint: fp });
    if (sig.length !== 64) throw new BundleInvalid('signatureFileInvalid', { fingerprint: fp, file: `${fp}.sig` });
    if (!verifySignature(null, tagManifest, key, sig)) throw new BundleInvalid('signatureInvalid', { fingerprint: fp });
  }
}

function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

function manifestOf(bytes: Buffer, reason: 'tagManifestInvalid' | 'manifestInvalid'): ManifestLine[] {
  const parsed = parseManifest(bytes);
  if (!parsed.ok) throw new BundleInvalid(reason, { problem: parsed.problem });
  return parsed.value;
}

/**
 * Hash one payload file while streaming it, counting its size; with `keep`, its bytes are kept too
 * (submission.json, which is parsed afterwards), so that every file is read once.
 */
async function hashFile(bag: OpenedBag, f: BagFile, progress: ProgressMeter, keep = false): Promise<{ sha256: string; size: number; bytes: Buffer | null }> {
  if (keep && f.size > MAX_SUBMISSION_BYTES) throw new BundleInvalid('tooLarge', { path: f.path });
  const hash = createHash('sha256');
  const kept: Buffer[] = [];
  let size = 0;
  await readFile(bag, f, (chunk) => {
    hash.update(chunk);
    size += chunk.length;
    progress.add(chunk.length);
    // The chunk's buffer is reused for the next piece.
    if (keep) kept.push(Buffer.from(chunk));
  });
  return { sha256: hash.digest('hex'), size, bytes: keep ? Buffer.concat(kept) : null };
}

async function verifyOpened(bag: OpenedBag, options: VerifyOptions, signers: string[]): Promise<VerifyResult> {
  const { fingerprints, payload } = classify(bag);
  signers.push(...fingerprints);
  const tagBytes = await readSmall(bag, file(bag, TAG_FILES.tagManifest), MAX_SMALL_BYTES);
  await checkSignatures(bag, fingerprints, tagBytes);

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

  const manifest = manifestOf(tags.get(TAG_FILES.manifest) as Buffer, 'manifestInvalid');
  const listed = new Set(manifest.map((l) => l.path));
  for (const f of payload) if (!listed.has(f.path)) throw new BundleInvalid('notInManifest', { path: f.path });
  for (const l of manifest) {
    if (!l.path.startsWith('data/') || !bag.files.has(l.path)) throw new BundleInvalid('missingFile', { path: l.path });
  }
  const sizes = new Map<string, number>();
  let octets = 0;
  let submissionBytes: Buffer | null = null;
  const progress = progressMeter(manifest.reduce((n, l) => n + file(bag, l.path).size, 0), options.onProgress);
  for (const line of manifest) {
    const got = await hashFile(bag, file(bag, line.path), progress, line.path === PAYLOAD.submission);
    if (got.sha256 !== line.sha256) throw new BundleInvalid('hashMismatch', { path: line.path });
    sizes.set(line.path, got.size);
    octets += got.size;
    if (got.bytes) submissionBytes = got.bytes;
  }
  checkOxum(info, octets, manifest.length);
  // classify() made sure data/submission.json exists, and every payload file is in the manifest.
  const submission = parseSubmission(submissionBytes ?? Buffer.alloc(0));
  checkAgreement(info, submission, manifest, sizes);
  progress.finish();

  const country = submission.assessment.countryCode;
  const registered = options.registry !== undefined && fingerprints.some((fp) => isRegistered(options.registry as KeyRegistry, fp, country, submission.baggingDate));
  return {
    status: registered ? 'valid-registered' : 'valid-unregistered',
    fingerprints,
    bundle: { top: bag.top, country, externalIdentifier: submission.externalIdentifier, submissionRevision: submission.submissionRevision, baggingDate: submission.baggingDate },
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
  const signers: string[] = [];
  if (typeof source === 'string' && !(await fs.stat(source).catch(() => null))?.isFile()) {
    return { status: 'invalid', fingerprints: [], reason: { code: 'bundle:verify.notFound', params: {} } };
  }
  let bag: OpenedBag | null = null;
  try {
    bag = await openBag(source, options.limits ?? DEFAULT_LIMITS);
    const result = await verifyOpened(bag, options, signers);
    log.info(`bundle ${bag.top}: ${result.status}`);
    return result;
  } catch (err) {
    const fingerprints = signers.filter((s) => FINGERPRINT_PATTERN.test(s));
    if (!(err instanceof BundleInvalid)) {
      // A reader error nobody foresaw: still a verdict, never a crash; the log keeps the detail.
      log.warn('unexpected error while verifying', err);
      return { status: 'invalid', fingerprints, reason: { code: 'bundle:verify.damagedZip', params: {} } };
    }
    log.info(`bundle invalid: ${err.reason}`);
    return { status: 'invalid', fingerprints, reason: err.toReason() };
  } finally {
    bag?.zip.close();
  }
}
