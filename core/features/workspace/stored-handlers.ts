/**
 * Reading the open workspace's submissions: the list by country, one submission read-only, and its
 * parts (signed PDF, attachments, the bundle) as one-use downloads. Nothing here writes to the
 * workspace but the derived index.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs, writeSync } from 'node:fs';
import path from 'node:path';
import type { HandlersOf } from '../../api/common';
import type { DownloadDesk } from '../../api/downloads';
import { consentOf } from '../../analysis/consent';
import { PAYLOAD } from '../../bundle/names';
import { SubmissionSchema, type Submission } from '../../bundle/submission';
import { DEFAULT_LIMITS, openBag, readFile, readSmall, type OpenedBag } from '../../bundle/zip-reader';
import { AppError } from '../../errors';
import { heldReason, loadIndex, readStoredSubmission, signersOf, submissionSeries, type IndexFile, type Workspace } from '../../secretariat';
import type { importContract, StoredSubmissionView } from './contract-import';
import type { WorkspaceSession } from './session';
import { signerView } from './views';

const MAX_SUBMISSION_BYTES = 64 * 1024 * 1024;
export const EXTRACT_DIR = 'secretariat-tmp';

/** A download's name: the transports serve plain ASCII names only, so others get a neutral one with the same extension. */
export function asciiName(name: string, fallback: string): string {
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? '';
  const clean = name.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._-]+/, '').slice(0, 120);
  return /[A-Za-z0-9]/.test(clean.replace(ext, '')) ? clean : `${fallback}${ext}`;
}

function stored(index: IndexFile, file: string) {
  const entry = index.submissions.find((s) => s.file === file) ?? index.held.find((h) => h.file === file)?.facts;
  if (!entry) throw new AppError('secretariat:errors.submissionNotFound', { file: file.slice(0, 200) });
  return entry;
}

async function withBag<T>(file: string, fn: (bag: OpenedBag) => Promise<T>): Promise<T> {
  let bag: OpenedBag;
  try {
    bag = await openBag(file, DEFAULT_LIMITS);
  } catch (err) {
    throw new AppError('secretariat:errors.storedUnreadable', { file: path.basename(file) }, err);
  }
  try {
    return await fn(bag);
  } finally {
    bag.zip.close();
  }
}

async function readSubmission(bag: OpenedBag, file: string): Promise<Submission> {
  const entry = bag.files.get(PAYLOAD.submission);
  const parsed = entry ? SubmissionSchema.safeParse(JSON.parse((await readSmall(bag, entry, MAX_SUBMISSION_BYTES)).toString('utf8'))) : null;
  if (!parsed?.success) throw new AppError('secretariat:errors.storedUnreadable', { file: path.basename(file) });
  return parsed.data;
}

export function createStoredHandlers(session: WorkspaceSession, downloads: DownloadDesk, dataDir: string): Pick<HandlersOf<typeof importContract>, 'listWorkspaceSubmissions' | 'readWorkspaceSubmission' | 'downloadWorkspaceFile'> {
  /** One bag entry copied out to a private temp file and opened; the name goes at once (the handle keeps the bytes). */
  async function extract(ws: Workspace, file: string, entryName: string) {
    return withBag(ws.path(file), async (bag) => {
      const entry = bag.files.get(entryName);
      if (!entry) return null;
      const dir = path.join(dataDir, EXTRACT_DIR);
      await fs.mkdir(dir, { recursive: true });
      const temp = path.join(dir, randomUUID());
      const out = await fs.open(temp, 'wx+', 0o600);
      try {
        // A chunk's buffer is reused once the call returns: written before it does.
        await readFile(bag, entry, (chunk) => {
          for (let at = 0; at < chunk.length; ) at += writeSync(out.fd, chunk, at);
        });
        await out.sync();
      } catch (err) {
        await out.close();
        throw err;
      } finally {
        await fs.rm(temp, { force: true });
      }
      const { size } = await out.stat();
      return { handle: out, size };
    });
  }

  return {
    async listWorkspaceSubmissions() {
      return session.run(async (ws) => {
        const index = await loadIndex(ws);
        const series = [];
        for (const s of submissionSeries(index, ws.info)) {
          const current = await readStoredSubmission(ws.path(s.current.file));
          series.push({
            key: s.key,
            country: s.country,
            checklistId: s.checklistId,
            currentFile: s.current.file,
            conflict: s.conflict,
            consent: current ? consentOf(current) : null,
            revisions: s.revisions.map((r) => ({
              file: r.file,
              submissionRevision: r.submissionRevision,
              baggingDate: r.baggingDate,
              responseLanguage: r.responseLanguage,
              checklistVersion: r.checklistVersion,
              externalIdentifier: r.externalIdentifier,
              signers: signersOf(ws.registry, r).map(signerView),
            })),
          });
        }
        const held = index.held.map((h) => ({
          path: h.source ?? h.file,
          decision: 'held' as const,
          reason: heldReason(ws.registry, h.facts),
          country: h.facts.country,
          checklistId: h.facts.checklistId,
          submissionRevision: h.facts.submissionRevision,
          externalIdentifier: h.facts.externalIdentifier,
          baggingDate: h.facts.baggingDate,
          file: h.file,
        }));
        const rejected = index.rejected.map((r) => ({ sha256: r.sha256, reason: r.reason, ...(r.receivedAt ? { receivedAt: r.receivedAt } : {}) }));
        return { series, held, rejected };
      });
    },

    async readWorkspaceSubmission(file): Promise<StoredSubmissionView> {
      return session.run(async (ws) => {
        const facts = stored(await loadIndex(ws), file);
        return withBag(ws.path(file), async (bag) => {
          const s = await readSubmission(bag, file);
          return {
            file,
            signers: signersOf(ws.registry, facts).map(signerView),
            hasPdf: bag.files.has(PAYLOAD.report),
            submission: {
              externalIdentifier: s.externalIdentifier,
              submissionRevision: s.submissionRevision,
              baggingDate: s.baggingDate,
              exportedAt: s.exportedAt,
              software: s.software,
              assessment: s.assessment,
              checklist: s.checklist,
              answers: s.answers,
              attachments: s.attachments.map((a) => ({ sha256: a.sha256, name: a.name, size: a.size, mediaType: a.mediaType })),
              ...(s.retiredAnswers?.length ? { retiredAnswers: s.retiredAnswers } : {}),
            },
          };
        });
      });
    },

    async downloadWorkspaceFile(file, part) {
      return session.run(async (ws) => {
        const facts = stored(await loadIndex(ws), file);
        const stem = `${facts.country}_r${facts.submissionRevision}`;
        if (part.kind === 'bundle') {
          return downloads.issue({
            fileName: `${stem}_${facts.baggingDate}.zip`,
            mediaType: 'application/zip',
            open: async () => {
              const handle = await fs.open(ws.path(file), 'r').catch(() => null);
              return handle ? { handle, size: (await handle.stat()).size } : null;
            },
          });
        }
        if (part.kind === 'pdf') {
          return downloads.issue({ fileName: `${stem}_report.pdf`, mediaType: 'application/pdf', open: () => extract(ws, file, PAYLOAD.report) });
        }
        const attachment = await withBag(ws.path(file), async (bag) => (await readSubmission(bag, file)).attachments.find((a) => a.sha256 === part.sha256));
        if (!attachment) throw new AppError('secretariat:errors.attachmentNotFound');
        return downloads.issue({
          fileName: asciiName(attachment.name, `${stem}_attachment-${attachment.sha256.slice(0, 8)}`),
          mediaType: attachment.mediaType,
          open: () => extract(ws, file, attachment.path),
        });
      });
    },
  };
}
