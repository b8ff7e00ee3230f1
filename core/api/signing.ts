/**
 * The app's signed submission bundles of an assessment, and the "Check a bundle" screen. The key
 * comes unlocked from core/api/signing-keys.ts; the bundle format is core/bundle; this module only
 * wires them to the store.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getPack } from '../checklist/registry';
import type { Draft } from '../draft/schema';
import { validateDraft } from '../draft/validate';
import { AppError } from '../errors';
import { createLogger } from '../log';
import { describeWarnings, reportModelFromDraft } from '../pdf/from-draft';
import { renderReport } from '../pdf/report';
import type { Language } from '../i18n/languages';
import type { DraftStore } from '../store/draft-store';
import { ExportRefusedError, KeyRegistrySchema, exportBundle, verifyBundle, type KeyRegistry } from '../bundle';
import type { ApiHandlers, BundleCheck } from './contract';
import type { EditQueue } from './edit-queue';
import type { SigningKeys } from './signing-keys';
import { appendSubmission, nextSubmissionRevision, readSubmissionLog, submissionLogFile } from './submission-log';

const log = createLogger('signing');

export interface SigningOptions {
  dataDir: string;
  store: DraftStore;
  queue: EditQueue;
  keys: SigningKeys;
  uiLanguage(): Promise<Language>;
  now?: () => number;
}

export type SigningHandlers = Pick<ApiHandlers, 'exportSubmission' | 'verifySubmission'>;

/** Decode base64 strictly enough that a string of another kind is refused rather than half-read. */
function decodeBase64(text: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new AppError('signing:errors.notABundle');
  return Buffer.from(text, 'base64');
}

function parseRegistry(text: string): KeyRegistry {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new AppError('bundle:errors.registryInvalid', { problem: 'json' }, err);
  }
  const parsed = KeyRegistrySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('bundle:errors.registryInvalid', { problem: issue ? `${issue.path.join('.')}: ${issue.message}` : 'schema' });
  }
  return parsed.data;
}

async function withTempDir<T>(prefix: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  try {
    return await work(dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true }).catch((err: unknown) => log.error('temp folder not removed', err));
  }
}

export function createSigningHandlers(options: SigningOptions): SigningHandlers {
  const now = options.now ?? Date.now;
  let exporting: Promise<unknown> = Promise.resolve();

  /** The draft as saved, behind the edits already sent (as the PDF export reads it). */
  const readDraft = (id: string): Promise<Draft> =>
    options.queue.run(id, async () => options.store.current(id) ?? (await options.store.open(id, { readOnly: true })).draft);

  async function exportOne(assessmentId: string, passphrase: string) {
    const draft = await readDraft(assessmentId);
    const { pack } = getPack(draft.checklist);
    // Completeness first: nobody types a passphrase (or spends a try) for a draft that cannot go.
    const problems = validateDraft(draft, pack);
    if (problems.length > 0) throw new ExportRefusedError(problems);
    const signer = await options.keys.unlock(passphrase);
    const logFile = submissionLogFile(options.dataDir, assessmentId);
    const submissionRevision = nextSubmissionRevision(await readSubmissionLog(logFile));
    const language = await options.uiLanguage();
    return withTempDir('scsa-bundle-', async (dir) => {
      const result = await exportBundle({
        draft,
        pack,
        attachmentPath: (sha256) => options.store.attachmentPath(assessmentId, sha256),
        signer,
        submissionRevision,
        renderPdf: async (d, stamp) => {
          const model = reportModelFromDraft(d, pack, {
            status: 'submitted',
            externalIdentifier: stamp.externalIdentifier,
            signerFingerprint: stamp.signerFingerprint,
            now: stamp.exportedAt,
          });
          const rendered = await renderReport(model);
          for (const line of describeWarnings(rendered.warnings, language)) log.warn(line);
          return rendered.bytes;
        },
        out: dir,
      });
      const bytes = await fs.readFile(result.file);
      const fileName = path.basename(result.file);
      const exportedAt = new Date(now()).toISOString();
      await appendSubmission(logFile, {
        submissionRevision,
        draftRevision: draft.revision,
        externalIdentifier: result.externalIdentifier,
        fingerprint: result.fingerprint,
        fileName,
        exportedAt,
      });
      // Freeze what was sent: history retention may prune snapshots, never this one.
      await options.store.pinSubmitted(assessmentId, draft, { submissionRevision, externalIdentifier: result.externalIdentifier, exportedAt });
      log.info(`exported ${fileName} (${bytes.length} bytes)`);
      return { fileName, base64: bytes.toString('base64'), submissionRevision, externalIdentifier: result.externalIdentifier, fingerprint: result.fingerprint };
    });
  }

  return {
    async exportSubmission(assessmentId, passphrase) {
      // One export at a time, so two clicks never take the same submission revision.
      const run = exporting.then(() => exportOne(assessmentId, passphrase));
      exporting = run.catch(() => undefined);
      return run;
    },
    async verifySubmission(base64, registryText): Promise<BundleCheck> {
      const registry = registryText !== undefined && registryText.trim() !== '' ? parseRegistry(registryText) : undefined;
      const bytes = decodeBase64(base64);
      return withTempDir('scsa-check-', async (dir) => {
        const file = path.join(dir, 'bundle.zip');
        await fs.writeFile(file, bytes);
        const result = await verifyBundle(file, registry ? { registry } : {});
        return {
          status: result.status,
          fingerprints: result.fingerprints,
          ...(result.reason ? { reason: { code: result.reason.code, params: result.reason.params } } : {}),
          ...(result.bundle
            ? { bundle: { country: result.bundle.country, externalIdentifier: result.bundle.externalIdentifier, submissionRevision: result.bundle.submissionRevision, baggingDate: result.bundle.baggingDate } }
            : {}),
        };
      });
    },
  };
}
