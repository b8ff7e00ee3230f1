import path from 'node:path';
import { AppError } from '../../core/errors';
import { itemsInOrder } from '../../core/diff';
import { serializeDraft } from '../../core/store/read';
import { writeFileAtomic } from '../../core/fs/atomic';
import {
  acceptClean,
  admitReplies,
  buildMergeView,
  nextRevisionWith,
  readReplyFile,
  readReviewCopy,
  type ReceivedReply,
  type ReviewRequest,
} from '../../core/review';
import { EXIT } from '../exit-codes';
import { answerLabels } from './answer-labels';
import { reportAppError } from './passphrase';
import { readDraftFile } from './read-draft';
import { acceptedLines, mergeLines } from './review-merge-output';
import type { CommandContext, CommandRun } from './types';

const IGNORABLE = new Set(['review:errors.duplicateReply', 'review:errors.olderVersion']);

function usage(ctx: CommandContext, key: string, params: Record<string, string> = {}): number {
  ctx.err(`scsa: ${ctx.t(key, params)}`);
  ctx.err(ctx.t('usage.moreHelp', { command: 'scsa review merge --help' }));
  return EXIT.usage;
}

async function readCopy(ctx: CommandContext, file: string): Promise<ReviewRequest | number> {
  try {
    const copy = await readReviewCopy(path.resolve(file));
    copy.close();
    return copy.request;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    ctx.err(`scsa: ${ctx.t('reviewMerge.copyRefused', { file, reason: ctx.t(err.code, err.params ?? {}) })}`);
    return EXIT.failedCheck;
  }
}

/**
 * `scsa review merge DRAFT --base REVIEW_COPY REPLY… [--accept-clean] [--dry-run] [--json]`: each
 * reply checked against the review copy's base (`contentSha256`) and the draft, then per item:
 * clean / merges / conflict / comment. --accept-clean writes the draft (atomically, as the next
 * revision, its change log naming each review and institution) with every suggestion that applies
 * cleanly; --dry-run says what it would write. A refused reply: exit 1 and the draft untouched.
 */
export const run: CommandRun = async (ctx) => {
  const [draftFile, ...replyFiles] = ctx.positionals as [string, ...string[]];
  const baseFile = typeof ctx.options.base === 'string' ? ctx.options.base : undefined;
  if (baseFile === undefined) return usage(ctx, 'errors.missingOption', { option: '--base REVIEW_COPY' });
  const json = ctx.options.json === true;
  const dryRun = ctx.options['dry-run'] === true;

  const read = await readDraftFile(ctx, draftFile);
  if (typeof read === 'number') return read;
  const { draft, loaded } = read;
  const request = await readCopy(ctx, baseFile);
  if (typeof request === 'number') return request;
  if (request.base.draftId !== draft.id) {
    ctx.err(`scsa: ${ctx.t('reviewMerge.copyOtherDraft', { file: baseFile, draft: draftFile })}`);
    return EXIT.failedCheck;
  }

  const refused: Array<{ file: string; error: AppError }> = [];
  const received: ReceivedReply[] = [];
  for (const file of replyFiles) {
    try {
      received.push({ ...(await readReplyFile(path.resolve(file))), source: file });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      refused.push({ file, error: err });
    }
  }
  let admission;
  try {
    admission = admitReplies(received, { pack: loaded.pack, draftId: draft.id, bases: [{ base: request.base, draft: request.draft }] });
  } catch (err) {
    return reportAppError(ctx, err);
  }
  // The same reply given twice, or an older version beside a newer one: the other copy is used, nothing is lost.
  const ignored: Array<{ file: string; error: AppError }> = [];
  for (const r of admission.refused) (IGNORABLE.has(r.error.code) ? ignored : refused).push({ file: r.received.source ?? '', error: r.error });
  for (const r of refused) ctx.err(`scsa: ${ctx.t('reviewMerge.refused', { file: r.file, reason: ctx.t(r.error.code, r.error.params ?? {}) })}`);
  for (const r of ignored) ctx.err(`scsa: ${ctx.t('reviewMerge.ignored', { file: r.file, reason: ctx.t(r.error.code, r.error.params ?? {}) })}`);

  const view = buildMergeView(loaded.pack, draft.answers, admission.admitted);
  const accepting = ctx.options['accept-clean'] === true;
  const result = accepting ? acceptClean(loaded.pack, draft.answers, admission.admitted) : null;
  // A refused reply may be one the user meant to include: write nothing until the command line is right.
  const write = result !== null && result.accepted.length > 0 && !dryRun && refused.length === 0;
  const next = write ? nextRevisionWith(draft, result.answers, result.accepted) : null;
  if (next) {
    try {
      await writeFileAtomic(path.resolve(draftFile), serializeDraft(next));
    } catch (err) {
      ctx.err(`scsa: ${ctx.t('new.cannotWrite', { file: draftFile, reason: (err as NodeJS.ErrnoException).code ?? 'error' })}`);
      return EXIT.failedCheck;
    }
  }

  if (json) {
    const out = {
      draft: { file: draftFile, id: draft.id, revision: next?.revision ?? draft.revision },
      base: { reviewId: request.reviewId, ...request.base },
      replies: view.replies,
      refused: refused.map((r) => ({ file: r.file, code: r.error.code, message: ctx.t(r.error.code, r.error.params ?? {}) })),
      ignored: ignored.map((r) => ({ file: r.file, code: r.error.code, message: ctx.t(r.error.code, r.error.params ?? {}) })),
      items: view.items,
      counts: view.counts,
      ...(result ? { accepted: result.accepted, written: next !== null } : {}),
    };
    ctx.out(JSON.stringify(out, null, 2));
  } else {
    const items = new Map(itemsInOrder(loaded.pack).map(({ item }) => [item.id, item]));
    ctx.out(mergeLines(ctx.t, view, items, answerLabels(loaded.pack, ctx.language, ctx.t)).join('\n'));
    if (result) {
      if (result.accepted.length === 0) ctx.out(ctx.t('reviewMerge.nothingToAccept'));
      else {
        ctx.out(acceptedLines(result.accepted).join('\n'));
        if (next) ctx.out(ctx.t('reviewMerge.accepted', { count: result.accepted.length, file: draftFile, revision: next.revision }));
        else if (dryRun) ctx.out(ctx.t('reviewMerge.dryRun', { count: result.accepted.length }));
        else ctx.out(ctx.t('reviewMerge.notWritten'));
      }
    }
  }
  return refused.length > 0 ? EXIT.failedCheck : EXIT.ok;
};
