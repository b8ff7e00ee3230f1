/**
 * Where the focal point keeps what reviews brought back, inside the assessment's folder: the ledger
 * (`reviews.json`, core/review/ledger-file.ts) and the reply in force of each review
 * (`replies/<reviewId>.scsa-reply.json`, as the reviewer wrote it). The merge view is rebuilt from
 * these on each visit, against the bases the store keeps pinned.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../fs/atomic';
import { createLogger } from '../../log';
import type { AssessmentPaths } from '../../store/layout';
import { readRevision } from '../../store/history-view';
import {
  contentSha256,
  LEDGER_FILE,
  parseReply,
  readLedger,
  replyText,
  writeLedger,
  type AdmittedReply,
  type KnownBase,
  type ReviewLedger,
  type ReviewReply,
} from '../../review';

const log = createLogger('review-merge');

export const REPLIES_DIR = 'replies';

export const ledgerFile = (paths: AssessmentPaths) => path.join(paths.dir, LEDGER_FILE);
const replyFile = (paths: AssessmentPaths, reviewId: string) => path.join(paths.dir, REPLIES_DIR, `${reviewId}.scsa-reply.json`);

export async function loadLedger(paths: AssessmentPaths): Promise<{ ledger: ReviewLedger; setAside?: string }> {
  const read = await readLedger(ledgerFile(paths));
  return read.setAside ? { ledger: read.ledger, setAside: path.basename(read.setAside) } : { ledger: read.ledger };
}

export function saveLedger(paths: AssessmentPaths, ledger: ReviewLedger): Promise<void> {
  return writeLedger(ledgerFile(paths), ledger);
}

export async function keepReply(paths: AssessmentPaths, reply: ReviewReply): Promise<void> {
  await fs.mkdir(path.join(paths.dir, REPLIES_DIR), { recursive: true });
  await writeFileAtomic(replyFile(paths, reply.reviewId), replyText(reply));
}

/**
 * The bases the focal point holds: the revision of each open review, as the store has it now (its
 * content hash computed afresh, so a revision restored over or replaced no longer matches).
 */
export async function knownBases(paths: AssessmentPaths, ledger: ReviewLedger): Promise<KnownBase[]> {
  const out: KnownBase[] = [];
  const seen = new Set<number>();
  for (const r of ledger.reviews) {
    if (r.closedAt || seen.has(r.base.revision)) continue;
    seen.add(r.base.revision);
    const draft = await readRevision(paths, r.base.revision);
    if (!draft) continue;
    out.push({ base: { draftId: draft.id, revision: draft.revision, contentSha256: contentSha256(draft) }, draft: { answers: draft.answers, attachments: draft.attachments } });
  }
  return out;
}

/**
 * The replies in force of the open reviews, as admitted replies for the merge engine. A reply file
 * that no longer reads, or whose base the store no longer has with the same content, is left out
 * (and logged): the merge view shows what can still be merged.
 */
export async function repliesInForce(paths: AssessmentPaths, ledger: ReviewLedger): Promise<AdmittedReply[]> {
  const bases = await knownBases(paths, ledger);
  const out: AdmittedReply[] = [];
  for (const r of ledger.reviews) {
    const last = r.replies[r.replies.length - 1];
    if (r.closedAt || !last) continue;
    let reply: ReviewReply;
    try {
      reply = parseReply(await fs.readFile(replyFile(paths, r.reviewId)));
    } catch (err) {
      log.error(`reply of review ${r.reviewId} unreadable`, err instanceof Error ? err.message : err);
      continue;
    }
    const known = bases.find((b) => b.base.revision === reply.base.revision && b.base.contentSha256 === reply.base.contentSha256);
    if (!known) {
      log.warn(`reply of review ${r.reviewId}: base revision ${reply.base.revision} no longer held with the same content`);
      continue;
    }
    // The hash the record took when this reply was imported (the file is the reply it hashed): hashing
    // ten replies again costs more than reading them.
    out.push({ reply, sha256: last.sha256, known, supersedes: false });
  }
  return out;
}
