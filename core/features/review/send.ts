/**
 * The focal point sends review copies: each copy is written into the assessment's folder
 * (`review-copies/<reviewId>/<file>`, so it can be handed out again), its base revision pinned, and
 * the review recorded in the assessment's ledger (`reviews.json`).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DownloadDesk } from '../../api/downloads';
import { AppError } from '../../errors';
import { getPack } from '../../checklist/registry';
import type { Draft } from '../../draft/schema';
import { openRegularFile } from '../../fs/open-regular';
import { createLogger } from '../../log';
import { buildReviewRequest } from '../../review/request';
import { writeReviewCopy } from '../../review/copy-file';
import { recordSent, sentSummary, type LedgerReview } from '../../review/ledger';
import { LEDGER_FILE, readLedger, writeLedger } from '../../review/ledger-file';
import { pinForReview, unpinReview } from '../../store/pins';
import type { DraftStore } from '../../store/draft-store';
import type { SendForReviewInput, SentForReview, SentReview } from './contract';

const log = createLogger('review-send');

export const SENT_COPIES_DIR = 'review-copies';
const COPY_NAME = /^[A-Z]{3}_review_r[0-9]+_[0-9]{4}-[0-9]{2}-[0-9]{2}_[0-9a-f]{8}\.scsa-review$/;

export interface SendOptions {
  store: DraftStore;
  /** The assessment's draft as saved, behind the edits already sent. */
  readDraft(assessmentId: string): Promise<Draft>;
  downloads: DownloadDesk;
  now?: () => Date;
}

// The ledger of one assessment changes one call at a time (read, change, write).
const ledgerQueues = new Map<string, Promise<unknown>>();
function queued<T>(key: string, task: () => Promise<T>): Promise<T> {
  const run = (ledgerQueues.get(key) ?? Promise.resolve()).then(task, task);
  const tail = run.catch(() => undefined);
  ledgerQueues.set(key, tail);
  void tail.then(() => ledgerQueues.get(key) === tail && ledgerQueues.delete(key));
  return run;
}

/** `<ISO3>_review_r<revision>_<date>_<id>.scsa-review`: ASCII only, so every transport can serve it. */
export function copyFileName(countryCode: string, revision: number, createdAt: string, reviewId: string): string {
  return `${countryCode}_review_r${revision}_${createdAt.slice(0, 10)}_${reviewId.slice(0, 8)}.scsa-review`;
}

export function createSendHandlers(options: SendOptions) {
  const now = options.now ?? (() => new Date());
  const { store } = options;
  const ledgerFile = (id: string) => path.join(store.paths(id).dir, LEDGER_FILE);
  const copyDir = (id: string, reviewId: string) => path.join(store.paths(id).dir, SENT_COPIES_DIR, reviewId);

  async function keptCopy(id: string, reviewId: string): Promise<string | null> {
    const names = await fs.readdir(copyDir(id, reviewId)).catch(() => [] as string[]);
    return names.find((n) => COPY_NAME.test(n)) ?? null;
  }

  async function summary(id: string, r: LedgerReview): Promise<SentReview> {
    const last = r.replies[r.replies.length - 1];
    return {
      ...sentSummary(r),
      ...(last ? { reply: { verdict: last.verdict, returnedAt: last.returnedAt, name: last.reviewer.name } } : {}),
      copyKept: (await keptCopy(id, r.reviewId)) !== null,
    };
  }

  const ticket = (file: string, fileName: string) => options.downloads.issue({ fileName, mediaType: 'application/zip', open: () => openRegularFile(file) });

  return {
    async listSentReviews(id: string): Promise<SentReview[]> {
      const { ledger } = await readLedger(ledgerFile(id));
      return Promise.all(ledger.reviews.map((r) => summary(id, r)));
    },

    async sendForReview(id: string, input: SendForReviewInput): Promise<SentForReview> {
      const draft = await options.readDraft(id);
      const { pack } = getPack(draft.checklist);
      const request = buildReviewRequest(draft, pack, {
        to: { institution: input.institution, ...(input.name ? { name: input.name } : {}) },
        scope: input.scope,
        ...(input.dueDate ? { dueDate: input.dueDate } : {}),
        ...(input.message ? { message: input.message } : {}),
        now: now(),
      });
      const dir = copyDir(id, request.reviewId);
      const fileName = copyFileName(draft.assessment.countryCode, draft.revision, request.createdAt, request.reviewId);
      const file = path.join(dir, fileName);
      await fs.mkdir(dir, { recursive: true });
      const undo = async () => {
        await fs.rm(dir, { recursive: true, force: true }).catch((err: unknown) => log.error('review copy not removed after a failed send', err));
      };
      try {
        await writeReviewCopy(file, request, input.withAttachments ? (sha256) => store.attachmentPath(id, sha256) : undefined);
      } catch (err) {
        await undo();
        throw err;
      }
      // The base must outlive history retention until the review is closed; without it there is no send.
      const paths = store.paths(id);
      try {
        await pinForReview(paths, draft, request.reviewId, now());
      } catch (err) {
        await undo();
        throw err;
      }
      const review = await queued(ledgerFile(id), async () => {
        try {
          const read = await readLedger(ledgerFile(id));
          if (read.setAside) log.error(`review ledger of ${id} was damaged; set aside as ${read.setAside}`);
          const ledger = recordSent(read.ledger, request);
          await writeLedger(ledgerFile(id), ledger);
          return ledger.reviews.find((r) => r.reviewId === request.reviewId) as LedgerReview;
        } catch (err) {
          await unpinReview(paths, request.reviewId).catch(() => undefined);
          await undo();
          throw err;
        }
      });
      log.info(`review copy ${request.reviewId} of ${id} r${draft.revision} written (${input.withAttachments ? 'with' : 'without'} attachments)`);
      return { review: await summary(id, review), copy: ticket(file, fileName) };
    },

    async downloadReviewCopy(id: string, reviewId: string) {
      const name = await keptCopy(id, reviewId);
      if (!name) throw new AppError('review:errors.copyGone');
      return ticket(path.join(copyDir(id, reviewId), name), name);
    },
  };
}

