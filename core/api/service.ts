import type { ApiHandlers, AppInfo, AttachmentHandler, BundleCheckFileHandler } from './contract';
import type { SettingsStore } from '../settings/settings';
import { APP_VERSION, PRODUCT_NAME } from '../version';
import { createLogger } from '../log';
import { DEFAULT_PACK, getPack, listPacks } from '../checklist/registry';
import { packInLanguages } from '../checklist/pack-languages';
import { DraftStore } from '../store/draft-store';
import { EditQueue } from './edit-queue';
import { createWorkflowHandlers } from './workflow';
import { createAttachmentHandler } from './attachments';
import { PdfJobs, createPdfHandlers } from './pdf-jobs';
import { createSigningHandlers } from './signing';
import { BundleJobs } from './bundle-jobs';
import { createSigningKeys } from './signing-keys';
import type { KeyWrapper, SealOptions } from '../keys';

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
}

/** The core as the transports see it: the contract's handlers, the attachment stream, and shutdown. */
export interface CoreService {
  handlers: ApiHandlers;
  addAttachment: AttachmentHandler;
  /** Check a bundle file in place as a job (the transports' side of FileApi.checkBundleFile). */
  checkBundleFile: BundleCheckFileHandler;
  /** Finish edits in flight, snapshot and close every open draft (releasing its lock). Call on quit. */
  dispose(): Promise<void>;
}

/** The core's implementation of every contract method, over one draft store for the data folder. */
export function createCoreService(options: CoreOptions): CoreService {
  const { settings } = options;
  const store = new DraftStore({
    dataDir: options.dataDir,
    ...(options.maxAttachmentBytes !== undefined ? { maxAttachmentBytes: options.maxAttachmentBytes } : {}),
    ...(options.snapshotIntervalMs !== undefined ? { snapshotIntervalMs: options.snapshotIntervalMs } : {}),
  });
  const queue = new EditQueue();
  let disposed: Promise<void> | null = null;
  const pdfJobs = new PdfJobs({
    // Behind the edits already sent, so the report has every answer saved before "Export PDF";
    // the open draft, or the one on disk read without taking the lock, as validation does.
    readDraft: (id) => queue.run(id, async () => store.current(id) ?? (await store.open(id, { readOnly: true })).draft),
    uiLanguage: async () => (await settings.read()).language,
  });

  const keys = createSigningKeys({
    dataDir: options.dataDir,
    ...(options.keyScrypt ? { keyScrypt: options.keyScrypt } : {}),
    ...(options.keyWrappers ? { wrappers: options.keyWrappers } : {}),
  });
  const bundleJobs = new BundleJobs();
  const { checkBundleFile, ...signingHandlers } = createSigningHandlers({
    dataDir: options.dataDir,
    store,
    queue,
    keys,
    jobs: bundleJobs,
    uiLanguage: async () => (await settings.read()).language,
  });

  const handlers: ApiHandlers = {
    async getAppInfo() {
      return {
        productName: PRODUCT_NAME,
        version: APP_VERSION,
        checklistPack: { id: DEFAULT_PACK.id, version: DEFAULT_PACK.version },
        dataDir: options.dataDir,
        runtime: options.runtime,
      };
    },
    async getSettings() {
      return settings.read();
    },
    async setLanguage(language) {
      const next = { ...(await settings.read()), language };
      await settings.write(next);
      return next;
    },
    async listPacks() {
      return listPacks();
    },
    async getPack(ref, texts) {
      const { pack, translationGaps } = getPack(ref);
      return texts ? packInLanguages(pack, translationGaps, texts.languages) : { pack, translationGaps };
    },
    ...createWorkflowHandlers(store, queue),
    ...createPdfHandlers(pdfJobs),
    ...keys.handlers,
    ...signingHandlers,
  };

  return {
    handlers,
    addAttachment: createAttachmentHandler(store, queue),
    checkBundleFile,
    dispose() {
      disposed ??= (async () => {
        pdfJobs.dispose();
        bundleJobs.dispose();
        await queue.idle();
        await store.closeAll();
        log.info('all drafts closed');
      })();
      return disposed;
    },
  };
}
