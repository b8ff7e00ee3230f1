/** Reply files on disk: read (size checked before a byte is read) and written atomically. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { writeFileAtomic } from '../fs/atomic';
import type { ReceivedReply } from './admit';
import { replySha256 } from './content-hash';
import { parseReply, replyText } from './parse';
import { REVIEW_LIMITS, type ReviewReply } from './schema';

/**
 * Read and check a reply file. Missing or unreadable: `review:errors.replyNotFound`; larger than
 * 5 MB: `review:errors.replyTooLarge` (nothing read); otherwise as `parseReply`.
 */
export async function readReplyFile(file: string): Promise<ReceivedReply> {
  const name = path.basename(file);
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new AppError('review:errors.replyNotFound', { file: name });
  if (stat.size > REVIEW_LIMITS.replyBytes) throw new AppError('review:errors.replyTooLarge', { size: stat.size, max: REVIEW_LIMITS.replyBytes });
  const bytes = await fs.readFile(file).catch((err: unknown) => {
    throw new AppError('review:errors.replyNotFound', { file: name }, err);
  });
  const reply = parseReply(bytes);
  return { reply, sha256: replySha256(reply), source: name };
}

/** Write a reply file (`*.scsa-reply.json`) atomically. */
export async function writeReplyFile(file: string, reply: ReviewReply): Promise<void> {
  await writeFileAtomic(file, replyText(reply));
}
