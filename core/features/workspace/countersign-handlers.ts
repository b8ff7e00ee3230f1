/**
 * Countersigning in the app: an approver adds this computer's signing key's signature to a bundle
 * (core/secretariat/countersign.ts). The new file is kept in the data folder
 * (`secretariat-countersigned/<id>/`) for the analyst to download; the source is never changed.
 * Signers' roles come from the open workspace's registry, if one is open.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { IncomingFile } from '../../api/common';
import type { DownloadDesk, DownloadSource } from '../../api/downloads';
import { AppError } from '../../errors';
import type { JobQueue } from '../../jobs/job-queue';
import type { SigningKey } from '../../keys/keys';
import { countersignBundle, CountersignRefusedError, readBundleFacts, signersOf } from '../../secretariat';
import type { CountersignResultView } from './contract-import';
import type { WorkspaceSession } from './session';
import { asciiName } from './stored-handlers';
import { signerView } from './views';

export const COUNTERSIGNED_DIR = 'secretariat-countersigned';
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface CountersignDeps {
  session: WorkspaceSession;
  jobs: JobQueue;
  downloads: DownloadDesk;
  dataDir: string;
  /** This computer's signing key, unlocked (wrong passphrases counted by the keys feature). */
  unlock(passphrase: string): Promise<SigningKey>;
}

export function createCountersignHandlers(deps: CountersignDeps) {
  const root = path.join(deps.dataDir, COUNTERSIGNED_DIR);
  return {
    async countersignBundleFile(file: IncomingFile, passphrase: string): Promise<{ jobId: string }> {
      try {
        const signer = await deps.unlock(passphrase);
        const source = await file.path();
        const id = randomUUID();
        const name = asciiName(file.name.toLowerCase().endsWith('.zip') ? file.name : `${file.name}.zip`, 'countersigned');
        return deps.jobs.start({
          kind: 'countersign',
          lane: 'countersign',
          onSettled: () => file.release(),
          work: async ({ progress }): Promise<Omit<CountersignResultView, 'kind'>> => {
            const dir = path.join(root, id);
            await fs.mkdir(dir, { recursive: true });
            try {
              const result = await countersignBundle({ source, signer, out: path.join(dir, name), onProgress: (done, total) => progress(total > 0 ? done / total : 1) });
              const facts = await readBundleFacts(result.file);
              const ws = deps.session.current();
              const signers = facts && ws ? signersOf(ws.registry, facts).map(signerView) : result.fingerprints.map((fingerprint) => ({ fingerprint, role: null }));
              return { id, fileName: path.basename(result.file), signers, registryUsed: ws !== null && facts !== null };
            } catch (err) {
              await fs.rm(dir, { recursive: true, force: true });
              // The bundle's own first reason, translated like a check's.
              if (err instanceof CountersignRefusedError) throw new AppError(err.reason.code, err.reason.params);
              throw err;
            }
          },
        });
      } catch (err) {
        file.release();
        throw err;
      }
    },

    async downloadCountersigned(id: string) {
      if (!ID.test(id)) throw new AppError('secretariat:errors.countersignedGone');
      const dir = path.join(root, id);
      const name = (await fs.readdir(dir).catch(() => [] as string[])).find((n) => n.endsWith('.zip'));
      if (!name) throw new AppError('secretariat:errors.countersignedGone');
      const source: DownloadSource = {
        fileName: name,
        mediaType: 'application/zip',
        open: async () => {
          const handle = await fs.open(path.join(dir, name), 'r').catch(() => null);
          return handle ? { handle, size: (await handle.stat()).size } : null;
        },
      };
      return deps.downloads.issue(source);
    },
  };
}
