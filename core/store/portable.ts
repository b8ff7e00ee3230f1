import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { writeFileAtomic } from '../fs/atomic';
import { AppError } from '../errors';
import { createLogger } from '../log';
import type { Draft } from '../draft/schema';
import { BOUND_ERROR_CODES, MAX_DRAFT_BYTES } from '../draft/limits';
import { checkEnteringAnswers } from '../draft/answer-structure';
import { findPack } from '../checklist/registry';
import { parseDraftBytes, serializeDraft } from './read';
import { attachmentFile, ingestAttachment } from './attachments';
import type { DraftStore, OpenedDraft, StoreNotice } from './draft-store';

const log = createLogger('draft-portable');

/**
 * Largest portable draft file accepted (the JSON only; attachments travel beside it): the largest
 * draft the store writes, so every copy the app made opens again, and nothing bigger is parsed.
 */
export const MAX_PORTABLE_BYTES = MAX_DRAFT_BYTES;

/** `report.scsa.json` → `report.scsa-attachments`: the folder that carries attachment files beside a copy. */
export function companionAttachmentsDir(file: string): string {
  const base = file.endsWith('.scsa.json') ? file.slice(0, -'.scsa.json'.length) : file.replace(/\.json$/, '');
  return `${base}.scsa-attachments`;
}

const tooLarge = (file: string) => new AppError('drafts:errors.draftTooLarge', { limit: MAX_DRAFT_BYTES / (1024 * 1024), file });

export interface ExportResult {
  file: string;
  attachmentsDir: string | null;
  copied: number;
  missing: number;
}

/**
 * Write a portable copy of an assessment (`*.scsa.json`, atomically) and, when it has attachments, a
 * companion `*.scsa-attachments/` folder holding them by hash. The assessment need not be open.
 */
export async function exportCopy(store: DraftStore, id: string, file: string): Promise<ExportResult> {
  const draft = store.current(id) ?? (await store.open(id, { readOnly: true })).draft;
  await writeFileAtomic(file, serializeDraft(draft));
  if (draft.attachments.length === 0) return { file, attachmentsDir: null, copied: 0, missing: 0 };
  const dir = companionAttachmentsDir(file);
  await fs.mkdir(dir, { recursive: true });
  let copied = 0;
  let missing = 0;
  for (const ref of draft.attachments) {
    try {
      await fs.copyFile(store.attachmentPath(id, ref.sha256), attachmentFile(dir, ref.sha256));
      copied++;
    } catch {
      missing++;
    }
  }
  return { file, attachmentsDir: dir, copied, missing };
}

/**
 * The draft a portable copy's bytes hold, ready to adopt: parsed, migrated and validated (a foreign or
 * damaged copy throws `drafts:errors.importInvalid` with `reason` and `file`, a newer format
 * `drafts:errors.futureVersion`, a copy beyond the bounds of draft/limits.ts — too large, an answer
 * too deep or not in its item's structure… — that bound's own error with `file`), and whether an
 * assessment here already has its id (`taken`: the caller decides, never silently). Both imports (a
 * file beside its attachments, or the text the renderer read) start here.
 */
export async function preparePortable(store: DraftStore, bytes: Buffer, file: string): Promise<{ draft: Draft; notices: StoreNotice[]; taken: boolean }> {
  if (bytes.byteLength > MAX_PORTABLE_BYTES) throw tooLarge(file);
  const r = parseDraftBytes(bytes);
  if (!r.ok) {
    log.warn(`refused import of ${file}: ${r.reason} (${r.error.code})`);
    if (r.reason === 'future') throw r.error;
    // A bound crossed (too deep, too large…): the core's own sentence says why.
    if (BOUND_ERROR_CODES.has(r.error.code)) throw new AppError(r.error.code, { ...(r.error.params ?? {}), file });
    throw new AppError('drafts:errors.importInvalid', { ...(r.error.params ?? {}), reason: r.reason, file });
  }
  // Each answer to an item of its checklist in that item's structure (the bounds were checked on parsing).
  try {
    checkEnteringAnswers(r.draft.answers, findPack(r.draft.checklist)?.items ?? null);
  } catch (err) {
    if (err instanceof AppError) throw new AppError(err.code, { ...(err.params ?? {}), file });
    throw err;
  }
  const notices: StoreNotice[] = [];
  if (r.migratedFrom !== null) notices.push({ code: 'drafts:notices.migrated', params: { from: r.migratedFrom, to: r.draft.schemaVersion } });
  const taken = (await fs.stat(store.paths(r.draft.id).dir).catch(() => null)) !== null;
  return { draft: r.draft, notices, taken };
}

/** The draft under a fresh id, for a copy kept beside the assessment that has its id. */
export function withFreshId(draft: Draft): Draft {
  return { ...draft, id: randomUUID() };
}

/**
 * Import a portable copy as a new assessment and open it. The file is validated and migrated first;
 * a foreign, corrupt or future-version file throws (`drafts:errors.importInvalid` with `reason`, or
 * `drafts:errors.futureVersion`) and nothing is created. Attachments are taken from the companion
 * folder, re-hashed; absent or altered ones are reported as notices. An id already present here gets
 * a fresh id (notice `drafts:notices.importedAsCopy`).
 */
export async function importCopy(store: DraftStore, file: string): Promise<OpenedDraft> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new AppError('drafts:errors.importNotFound', { file: path.basename(file) });
  if (stat.size > MAX_PORTABLE_BYTES) throw tooLarge(path.basename(file));
  const prepared = await preparePortable(store, await fs.readFile(file), path.basename(file));
  const { notices } = prepared;
  const draft = prepared.taken ? withFreshId(prepared.draft) : prepared.draft;
  if (prepared.taken) notices.push({ code: 'drafts:notices.importedAsCopy', params: { originalId: prepared.draft.id, id: draft.id } });
  const source = companionAttachmentsDir(file);
  await store.adoptImported(draft, async (paths) => {
    for (const ref of draft.attachments) {
      const from = attachmentFile(source, ref.sha256);
      const ok = await fs
        .stat(from)
        .then(() => ingestAttachment(paths.attachments, createReadStream(from), { name: ref.name, mediaType: ref.mediaType, maxBytes: store.maxAttachmentBytes }))
        .then((got) => got.sha256 === ref.sha256)
        .catch(() => false);
      if (!ok) notices.push({ code: 'drafts:notices.attachmentMissing', params: { name: ref.name, sha256: ref.sha256 } });
    }
  });
  log.info(`imported ${path.basename(file)} as assessment ${draft.id}`);
  return { draft, notices, readOnly: false };
}
