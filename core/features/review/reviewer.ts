/**
 * The reviewer's side: open a review copy (kept in `<dataDir>/reviewing/<reviewId>/`), autosave the
 * work on it, and write the reply as a download. Nothing here touches the reviewer's own
 * assessments, signing key or submissions: a review never becomes a draft that could be exported.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { IncomingFile } from '../../api/common';
import type { DownloadDesk } from '../../api/downloads';
import { findPack } from '../../checklist/registry';
import type { ChecklistPack } from '../../checklist/schema';
import { AppError } from '../../errors';
import { openRegularFile } from '../../fs/open-regular';
import { createLogger } from '../../log';
import { readReviewCopy } from '../../review/copy-file';
import { writeReplyFile } from '../../review/reply-file';
import type { ReviewRequest } from '../../review/schema';
import { addComment, buildReply, startReview, suggest, type ReviewWork } from '../../review/work';
import { listDesks, readDesk, readWork, reviewDeskPaths, writeDesk, writeWork, type Desk, type ReviewDeskPaths } from '../../review/work-file';
import { jsonEqual } from '../../diff/equal';
import type { ReviewerEntry, ReviewerSession } from './contract';

const log = createLogger('reviewer');

interface Copy {
  request: ReviewRequest;
  carried: string[];
  pack: ChecklistPack;
}

export interface ReviewerOptions {
  dataDir: string;
  downloads: DownloadDesk;
  now?: () => Date;
}

/** The pack a copy was made with; without it the draft cannot be shown, and nothing is kept. */
function packOf(request: ReviewRequest): ChecklistPack {
  const found = findPack(request.draft.checklist);
  if (!found) throw new AppError('review:errors.copyUnknownChecklist', { id: request.draft.checklist.id, version: request.draft.checklist.version });
  return found.pack;
}

async function readCopy(source: string): Promise<Copy> {
  const opened = await readReviewCopy(source);
  try {
    return { request: opened.request, carried: opened.attachments, pack: packOf(opened.request) };
  } finally {
    opened.close();
  }
}

/** Keep the copy as received: copied beside its place, then renamed, so no half copy has its name. */
async function keepCopy(source: string, paths: ReviewDeskPaths): Promise<void> {
  await fs.mkdir(paths.dir, { recursive: true });
  const part = `${paths.copy}.part`;
  await fs.copyFile(source, part);
  await fs.rename(part, paths.copy);
}

/** The reply's file name as the reviewer receives it: ASCII only, so every transport can serve it. */
export function replyFileName(request: ReviewRequest, at: string): string {
  return `${request.draft.assessment.countryCode}_review-reply_${at.slice(0, 10)}_${request.reviewId.slice(0, 8)}.scsa-reply.json`;
}

/**
 * The work checked against the copy, as the screens' own edits check it (work.ts): comments on
 * items of the checklist, suggestions the items accept, naming only files the draft has.
 */
function checkedWork(work: ReviewWork, copy: Copy, at: Date): ReviewWork {
  const { request, pack } = copy;
  if (work.reviewId !== request.reviewId || !jsonEqual(work.base, request.base)) throw new AppError('review:errors.workMismatch');
  let checked: ReviewWork = { ...work, comments: [], suggestions: [] };
  for (const c of work.comments) checked = addComment(checked, pack, { itemId: c.itemId, ...(c.field ? { field: c.field } : {}), text: c.text }, new Date(c.at), c.id);
  for (const s of work.suggestions) checked = suggest(checked, request, pack, { itemId: s.itemId, answer: s.answer, ...(s.note ? { note: s.note } : {}) }, new Date(s.at), s.id);
  return { ...checked, updatedAt: at.toISOString() };
}

export function createReviewerHandlers(options: ReviewerOptions) {
  const now = options.now ?? (() => new Date());
  const { dataDir } = options;
  // Opened copies, so an autosave does not read and hash the whole copy again.
  const copies = new Map<string, Copy>();
  const saving = new Map<string, Promise<unknown>>();

  async function copyOf(paths: ReviewDeskPaths, reviewId: string): Promise<Copy> {
    const known = copies.get(reviewId);
    if (known) return known;
    const exists = await fs.lstat(paths.copy).catch(() => null);
    if (!exists?.isFile()) throw new AppError('review:errors.reviewNotFound');
    const copy = await readCopy(paths.copy);
    if (copy.request.reviewId !== reviewId) throw new AppError('review:errors.reviewNotFound');
    copies.set(reviewId, copy);
    return copy;
  }

  async function sessionOf(paths: ReviewDeskPaths, copy: Copy, resumed: boolean): Promise<ReviewerSession> {
    const held = await readWork(paths);
    const work = held && held.reviewId === copy.request.reviewId && jsonEqual(held.base, copy.request.base) ? held : startReview(copy.request, now());
    if (work !== held) await writeWork(paths, work);
    const desk = await readDesk(paths);
    return { request: copy.request, work, carried: copy.carried, returns: desk?.returns ?? [], resumed: resumed && work === held };
  }

  function deskFor(request: ReviewRequest, openedAt: string, returns: Desk['returns'] = []): Desk {
    return {
      format: 'scsa-review-desk',
      schemaVersion: 1,
      openedAt,
      summary: {
        from: request.from,
        to: request.to,
        countryCode: request.draft.assessment.countryCode,
        ...(request.dueDate ? { dueDate: request.dueDate } : {}),
      },
      returns,
    };
  }

  return {
    async openReviewCopy(file: IncomingFile): Promise<ReviewerSession> {
      try {
        const copy = await readCopy(await file.path());
        const { request } = copy;
        const paths = reviewDeskPaths(dataDir, request.reviewId);
        const kept = await fs.lstat(paths.copy).catch(() => null);
        if (kept?.isFile()) {
          // The same review opened again (perhaps after returning it): the work goes on.
          const held = await readCopy(paths.copy).catch(() => null);
          if (held && held.request.base.contentSha256 !== request.base.contentSha256) throw new AppError('review:errors.copyOtherContent');
          if (!held) await keepCopy(await file.path(), paths);
        } else {
          await keepCopy(await file.path(), paths);
        }
        copies.set(request.reviewId, copy);
        const desk = await readDesk(paths);
        if (!desk) await writeDesk(paths, deskFor(request, now().toISOString()));
        log.info(`review copy ${request.reviewId} opened (${kept ? 'again' : 'first time'})`);
        return await sessionOf(paths, copy, Boolean(kept));
      } finally {
        file.release();
      }
    },

    async listReviewerWork(): Promise<ReviewerEntry[]> {
      const entries = await Promise.all(
        (await listDesks(dataDir)).map(async (reviewId): Promise<ReviewerEntry | null> => {
          const paths = reviewDeskPaths(dataDir, reviewId);
          const [desk, work] = await Promise.all([readDesk(paths), readWork(paths)]);
          if (!desk || !work) return null;
          const last = desk.returns[desk.returns.length - 1];
          return {
            reviewId,
            from: desk.summary.from,
            to: desk.summary.to,
            countryCode: desk.summary.countryCode,
            base: work.base,
            ...(desk.summary.dueDate ? { dueDate: desk.summary.dueDate } : {}),
            openedAt: desk.openedAt,
            updatedAt: work.updatedAt,
            comments: work.comments.length,
            suggestions: work.suggestions.length,
            ...(last ? { lastReturnedAt: last.at } : {}),
          };
        }),
      );
      return entries.filter((e): e is ReviewerEntry => e !== null).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    },

    async openReviewerWork(reviewId: string): Promise<ReviewerSession> {
      const paths = reviewDeskPaths(dataDir, reviewId);
      return sessionOf(paths, await copyOf(paths, reviewId), true);
    },

    async saveReviewerWork(reviewId: string, work: ReviewWork): Promise<{ updatedAt: string }> {
      const paths = reviewDeskPaths(dataDir, reviewId);
      const copy = await copyOf(paths, reviewId);
      const checked = checkedWork(work, copy, now());
      // Saves of one review land in call order: an older autosave never overwrites a newer one.
      const run = (saving.get(reviewId) ?? Promise.resolve()).then(() => writeWork(paths, checked));
      saving.set(reviewId, run.catch(() => undefined));
      await run;
      return { updatedAt: checked.updatedAt };
    },

    async returnReview(reviewId: string) {
      const paths = reviewDeskPaths(dataDir, reviewId);
      const copy = await copyOf(paths, reviewId);
      await saving.get(reviewId);
      const work = await readWork(paths);
      if (!work) throw new AppError('review:errors.reviewNotFound');
      const at = now();
      const reply = buildReply(checkedWork(work, copy, at), at);
      const fileName = replyFileName(copy.request, reply.returnedAt);
      const stored = path.join(paths.replies, `${reply.returnedAt.replace(/[:.]/g, '-')}.scsa-reply.json`);
      await writeReplyFile(stored, reply);
      const desk = (await readDesk(paths)) ?? deskFor(copy.request, at.toISOString());
      await writeDesk(paths, { ...desk, returns: [...desk.returns, { at: reply.returnedAt, fileName }] });
      log.info(`reply to review ${reviewId} written (${reply.comments.length} comments, ${reply.suggestions.length} suggestions)`);
      return { reply: options.downloads.issue({ fileName, mediaType: 'application/json', open: () => openRegularFile(stored) }), returnedAt: reply.returnedAt };
    },
  };
}
