/**
 * The replies in force, kept between calls. Reading them is the costly part of every visit to the
 * merge screen (ten 800 KiB reply files parsed and checked, their hashes, the base revision read and
 * hashed: about a second on a slow computer), while merging them is cheap. They are read again only
 * when something they came from changed: the record of reviews (a reply imported, a review closed)
 * or a file they were read from (the reply files, the bases' snapshots, the pinned revisions: a new
 * name, size, modification time or file identity; atomic writes always give a new identity).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AdmittedReply, ReviewLedger } from '../../review';
import { listSnapshots } from '../../store/history';
import type { AssessmentPaths } from '../../store/layout';
import { REPLIES_DIR, repliesInForce } from './reply-shelf';

async function filesOf(dir: string, names: readonly string[], parts: string[]): Promise<void> {
  for (const name of [...names].sort()) {
    const s = await fs.stat(path.join(dir, name), { bigint: true }).catch(() => null);
    parts.push(s ? `${dir}/${name}:${s.size}:${s.mtimeNs}:${s.ino}` : `${dir}/${name}:gone`);
  }
}

/**
 * What the replies in force were read from: the reviews' record and the identity of each file they
 * came from. Of the history, only the snapshots of the bases count: autosave adds snapshots as the
 * focal point works, and those do not change what the replies are merged against.
 */
async function signature(paths: AssessmentPaths, ledger: ReviewLedger): Promise<string> {
  const parts: string[] = ledger.reviews.map((r) => `${r.reviewId}:${r.closedAt ?? ''}:${r.base.revision}:${r.replies[r.replies.length - 1]?.sha256 ?? ''}`);
  const bases = new Set(ledger.reviews.filter((r) => !r.closedAt).map((r) => r.base.revision));
  const replies = path.join(paths.dir, REPLIES_DIR);
  await filesOf(replies, await fs.readdir(replies).catch(() => []), parts);
  await filesOf(paths.history, (await listSnapshots(paths.history)).filter((e) => bases.has(e.revision)).map((e) => e.file), parts);
  await filesOf(paths.submitted, await fs.readdir(paths.submitted).catch(() => []), parts);
  return parts.join('\n');
}

export interface ReplyCache {
  /** The replies in force of the open reviews (reply-shelf.ts `repliesInForce`), read again only when their sources changed. */
  inForce(assessmentId: string, paths: AssessmentPaths, ledger: ReviewLedger): Promise<AdmittedReply[]>;
}

/** Each assessment's replies are tens of megabytes once read: only the last few opened are kept. */
const KEEP = 2;

/**
 * One entry per assessment. Callers run inside the assessment's edit queue, so two reads of one
 * assessment never overlap; the replies handed out are shared and must not be changed. Nothing
 * tells the cache of an assessment deleted: its files are gone, so its entry can no longer match,
 * and it makes way once two others have been opened.
 */
export function createReplyCache(): ReplyCache {
  const kept = new Map<string, { key: string; replies: AdmittedReply[] }>();
  return {
    async inForce(assessmentId, paths, ledger) {
      const key = await signature(paths, ledger);
      const hit = kept.get(assessmentId);
      if (hit && hit.key === key) return hit.replies;
      const replies = await repliesInForce(paths, ledger);
      // The files may have changed while they were read: keep them only if the signature still holds.
      kept.delete(assessmentId);
      if ((await signature(paths, ledger)) === key) kept.set(assessmentId, { key, replies });
      for (const old of kept.keys()) if (kept.size > KEEP) kept.delete(old);
      return replies;
    },
  };
}
