/**
 * The app's signed submission bundles of an assessment, and the "Check a bundle" screen. The key
 * comes unlocked from the keys feature; the bundle format is core/bundle; this module only wires
 * them to the store and the job system. Bundles are written into the data folder and checked where
 * they lie: their bytes never cross the API (docs/formats/submission-log.md).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { HandlersOf, IncomingFile } from '../../api/common';
import type { DownloadDesk } from '../../api/downloads';
import { getPack } from '../../checklist/registry';
import type { Draft } from '../../draft/schema';
import type { ChecklistPack } from '../../checklist/schema';
import type { SigningKey } from '../../keys/keys';
import { validateDraft } from '../../draft/validate';
import { AppError } from '../../errors';
import type { JobQueue } from '../../jobs/job-queue';
import { createLogger } from '../../log';
import { describeWarnings, reportModelFromDraft } from '../../pdf/from-draft';
import { renderReport } from '../../pdf/report';
import type { Language } from '../../i18n/languages';
import type { DraftStore } from '../../store/draft-store';
import { ExportRefusedError, exportBundle, verifyBundle, type KeyRegistry } from '../../bundle';
import { readConsultations } from '../../review/ledger-file';
import { parseRegistryJson } from '../../bundle/registry';
import type { BundleCheck, SubmissionFile, submissionsContract } from './contract';
import type { SigningKeys } from '../keys/handlers';
import { BUNDLE_FILE_NAME_PATTERN } from './submission-paths';
import { appendSubmission, keptBundleDir, listKeptSubmissions, nextSubmissionRevision, openKeptBundle, readSubmissionLog, submissionLogFile } from './submission-log';

const log = createLogger('signing');

export interface SubmissionOptions {
  dataDir: string;
  store: DraftStore;
  /** The assessment's draft as saved, behind the edits already sent (as the PDF export reads it). */
  readDraft(assessmentId: string): Promise<Draft>;
  keys: SigningKeys;
  jobs: JobQueue;
  downloads: DownloadDesk;
  uiLanguage(): Promise<Language>;
  now?: () => number;
}

export type SubmissionHandlers = HandlersOf<typeof submissionsContract>;

/** Share of an export's progress bar given to the PDF report; the rest follows the bytes zipped. */
const PDF_SHARE = 0.1;

function parseRegistry(text: string): KeyRegistry {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new AppError('bundle:errors.registryInvalid', { problem: 'json' }, err);
  }
  // A plain list, or a secretariat workspace's registry.json: the same reader as `scsa verify --registry`.
  return parseRegistryJson(raw);
}

/** Check the bundle at `file` in place: the verifier reads it in ranges, never whole. */
export async function checkBundleAt(file: string, registry: KeyRegistry | undefined, onProgress?: (done: number, total: number) => void): Promise<BundleCheck> {
  const result = await verifyBundle(file, { ...(registry ? { registry } : {}), ...(onProgress ? { onProgress } : {}) });
  return {
    status: result.status,
    fingerprints: result.fingerprints,
    ...(result.signers ? { signers: result.signers.map((s) => ({ fingerprint: s.fingerprint, status: s.status })) } : {}),
    ...(result.reason ? { reason: { code: result.reason.code, params: result.reason.params } } : {}),
    ...(result.bundle
      ? { bundle: { country: result.bundle.country, externalIdentifier: result.bundle.externalIdentifier, submissionRevision: result.bundle.submissionRevision, baggingDate: result.bundle.baggingDate } }
      : {}),
  };
}

export function createSubmissionHandlers(options: SubmissionOptions): SubmissionHandlers & {
  checkBundleFile(file: IncomingFile, registryText?: string): Promise<{ jobId: string }>;
} {
  const now = options.now ?? Date.now;
  const { jobs } = options;

  async function writeBundle(assessmentId: string, draft: Draft, pack: ChecklistPack, signer: SigningKey, progress: (fraction: number) => void): Promise<SubmissionFile> {
    const logFile = submissionLogFile(options.dataDir, assessmentId);
    const out = keptBundleDir(options.dataDir, assessmentId);
    // The log counts exports; the frozen revisions and the kept files do too, so a damaged log, or a
    // crash between writing a bundle and counting it, never makes an export reuse a number (or a name).
    const frozen = (await options.store.listHistory(assessmentId)).flatMap((e) => (e.submission ? [e.submission.submissionRevision + 1] : []));
    const kept = (await fs.readdir(out).catch(() => [] as string[])).flatMap((name) => {
      const r = BUNDLE_FILE_NAME_PATTERN.test(name) ? /_r([0-9]+)_[0-9-]+\.zip$/.exec(name)?.[1] : undefined;
      return r ? [Number(r) + 1] : [];
    });
    const submissionRevision = Math.max(nextSubmissionRevision(await readSubmissionLog(logFile)), ...frozen, ...kept);
    const language = await options.uiLanguage();
    // Who was consulted (the review ledger in the assessment's folder): in submission.json and in the report.
    const consultations = await readConsultations(options.store.paths(assessmentId).dir);
    await fs.mkdir(out, { recursive: true });
    // exportBundle writes a temp file in `out` and renames it: no partial file ever has the final name.
    const result = await exportBundle({
      draft,
      pack,
      attachmentPath: (sha256) => options.store.attachmentPath(assessmentId, sha256),
      signer,
      submissionRevision,
      consultations,
      renderPdf: async (d, stamp) => {
        const model = reportModelFromDraft(d, pack, {
          status: 'submitted',
          externalIdentifier: stamp.externalIdentifier,
          signerFingerprint: stamp.signerFingerprint,
          now: stamp.exportedAt,
          consultations,
        });
        const rendered = await renderReport(model, { onProgress: (done, total) => progress(total > 0 ? (PDF_SHARE * done) / total : 0) });
        for (const line of describeWarnings(rendered.warnings, language)) log.warn(line);
        return rendered.bytes;
      },
      onProgress: (done, total) => progress(PDF_SHARE + (1 - PDF_SHARE) * (total > 0 ? done / total : 1)),
      out,
    });
    const fileName = path.basename(result.file);
    const exportedAt = new Date(now()).toISOString();
    // Freeze what was sent before counting the export: history retention may prune snapshots, never
    // this one. If freezing fails the bundle goes too, so no export stands without its frozen revision.
    try {
      await options.store.pinSubmitted(assessmentId, draft, { submissionRevision, externalIdentifier: result.externalIdentifier, exportedAt });
    } catch (err) {
      await fs.rm(result.file, { force: true }).catch((rmErr: unknown) => log.error('bundle without its frozen revision not removed', rmErr));
      throw err;
    }
    await appendSubmission(logFile, {
      submissionRevision,
      draftRevision: draft.revision,
      externalIdentifier: result.externalIdentifier,
      fingerprint: result.fingerprint,
      fileName,
      exportedAt,
    });
    log.info(`exported ${fileName} (${result.bytes} bytes)`);
    return { fileName, size: result.bytes, submissionRevision, externalIdentifier: result.externalIdentifier, fingerprint: result.fingerprint };
  }

  return {
    async exportSubmission(assessmentId, passphrase) {
      const draft = await options.readDraft(assessmentId);
      const { pack } = getPack(draft.checklist);
      // Completeness first: nobody types a passphrase (or spends a try) for a draft that cannot go.
      const problems = validateDraft(draft, pack);
      if (problems.length > 0) throw new ExportRefusedError(problems);
      const signer = await options.keys.unlock(passphrase);
      // Lane `export`: one export at a time, so two exports never take the same submission revision.
      return jobs.start({
        kind: 'export',
        lane: 'export',
        work: async ({ progress }) => ({ submission: await writeBundle(assessmentId, draft, pack, signer, progress) }),
      });
    },
    async listSubmissions(assessmentId) {
      return listKeptSubmissions(options.dataDir, assessmentId);
    },
    async downloadSubmission(assessmentId, fileName) {
      return options.downloads.issue({ fileName, mediaType: 'application/zip', open: () => openKeptBundle(options.dataDir, assessmentId, fileName) });
    },
    async checkBundleFile(file, registryText) {
      try {
        const registry = registryText !== undefined && registryText.trim() !== '' ? parseRegistry(registryText) : undefined;
        const filePath = await file.path();
        return jobs.start({
          kind: 'check',
          work: async ({ progress }) => ({ check: await checkBundleAt(filePath, registry, (done, total) => progress(total > 0 ? done / total : 1)) }),
          onSettled: () => file.release(),
        });
      } catch (err) {
        file.release();
        throw err;
      }
    },
  };
}
