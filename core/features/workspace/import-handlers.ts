/**
 * Imports into the open workspace, as jobs (lane `workspace`: one at a time, and through the
 * session after any registry change under way). Files on disk are read in place; a web batch is
 * staged in the data folder (`secretariat-staging/<batch>/`) under each file's own name, and goes
 * once imported (a dry run keeps it for the import that follows).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { HandlersOf, IncomingFile } from '../../api/common';
import { AppError } from '../../errors';
import type { JobQueue } from '../../jobs/job-queue';
import { createLogger } from '../../log';
import { safeFileName } from '../../text/sanitize';
import { chooseCurrent, importBundles, loadIndex } from '../../secretariat';
import { MAX_BATCH_FILES, type WorkspaceImportResult, type importContract } from './contract-import';
import type { WorkspaceSession } from './session';
import { decisionView } from './views';

const log = createLogger('workspace-import');
export const STAGING_DIR = 'secretariat-staging';

interface Batch {
  dir: string;
  /** Staged path → the name the analyst chose. */
  names: Map<string, string>;
}

export interface ImportHandlers extends Pick<HandlersOf<typeof importContract>, 'startWorkspaceImport' | 'discardImportBatch' | 'chooseCurrentSubmission'> {
  stageImportFile(file: IncomingFile, batchId: string): Promise<{ name: string }>;
  /** Remove every staged batch (on quit; a batch from an earlier run is removed at start). */
  dispose(): Promise<void>;
}

export function createImportHandlers(session: WorkspaceSession, jobs: JobQueue, dataDir: string): ImportHandlers {
  const root = path.join(dataDir, STAGING_DIR);
  const batches = new Map<string, Batch>();
  // Left by a run that ended without cleaning up: nothing refers to those batches any more.
  const swept = fs.rm(root, { recursive: true, force: true }).catch((err: unknown) => log.warn('old import batches not removed', err));

  async function drop(batchId: string): Promise<void> {
    const batch = batches.get(batchId);
    batches.delete(batchId);
    if (batch) await fs.rm(batch.dir, { recursive: true, force: true });
  }

  return {
    async stageImportFile(file, batchId) {
      try {
        await swept;
        let batch = batches.get(batchId);
        if (!batch) {
          batch = { dir: path.join(root, batchId), names: new Map() };
          await fs.mkdir(batch.dir, { recursive: true });
          batches.set(batchId, batch);
        }
        if (batch.names.size >= MAX_BATCH_FILES) throw new AppError('secretariat:errors.batchTooLarge', { limit: MAX_BATCH_FILES });
        const name = file.name.slice(0, 255) || 'bundle.zip';
        // In a numbered folder each, under its own name (what the import log and a held note record):
        // two files of the same name stay two, read in the order they were chosen.
        const slot = path.join(batch.dir, String(batch.names.size + 1).padStart(5, '0'));
        await fs.mkdir(slot, { recursive: true });
        const staged = path.join(slot, safeFileName(name));
        await fs.copyFile(await file.path(), staged);
        batch.names.set(staged, name);
        return { name };
      } finally {
        file.release();
      }
    },

    async discardImportBatch(batchId) {
      await drop(batchId);
      return null;
    },

    async startWorkspaceImport(request) {
      // Refused at once (not in the job) when there is nothing to import into.
      if (request.dryRun) session.require();
      else session.requireWritable();
      const batch = request.batchId ? batches.get(request.batchId) : undefined;
      if (request.batchId && !batch) throw new AppError('secretariat:errors.batchNotFound');
      const paths = [...(request.paths ?? []), ...(batch ? [...batch.names.keys()] : [])];
      if (paths.length === 0) throw new AppError('secretariat:errors.nothingToImport');
      const shown = (p: string) => batch?.names.get(p) ?? p;
      return jobs.start({
        kind: 'workspace-import',
        lane: 'workspace',
        work: async ({ progress }): Promise<Omit<WorkspaceImportResult, 'kind'>> => {
          const run = request.dryRun ? session.run.bind(session) : session.change.bind(session);
          const report = await run((ws) =>
            importBundles(ws, paths, {
              dryRun: request.dryRun,
              onProgress: (p) => progress(p.bytesTotal > 0 ? p.bytesDone / p.bytesTotal : p.bundlesTotal > 0 ? p.bundlesDone / p.bundlesTotal : 0),
            }),
          );
          if (!request.dryRun && request.batchId) await drop(request.batchId);
          return { dryRun: request.dryRun, decisions: report.decisions.map((d) => decisionView(d, shown)), skipped: report.skipped };
        },
      });
    },

    async chooseCurrentSubmission(file) {
      await session.change(async (ws) => chooseCurrent(ws, await loadIndex(ws), file));
      return null;
    },

    async dispose() {
      for (const id of [...batches.keys()]) await drop(id).catch(() => undefined);
    },
  };
}
