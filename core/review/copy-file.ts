/**
 * The review copy on disk (`*.scsa-review`): a zip, read with the bundle's safe reader, holding one
 * top folder `scsa-review-<reviewId>/` with `review-request.json` and, when the focal point chose
 * to send them, the attached files as `attachments/<sha256>`.
 */
import { promises as fs } from 'node:fs';
import { createHash } from 'node:crypto';
import { AppError } from '../errors';
import { createLogger } from '../log';
import { DEFAULT_LIMITS, openBag, readFile, readSmall, type OpenedBag, type ZipLimits } from '../bundle/zip-reader';
import { BundleInvalid } from '../bundle/reasons';
import { writeZipAtomically } from '../bundle/zip-output';
import { canonicalJsonBytes } from '../bundle/canonical-json';
import { contentSha256 } from './content-hash';
import { parseRequest } from './parse';
import { REVIEW_LIMITS, type ReviewRequest } from './schema';

const log = createLogger('review-copy');

export const REQUEST_FILE = 'review-request.json';
const ATTACHMENT = /^attachments\/([0-9a-f]{64})$/;

/** Zip limits of a review copy: one JSON file and the draft's attachments. */
export const COPY_LIMITS: ZipLimits = {
  maxEntries: 5_000,
  maxTotalBytes: DEFAULT_LIMITS.maxTotalBytes,
  maxEntryBytes: DEFAULT_LIMITS.maxEntryBytes,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxArchiveRatio: DEFAULT_LIMITS.maxArchiveRatio,
  archiveRatioFloorBytes: DEFAULT_LIMITS.archiveRatioFloorBytes,
};

export interface WrittenCopy {
  file: string;
  bytes: number;
  /** Attachments put into the copy. */
  attachments: number;
}

/**
 * Write the review copy atomically. With `attachmentPath`, every attachment the draft lists goes in
 * (its content checked against its hash: `review:errors.attachmentChanged`; a missing file:
 * `review:errors.attachmentMissing`); without it, only the list travels.
 */
export async function writeReviewCopy(file: string, request: ReviewRequest, attachmentPath?: (sha256: string) => string): Promise<WrittenCopy> {
  const top = `scsa-review-${request.reviewId}`;
  const refs = [...new Map(request.draft.attachments.map((a) => [a.sha256, a])).values()];
  const now = new Date(request.createdAt);
  // Checked before the zip is started, so that a missing file is named rather than failing the write midway.
  const sizes = new Map<string, number>();
  if (attachmentPath) {
    for (const ref of refs) {
      const stat = await fs.stat(attachmentPath(ref.sha256)).catch(() => null);
      if (!stat?.isFile()) throw new AppError('review:errors.attachmentMissing', { name: ref.name });
      sizes.set(ref.sha256, stat.size);
    }
  }
  const bytes = await writeZipAtomically(file, now, async (zip) => {
    // Canonical JSON: the file is machine-made, and its text then depends on nothing but its content.
    zip.addBuffer(`${top}/${REQUEST_FILE}`, canonicalJsonBytes(request), true);
    if (!attachmentPath) return;
    await Promise.all(
      refs.map(async (ref) => {
        const written = await zip.addFile(`${top}/attachments/${ref.sha256}`, attachmentPath(ref.sha256), false, sizes.get(ref.sha256) ?? ref.size);
        if (written.sha256 !== ref.sha256) throw new AppError('review:errors.attachmentChanged', { name: ref.name });
      }),
    );
  });
  return { file, bytes, attachments: attachmentPath ? refs.length : 0 };
}

/** A review copy opened for reading; `close` when done. */
export interface OpenedReviewCopy {
  request: ReviewRequest;
  /** Hashes of the attachments the copy carries (a subset of `request.draft.attachments`). */
  attachments: string[];
  /** An attachment's bytes, checked against its hash (`review:errors.attachmentChanged`). */
  readAttachment(sha256: string): Promise<Buffer>;
  close(): void;
}

function damaged(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof BundleInvalid) {
    log.warn(`review copy refused: ${err.reason}`, err.params);
    return new AppError(err.reason === 'notZip' ? 'review:errors.notACopy' : 'review:errors.copyDamaged', undefined, err);
  }
  return new AppError('review:errors.copyDamaged', undefined, err);
}

/**
 * Open a review copy (a path or its bytes) and check it whole before use: safe zip, nothing but the
 * request and attachments the draft lists, the request valid, and its content hashing to the base
 * it declares (`review:errors.copyAltered` when a hand edit broke that).
 */
export async function readReviewCopy(source: string | Buffer): Promise<OpenedReviewCopy> {
  let bag: OpenedBag;
  try {
    bag = await openBag(source, COPY_LIMITS);
  } catch (err) {
    throw damaged(err);
  }
  try {
    const requestFile = bag.files.get(REQUEST_FILE);
    if (!requestFile) throw new AppError('review:errors.notACopy');
    const request = parseRequest(await readSmall(bag, requestFile, REVIEW_LIMITS.requestBytes));
    if (contentSha256(request.draft) !== request.base.contentSha256) throw new AppError('review:errors.copyAltered');
    const listed = new Map(request.draft.attachments.map((a) => [a.sha256, a]));
    const attachments: string[] = [];
    for (const name of bag.files.keys()) {
      if (name === REQUEST_FILE) continue;
      const m = ATTACHMENT.exec(name);
      if (!m || !listed.has(m[1] as string)) throw new AppError('review:errors.copyUnexpectedFile', { path: name });
      attachments.push(m[1] as string);
    }
    const readAttachment = async (sha256: string): Promise<Buffer> => {
      const entry = bag.files.get(`attachments/${sha256}`);
      if (!entry) throw new AppError('review:errors.attachmentMissing', { name: listed.get(sha256)?.name ?? sha256 });
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      try {
        await readFile(bag, entry, (chunk) => {
          hash.update(chunk);
          chunks.push(Buffer.from(chunk));
        });
      } catch (err) {
        throw damaged(err);
      }
      if (hash.digest('hex') !== sha256) throw new AppError('review:errors.attachmentChanged', { name: listed.get(sha256)?.name ?? sha256 });
      return Buffer.concat(chunks);
    };
    return { request, attachments: attachments.sort(), readAttachment, close: () => bag.zip.close() };
  } catch (err) {
    bag.zip.close();
    throw damaged(err);
  }
}
