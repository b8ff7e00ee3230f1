import type { HandlersOf, IncomingFile } from '../../api/common';
import { AppError } from '../../errors';
import { createLogger } from '../../log';
import { getPack } from '../../checklist/registry';
import type { ChecklistPack } from '../../checklist/schema';
import { jsonEqual } from '../../diff/equal';
import type { Draft } from '../../draft/schema';
import type { DraftStore } from '../../store/draft-store';
import type { EditQueue } from '../../store/edit-queue';
import { readRevision } from '../../store/history-view';
import { unpinReview } from '../../store/pins';
import {
  acceptClean,
  acceptSuggestion,
  admitReply,
  buildMergeView,
  closeReview,
  consultations,
  decide,
  openItems,
  parseReply,
  recordReply,
  replySha256,
  resolveComment,
  REVIEW_LIMITS,
  sentSummary,
  type AdmittedReply,
  type ReviewLedger,
} from '../../review';
import type { ReplyImported, ReviewsOverview, reviewMergeContract } from './contract';
import { pageOfView, wholeView } from './merge-page';
import { createReplyCache } from './reply-cache';
import { keepReply, knownBases, loadLedger, saveLedger } from './reply-shelf';

const log = createLogger('review-merge');

export type ReviewMergeHandlers = HandlersOf<typeof reviewMergeContract>;

async function bytesOf(file: IncomingFile, max: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of file.stream()) {
    size += chunk.byteLength;
    // The transport has checked the size; a stream that runs on past it is refused all the same.
    if (size > max) throw new AppError('review:errors.replyTooLarge', { size, max });
    chunks.push(chunk);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const opened = (draft: Draft) => ({ draft, notices: [], readOnly: false });

/** The replies of `admitted` with only the suggestions the focal point has not decided yet. */
function undecided(ledger: ReviewLedger, admitted: readonly AdmittedReply[]): AdmittedReply[] {
  return admitted.map((r) => {
    const decisions = ledger.reviews.find((x) => x.reviewId === r.reply.reviewId)?.decisions ?? {};
    return { ...r, reply: { ...r.reply, suggestions: r.reply.suggestions.filter((s) => !decisions[s.id]) } };
  });
}

/**
 * The focal point's side of a review over the draft store: every change to the draft or to the
 * record of reviews runs in the assessment's edit queue, and a refusal changes nothing.
 */
export function createReviewMergeHandlers(store: DraftStore, queue: EditQueue, now: () => Date = () => new Date()) {
  const openDraft = (id: string): Draft => {
    const draft = store.current(id);
    if (!draft) throw new AppError('drafts:errors.notOpen', { id });
    return draft;
  };
  const savedDraft = async (id: string): Promise<Draft> => store.current(id) ?? (await store.open(id, { readOnly: true })).draft;
  const packOf = (draft: Draft): ChecklistPack => getPack(draft.checklist).pack;
  const cache = createReplyCache();

  /** The merge state of an open assessment: its draft, pack, record of reviews and replies in force. */
  async function state(id: string) {
    const draft = openDraft(id);
    const paths = store.paths(id);
    const { ledger } = await loadLedger(paths);
    return { draft, pack: packOf(draft), paths, ledger, replies: await cache.inForce(id, paths, ledger) };
  }

  const handlers: ReviewMergeHandlers = {
    async getReviews(id) {
      return queue.run(id, async () => {
        const paths = store.paths(id);
        const { ledger, setAside } = await loadLedger(paths);
        const replies = await cache.inForce(id, paths, ledger);
        const open = openItems(ledger, replies.map((r) => r.reply));
        const overview: ReviewsOverview = {
          reviews: ledger.reviews.map((r) => {
            const last = r.replies[r.replies.length - 1];
            const reply = replies.find((x) => x.reply.reviewId === r.reviewId)?.reply;
            const openHere = reply && !r.closedAt ? reply.comments.filter((c) => !r.resolved[c.id]).length + reply.suggestions.filter((s) => !r.decisions[s.id]).length : 0;
            return {
              ...sentSummary(r),
              ...(last ? { reply: { reviewer: last.reviewer, returnedAt: last.returnedAt, verdict: last.verdict, importedAt: last.importedAt } } : {}),
              open: openHere,
            };
          }),
          consultations: consultations(ledger),
          openItems: [...open],
          ...(setAside ? { setAside } : {}),
        };
        return overview;
      });
    },

    async getMergeView(id) {
      return queue.run(id, async () => {
        const { draft, pack, ledger, replies } = await state(id);
        return wholeView(buildMergeView(pack, draft.answers, replies), ledger, draft.revision);
      });
    },

    async getMergePage(id, query) {
      return queue.run(id, async () => {
        const { draft, pack, ledger, replies } = await state(id);
        return pageOfView(buildMergeView(pack, draft.answers, replies), ledger, draft.revision, query);
      });
    },

    async acceptSuggestion(id, ref, edited) {
      return queue.run(id, async () => {
        const { draft, pack, paths, ledger, replies } = await state(id);
        const result = acceptSuggestion(pack, draft.answers, replies, ref, edited);
        const changed = !jsonEqual(result.answers, draft.answers);
        // The draft first: should the record then fail to write, the suggestion stays open and accepting it again finds it already in the draft.
        const saved = changed ? await store.save({ ...draft, answers: result.answers as Draft['answers'] }, { accepted: result.accepted }) : draft;
        await saveLedger(paths, decide(ledger, ref.reviewId, ref.suggestionId, 'accepted', now()));
        log.info(`assessment ${id}: suggestion ${ref.suggestionId} of review ${ref.reviewId} accepted${changed ? ` (revision ${saved.revision})` : ''}`);
        return opened(saved);
      });
    },

    async rejectSuggestion(id, ref) {
      return queue.run(id, async () => {
        const { paths, ledger, replies } = await state(id);
        if (!replies.some((r) => r.reply.reviewId === ref.reviewId && r.reply.suggestions.some((s) => s.id === ref.suggestionId))) throw new AppError('review:errors.suggestionNotFound');
        await saveLedger(paths, decide(ledger, ref.reviewId, ref.suggestionId, 'rejected', now()));
        return null;
      });
    },

    async acceptAllClean(id) {
      return queue.run(id, async () => {
        const { draft, pack, paths, ledger, replies } = await state(id);
        const result = acceptClean(pack, draft.answers, undecided(ledger, replies));
        if (result.accepted.length === 0) return { accepted: 0, opened: opened(draft) };
        const saved = await store.save({ ...draft, answers: result.answers as Draft['answers'] }, { accepted: result.accepted });
        let next = ledger;
        for (const a of result.accepted) next = decide(next, a.reviewId, a.suggestionId, 'accepted', now());
        await saveLedger(paths, next);
        log.info(`assessment ${id}: ${result.accepted.length} suggestions accepted cleanly (revision ${saved.revision})`);
        return { accepted: result.accepted.length, opened: opened(saved) };
      });
    },

    async resolveComment(id, ref, answer) {
      return queue.run(id, async () => {
        const { paths, ledger, replies } = await state(id);
        if (!replies.some((r) => r.reply.reviewId === ref.reviewId && r.reply.comments.some((c) => c.id === ref.commentId))) throw new AppError('merge:errors.commentNotFound');
        await saveLedger(paths, resolveComment(ledger, ref.reviewId, ref.commentId, answer, now()));
        return null;
      });
    },

    async closeReview(id, reviewId) {
      return queue.run(id, async () => {
        const paths = store.paths(id);
        const { ledger } = await loadLedger(paths);
        await saveLedger(paths, closeReview(ledger, reviewId, now()));
        await unpinReview(paths, reviewId);
        return null;
      });
    },

    async readVersion(id, version) {
      return queue.run(id, async () => {
        const draft = version === 'current' ? await savedDraft(id) : await readRevision(store.paths(id), version);
        if (!draft) throw new AppError('merge:errors.versionNotFound', { revision: typeof version === 'number' ? version : 0 });
        return { revision: draft.revision, savedAt: draft.updatedAt, answers: draft.answers, attachments: draft.attachments };
      });
    },
  };

  /** Import one reply file: read, admitted against this draft and the bases kept, then recorded. */
  async function importReply(file: IncomingFile, id: string): Promise<ReplyImported> {
    try {
      const reply = parseReply(await bytesOf(file, REVIEW_LIMITS.replyBytes));
      return await queue.run(id, async () => {
        const draft = openDraft(id);
        const paths = store.paths(id);
        const { ledger } = await loadLedger(paths);
        const imported = ledger.reviews.flatMap((r) => r.replies.map((v) => ({ reviewId: r.reviewId, sha256: v.sha256 })));
        const admitted = admitReply(
          { reply, sha256: replySha256(reply), source: file.name },
          { pack: packOf(draft), draftId: draft.id, bases: await knownBases(paths, ledger), imported },
        );
        // A reply to a copy this assessment has no record of cannot be decided on or closed: refuse it.
        if (!ledger.reviews.some((r) => r.reviewId === reply.reviewId)) throw new AppError('merge:errors.reviewNotSent', { institution: reply.reviewer.institution });
        await keepReply(paths, reply);
        await saveLedger(paths, recordReply(ledger, reply, admitted.sha256, now()));
        log.info(`assessment ${id}: reply to review ${reply.reviewId} imported${admitted.supersedes ? ' (a newer version)' : ''}`);
        return { reviewId: reply.reviewId, institution: reply.reviewer.institution, supersedes: admitted.supersedes, comments: reply.comments.length, suggestions: reply.suggestions.length };
      });
    } finally {
      file.release();
    }
  }

  return { handlers, importReply };
}
