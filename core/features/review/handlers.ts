/** The review feature's handlers: sending copies (send.ts) and the reviewer's work (reviewer.ts). */
import type { HandlersOf, IncomingFile } from '../../api/common';
import type { DownloadDesk } from '../../api/downloads';
import type { Draft } from '../../draft/schema';
import type { DraftStore } from '../../store/draft-store';
import type { ReviewerSession, reviewContract } from './contract';
import { createReviewerHandlers } from './reviewer';
import { createSendHandlers } from './send';

export interface ReviewOptions {
  dataDir: string;
  store: DraftStore;
  readDraft(assessmentId: string): Promise<Draft>;
  downloads: DownloadDesk;
  now?: () => Date;
}

export function createReviewHandlers(options: ReviewOptions): HandlersOf<typeof reviewContract> & {
  openReviewCopy(file: IncomingFile): Promise<ReviewerSession>;
} {
  const timing = options.now ? { now: options.now } : {};
  return {
    ...createSendHandlers({ store: options.store, readDraft: options.readDraft, downloads: options.downloads, ...timing }),
    ...createReviewerHandlers({ dataDir: options.dataDir, downloads: options.downloads, ...timing }),
  };
}
