import { sign } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { AppError } from '../errors';
import { createLogger } from '../log';
import type { SigningKey } from '../keys/keys';
import { SIGNATURES_DIR, TAG_FILES } from '../bundle/names';
import { progressMeter, type ProgressCallback } from '../bundle/progress';
import type { VerifyReason } from '../bundle/reasons';
import { verifyBundle } from '../bundle/verify';
import { DEFAULT_LIMITS, openBag, readSmall, type OpenedBag } from '../bundle/zip-reader';
import { writeZipAtomically } from '../bundle/zip-output';

const log = createLogger('secretariat-countersign');

/** The bundle to countersign is not a valid bundle: `reason` is verify's first reason. */
export class CountersignRefusedError extends AppError {
  readonly reason: VerifyReason;
  constructor(reason: VerifyReason) {
    super('secretariat:errors.countersignInvalid', {});
    this.reason = reason;
  }
}

export interface CountersignOptions {
  /** The bundle as exported (or as countersigned already). */
  source: string;
  signer: SigningKey;
  /** A new `.zip` file, or an existing folder to write a file of the source's name into. */
  out: string;
  /** Told the bytes copied so far out of all the bundle's files, then (total, total). */
  onProgress?: ProgressCallback;
}

export interface CountersignResult {
  file: string;
  /** Every signer of the new file, the added one included. */
  fingerprints: string[];
}

async function target(out: string, source: string): Promise<string> {
  const stat = await fs.stat(out).catch(() => null);
  const file = stat?.isDirectory() ? path.join(out, path.basename(source)) : out;
  if (!file.toLowerCase().endsWith('.zip')) throw new AppError('bundle:errors.outputNotZip', { file: path.basename(file) });
  if (await fs.stat(file).catch(() => null)) throw new AppError('bundle:errors.outputExists', { file: path.basename(file) });
  return file;
}

/** An entry's content as a stream, opened when the zip writer reaches it. */
function entryStream(bag: OpenedBag, name: string): Readable {
  const out = new PassThrough({ highWaterMark: 1024 * 1024 });
  const file = bag.files.get(name);
  if (!file) {
    out.destroy(new Error(`missing ${name}`));
    return out;
  }
  bag.zip.openReadStream(file.entry, (err, stream) => {
    if (err) return void out.destroy(err);
    stream.on('error', (e) => out.destroy(e));
    stream.pipe(out);
  });
  return out;
}

/**
 * Add a signature to a valid bundle (an approver countersigning what the focal point signed): the
 * bag's files are copied unchanged — the tag manifest, and so every existing signature, still hold —
 * and `signatures/<fingerprint>.sig` and `.pub.pem` of `signer` are added. The new file appears only
 * once complete, and is verified before this returns; the source is never changed.
 */
export async function countersignBundle(options: CountersignOptions): Promise<CountersignResult> {
  const { source, signer } = options;
  const before = await verifyBundle(source);
  if (before.status === 'invalid') throw new CountersignRefusedError(before.reason ?? { code: 'bundle:verify.damagedZip', params: {} });
  if (before.fingerprints.includes(signer.fingerprint)) throw new AppError('secretariat:errors.alreadySigned', { fingerprint: signer.fingerprint });
  const file = await target(options.out, source);

  const bag = await openBag(source, DEFAULT_LIMITS);
  try {
    const tagManifest = await readSmall(bag, bag.files.get(TAG_FILES.tagManifest) as NonNullable<ReturnType<typeof bag.files.get>>, 64 * 1024);
    const signature = sign(null, tagManifest, signer.privateKey);
    const names = [...bag.files.keys()];
    const progress = progressMeter(names.reduce((n, name) => n + (bag.files.get(name)?.size ?? 0), 0), options.onProgress);
    await writeZipAtomically(file, new Date(), async (zip) => {
      const copies = names.map((name) => {
        const entry = bag.files.get(name);
        return zip.addStream(`${bag.top}/${name}`, () => entryStream(bag, name), entry?.entry.compressionMethod === 8, entry?.size, (n) => progress.add(n));
      });
      for (const c of copies) c.catch(() => undefined);
      zip.addBuffer(`${bag.top}/${SIGNATURES_DIR}${signer.fingerprint}.sig`, signature, false);
      zip.addBuffer(`${bag.top}/${SIGNATURES_DIR}${signer.fingerprint}.pub.pem`, Buffer.from(signer.publicKeyPem), true);
      const copied = await Promise.all(copies);
      // The zip writer hashed each file on its way: a source that changed since it was verified shows here.
      copied.forEach((c, i) => {
        if (c.size !== bag.files.get(names[i] as string)?.size) throw new AppError('secretariat:errors.sourceChanged', { file: path.basename(source) });
      });
    });
    progress.finish();
  } finally {
    bag.zip.close();
  }

  const after = await verifyBundle(file);
  if (after.status === 'invalid' || !after.fingerprints.includes(signer.fingerprint)) {
    await fs.rm(file, { force: true });
    throw new CountersignRefusedError(after.reason ?? { code: 'bundle:verify.signatureInvalid', params: { fingerprint: signer.fingerprint } });
  }
  log.info(`countersigned ${path.basename(source)} → ${path.basename(file)}`);
  return { file, fingerprints: after.fingerprints };
}
