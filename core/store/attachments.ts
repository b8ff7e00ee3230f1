import { createReadStream, createWriteStream, promises as fs, type ReadStream } from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors';
import { AttachmentRefSchema, type AttachmentRef } from '../draft/schema';
import { Sha256Schema } from '../draft/answers';

/** Default largest attachment: 100 MiB. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;

export interface IngestOptions {
  name: string;
  mediaType: string;
  maxBytes?: number;
}

/** Path of the stored content for a hash, checked so a crafted "hash" cannot leave the folder. */
export function attachmentFile(dir: string, sha256: string): string {
  if (!Sha256Schema.safeParse(sha256).success) throw new AppError('drafts:errors.badAttachmentHash');
  return path.join(dir, sha256);
}

/**
 * Stream `source` into `dir` while hashing it: bytes go to a temp file, never all into memory; the
 * temp file is fsynced and renamed to its SHA-256. The same content added twice is stored once.
 * Exceeding `maxBytes` stops the stream and throws `drafts:errors.attachmentTooLarge`; nothing is kept.
 */
export async function ingestAttachment(dir: string, source: Readable | Iterable<Uint8Array> | AsyncIterable<Uint8Array>, options: IngestOptions): Promise<AttachmentRef> {
  const limit = options.maxBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.incoming.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limit) {
        done(new AppError('drafts:errors.attachmentTooLarge', { name: options.name, limit }));
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, createWriteStream(tmp, { mode: 0o600 }));
    const handle = await fs.open(tmp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    const sha256 = hash.digest('hex');
    const target = attachmentFile(dir, sha256);
    const existing = await fs.stat(target).catch(() => null);
    if (existing && existing.size === size) await fs.rm(tmp, { force: true });
    else await fs.rename(tmp, target);
    return AttachmentRefSchema.parse({ sha256, name: options.name, size, mediaType: options.mediaType });
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    if (err instanceof AppError) throw err;
    throw new AppError('drafts:errors.attachmentWrite', { name: options.name }, err);
  }
}

/** Read a stored attachment as a stream. */
export function openAttachment(dir: string, sha256: string): ReadStream {
  return createReadStream(attachmentFile(dir, sha256));
}

/** Attachments a draft lists whose content is absent (or of the wrong size) in `dir`. */
export async function missingAttachments(dir: string, refs: readonly AttachmentRef[]): Promise<AttachmentRef[]> {
  const missing: AttachmentRef[] = [];
  for (const ref of refs) {
    const stat = await fs.stat(attachmentFile(dir, ref.sha256)).catch(() => null);
    if (!stat || stat.size !== ref.size) missing.push(ref);
  }
  return missing;
}
