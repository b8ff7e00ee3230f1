import { createHash } from 'node:crypto';
import type { ManifestLine } from './bag-text';
import { inTurn } from './in-turn';
import { PAYLOAD } from './names';
import type { ProgressMeter } from './progress';
import { BundleInvalid } from './reasons';
import { MAX_SUBMISSION_BYTES } from './submission';
import { digestFile, readFile, type BagFile, type OpenedBag } from './zip-reader';

/** The payload as the manifest lists it, every file's hash checked: sizes, total, submission.json's bytes. */
export interface HashedPayload {
  sizes: Map<string, number>;
  octets: number;
  submissionBytes: Buffer | null;
}

/** A file of the bag by its path, or the bundle is missing it. */
export function fileOf(bag: OpenedBag, path: string): BagFile {
  const f = bag.files.get(path);
  if (!f) throw new BundleInvalid('missingFile', { path });
  return f;
}

/**
 * Hash every file the manifest lists, two at a time (large ones on the digest workers), judged in
 * manifest order so that the first reason is the one a file-after-file check would give.
 */
export async function hashPayload(bag: OpenedBag, manifest: readonly ManifestLine[], progress: ProgressMeter): Promise<HashedPayload> {
  const sizes = new Map<string, number>();
  let octets = 0;
  let submissionBytes: Buffer | null = null;
  const hashed = inTurn(manifest, 2, (line) => hashFile(bag, fileOf(bag, line.path), progress, line.path === PAYLOAD.submission));
  try {
    for (const [i, line] of manifest.entries()) {
      const got = await (hashed.results[i] as Promise<Awaited<ReturnType<typeof hashFile>>>);
      if (got.sha256 !== line.sha256) throw new BundleInvalid('hashMismatch', { path: line.path });
      sizes.set(line.path, got.size);
      octets += got.size;
      if (got.bytes) submissionBytes = got.bytes;
    }
  } finally {
    // A file found wrong ends the verification: the files not started yet are never read, and the
    // one still being read is waited for, so that nothing reads the bag after its caller closes it.
    hashed.stop();
    await Promise.allSettled(hashed.results);
  }
  return { sizes, octets, submissionBytes };
}

/**
 * Hash one payload file while streaming it, counting its size; with `keep`, its bytes are kept too
 * (submission.json, which is parsed afterwards), so that every file is read once.
 */
async function hashFile(bag: OpenedBag, f: BagFile, progress: ProgressMeter, keep = false): Promise<{ sha256: string; size: number; bytes: Buffer | null }> {
  if (keep && f.size > MAX_SUBMISSION_BYTES) throw new BundleInvalid('tooLarge', { path: f.path });
  if (!keep) return { ...(await digestFile(bag, f, (n) => progress.add(n))), bytes: null };
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

