/**
 * The composition root: one draft store, one edit queue, one job queue and one download desk for the
 * data folder, and each feature's handlers over them. Transports (Electron IPC, the web host) see
 * only what `createCoreService` returns.
 */
import type { ApiHandlers, UploadHandlers } from './contract';
import type { AppInfo } from '../features/app/contract';
import type { SettingsStore } from '../settings/settings';
import { createLogger } from '../log';
import { DraftStore } from '../store/draft-store';
import { EditQueue, savedDraft } from '../store/edit-queue';
import { JobQueue } from '../jobs/job-queue';
import { DownloadDesk, type OpenedDownload } from './downloads';
import { createAppHandlers } from '../features/app/handlers';
import { createSettingsHandlers } from '../features/settings/handlers';
import { createInstallPackHandler, createPacksHandlers } from '../features/packs/handlers';
import { loadPacksAtStart } from '../features/packs/start-up';
import { createRevisionHandlers } from '../features/revisions/handlers';
import { createAssessmentHandlers } from '../features/assessments/handlers';
import { createAttachmentHandler } from '../features/assessments/attachments';
import { createPdfHandlers } from '../features/pdf/handlers';
import { readConsultations } from '../review/ledger-file';
import { createSigningKeys } from '../features/keys/handlers';
import { createSubmissionHandlers } from '../features/submissions/handlers';
import { keptBundleDir, submissionLogFile } from '../features/submissions/submission-log';
import { createJobHandlers } from '../features/jobs/handlers';
import { createReviewMergeHandlers } from '../features/review-merge/handlers';
import { createReviewHandlers } from '../features/review/handlers';
import { WorkspaceSession } from '../features/workspace/session';
import { createWorkspaceFeature } from '../features/workspace/handlers';
import type { KeyWrapper, SealOptions } from '../keys';
import { createAnalysisHandlers } from '../features/analysis/handlers';

const log = createLogger('core-service');

export interface CoreOptions {
  dataDir: string;
  runtime: AppInfo['runtime'];
  settings: SettingsStore;
  /** Largest attachment accepted (the store's default otherwise); tests set it low. */
  maxAttachmentBytes?: number;
  /** Least time between two history snapshots (the store's default otherwise); tests set 0. */
  snapshotIntervalMs?: number;
  /** scrypt cost of a new signing key (the core's default otherwise); tests set it low. */
  keyScrypt?: SealOptions['scrypt'];
  /** Extra protection layers for the signing key available here (the desktop's OS keychain). */
  keyWrappers?: readonly KeyWrapper[];
  /** The trust list for signed checklist packs (`resources/trust`); none: no signed pack is trusted. */
  trustDir?: string;
}

/** The core as the transports see it: the contract's handlers, the uploads, the downloads, and shutdown. */
export interface CoreService {
  handlers: ApiHandlers;
  uploads: UploadHandlers;
  /** Settles once the installed checklist revisions are loaded; transports wait for it before serving. */
  ready: Promise<void>;
  /** The file a download ticket was issued for, opened, once (null otherwise). */
  takeDownload(token: string, fileName: string): Promise<OpenedDownload | null>;
  /** Finish edits in flight, snapshot and close every open draft (releasing its lock). Call on quit. */
  dispose(): Promise<void>;
  /** The secretariat workspace open in this app session (features over it take it as a dependency). */
  workspace: WorkspaceSession;
}

export function createCoreService(options: CoreOptions): CoreService {
  const { settings, dataDir } = options;
  const store = new DraftStore({
    dataDir,
    ...(options.maxAttachmentBytes !== undefined ? { maxAttachmentBytes: options.maxAttachmentBytes } : {}),
    ...(options.snapshotIntervalMs !== undefined ? { snapshotIntervalMs: options.snapshotIntervalMs } : {}),
  });
  const queue = new EditQueue();
  const jobs = new JobQueue();
  const downloads = new DownloadDesk();
  const uiLanguage = async () => (await settings.read()).language;
  const readDraft = (id: string) => savedDraft(store, queue, id);
  let disposed: Promise<void> | null = null;
  // Installed revisions must be in the catalogue before a draft on one of them is opened.
  const packsReady = loadPacksAtStart(dataDir, options.trustDir);
  const packDeps = { dataDir, ready: packsReady };

  const keys = createSigningKeys({
    dataDir,
    ...(options.keyScrypt ? { keyScrypt: options.keyScrypt } : {}),
    ...(options.keyWrappers ? { wrappers: options.keyWrappers } : {}),
  });
  const { checkBundleFile, ...submissionHandlers } = createSubmissionHandlers({ dataDir, store, readDraft, keys, jobs, downloads, uiLanguage });
  const jobHandlers = createJobHandlers(jobs);
  const reviewMerge = createReviewMergeHandlers(store, queue);
  const { openReviewCopy, ...reviewHandlers } = createReviewHandlers({ dataDir, store, readDraft, downloads });
  const workspace = new WorkspaceSession({ dataDir });
  const workspaceFeature = createWorkspaceFeature({ session: workspace, dataDir, jobs, downloads, unlock: (passphrase) => keys.unlock(passphrase) });

  const handlers: ApiHandlers = {
    ...createAppHandlers(dataDir, options.runtime),
    ...createSettingsHandlers(settings),
    ...createPacksHandlers(packDeps),
    // A deleted assessment takes its submission log and kept bundles into the trash with it.
    ...createAssessmentHandlers(store, queue, {
      dataDir,
      companions: (id) => [
        { path: submissionLogFile(dataDir, id), as: 'submission-log.json' },
        { path: keptBundleDir(dataDir, id), as: 'submissions' },
      ],
    }),
    ...createPdfHandlers({ jobs, readDraft, uiLanguage, consultations: (id) => readConsultations(store.paths(id).dir) }),
    ...keys.handlers,
    ...submissionHandlers,
    ...jobHandlers,
    ...createRevisionHandlers({ store, queue, ready: packsReady }),
    ...workspaceFeature.handlers,
    ...createAnalysisHandlers({ jobs, downloads, dataDir, uiLanguage, workspace }),
    // A result is whatever its feature's work answered, tagged with the job's kind: the shapes the contract unites.
    takeJobResult: jobHandlers.takeJobResult as ApiHandlers['takeJobResult'],
    ...reviewMerge.handlers,
    ...reviewHandlers,
  };

  return {
    handlers,
    uploads: { addAttachment: createAttachmentHandler(store, queue), checkBundleFile, installPackFile: createInstallPackHandler(packDeps), openReviewCopy, importReply: reviewMerge.importReply, ...workspaceFeature.uploads },
    ready: packsReady.then(() => undefined),
    takeDownload: (token, fileName) => downloads.take(token, fileName),
    workspace,
    dispose() {
      disposed ??= (async () => {
        jobs.dispose();
        await queue.idle();
        await store.closeAll();
        await workspace.dispose();
        await workspaceFeature.dispose();
        log.info('all drafts closed');
      })();
      return disposed;
    },
  };
}
