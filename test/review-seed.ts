// Sends a draft for review the way the app records it (pinned base, an entry in reviews.json), and
// writes a reviewer's reply with the reviewer's own functions: shared by the handler and e2e tests.
import path from 'node:path';
import type { ChecklistPack } from '../core/checklist/schema';
import type { Draft } from '../core/draft/schema';
import {
  addComment,
  buildReply,
  buildReviewRequest,
  LEDGER_FILE,
  readLedger,
  recordSent,
  replyText,
  setReviewer,
  setVerdict,
  startReview,
  suggest,
  writeLedger,
  type ReviewReply,
  type ReviewRequest,
  type Verdict,
} from '../core/review';
import { assessmentPaths } from '../core/store/layout';
import { pinForReview } from '../core/store/pins';

/** Record that `draft` (as saved in `dataDir`) was sent to `institution`: its revision pinned, the review in the ledger. */
export async function sendForReview(dataDir: string, draft: Draft, pack: ChecklistPack, institution: string, now = new Date()): Promise<ReviewRequest> {
  const paths = assessmentPaths(dataDir, draft.id);
  const request = buildReviewRequest(draft, pack, { to: { institution }, now });
  await pinForReview(paths, draft, request.reviewId, now);
  const file = path.join(paths.dir, LEDGER_FILE);
  const { ledger } = await readLedger(file);
  await writeLedger(file, recordSent(ledger, request));
  return request;
}

export interface ReplySpec {
  name: string;
  institution: string;
  verdict?: Verdict;
  note?: string;
  suggestions?: Record<string, unknown>;
  comments?: Array<{ itemId: string; text: string; field?: string }>;
  at?: Date;
}

/** The reply a reviewer returns to `request`. */
export function replyTo(request: ReviewRequest, pack: ChecklistPack, spec: ReplySpec): ReviewReply {
  const at = spec.at ?? new Date(Date.parse(request.createdAt) + 3600_000);
  let w = setReviewer(startReview(request, at), { name: spec.name, institution: spec.institution });
  for (const [itemId, answer] of Object.entries(spec.suggestions ?? {})) w = suggest(w, request, pack, { itemId, answer }, at);
  for (const c of spec.comments ?? []) w = addComment(w, pack, c, at);
  return buildReply(setVerdict(w, spec.verdict ?? 'comments', spec.note, at), at);
}

export const replyBytes = (reply: ReviewReply): Uint8Array => new TextEncoder().encode(replyText(reply));
