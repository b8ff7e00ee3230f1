/**
 * Submitted revisions: the exact draft that went into each signed bundle, kept in
 * `<assessment>/submitted/` where history retention never looks (docs/formats/draft.md,
 * "Submitted revisions"). One file per export, written once.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { quarantine, writeFileAtomic } from '../fs/atomic';
import { AppError } from '../errors';
import { createLogger } from '../log';
import { describeIssues } from '../checklist/issues';
import { migrateDraft } from '../draft/migrations/index';
import { DraftSchema, type Draft } from '../draft/schema';
import { contentKey } from './changes';
import type { HistoryEntry } from './history';

const log = createLogger('draft-submitted');

export const PIN_SCHEMA_VERSION = 1;
const PIN_KIND = 'scsa-submitted-revision';

/** What identifies one export: its submission revision, the bundle's External-Identifier and time. */
export const SubmissionStampSchema = z
  .object({
    submissionRevision: z.number().int().positive(),
    externalIdentifier: z.string().min(1).max(500),
    exportedAt: z.iso.datetime(),
  })
  .strict();
export type SubmissionStamp = z.infer<typeof SubmissionStampSchema>;

const PinFileSchema = z
  .object({
    schemaVersion: z.literal(PIN_SCHEMA_VERSION),
    kind: z.literal(PIN_KIND),
    pinnedAt: z.iso.datetime(),
    submission: SubmissionStampSchema,
    // Checked (and migrated) by migrateDraft, like any draft file.
    draft: z.unknown(),
  })
  .strict();

export interface PinnedRevision {
  entry: HistoryEntry & { submission: SubmissionStamp };
  draft: Draft;
}

const NAME = /^s(\d{8})-r(\d{8})-[0-9a-f]{16}\.json$/;

/** `s00000002-r00000041-<hash of the identifier>.json`: sorts by export; the identifier may hold any character. */
function pinName(stamp: SubmissionStamp, draftRevision: number): string {
  const tag = createHash('sha256').update(stamp.externalIdentifier).digest('hex').slice(0, 16);
  return `s${String(stamp.submissionRevision).padStart(8, '0')}-r${String(draftRevision).padStart(8, '0')}-${tag}.json`;
}

type ReadPin = { ok: true; pin: PinnedRevision } | { ok: false; future: boolean; why: string };

async function readPin(dir: string, name: string): Promise<ReadPin> {
  const file = path.join(dir, name);
  try {
    const buf = await fs.readFile(file);
    const raw: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(buf));
    const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (typeof version === 'number' && version > PIN_SCHEMA_VERSION) return { ok: false, future: true, why: `format ${version}` };
    const parsed = PinFileSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, future: false, why: describeIssues(parsed.error).path };
    const { draft } = migrateDraft(parsed.data.draft);
    const entry = { revision: draft.revision, savedAt: draft.updatedAt, file: name, size: buf.byteLength, submission: parsed.data.submission };
    return { ok: true, pin: { entry, draft } };
  } catch (err) {
    const future = err instanceof AppError && err.code === 'drafts:errors.futureVersion';
    return { ok: false, future, why: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * The readable submitted revisions in `dir`, newest export first. Forgiving: a damaged file is moved
 * aside (its name then no longer matches, so it is read once; with `setAside: false` only skipped)
 * and one from a newer app is skipped and left as it is.
 */
export async function listPinned(dir: string, opts: { setAside?: boolean } = {}): Promise<PinnedRevision[]> {
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => NAME.test(n));
  const pins: PinnedRevision[] = [];
  for (const name of names.sort().reverse()) {
    const r = await readPin(dir, name);
    if (r.ok) {
      pins.push(r.pin);
      continue;
    }
    if (r.future) {
      log.warn(`submitted revision ${name} was written by a newer version (${r.why}); left in place`);
      continue;
    }
    if (opts.setAside === false) {
      log.warn(`submitted revision ${name} is damaged (${r.why}); skipped`);
      continue;
    }
    log.error(`submitted revision ${name} is damaged (${r.why}); moved aside`);
    await quarantine(path.join(dir, name)).catch((err: unknown) => log.error(`could not move ${name} aside`, err));
  }
  return pins;
}

/**
 * The newest readable submitted revision in `dir` (the highest submission revision), or null. Reads
 * only until one reads, and moves nothing: the list of assessments calls it without a lock.
 */
export async function latestPinned(dir: string): Promise<PinnedRevision | null> {
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => NAME.test(n));
  for (const name of names.sort().reverse()) {
    const r = await readPin(dir, name);
    if (r.ok) return r.pin;
  }
  return null;
}

/**
 * Freeze `draft` as the revision sent with the export `stamp`. Idempotent: pinning the same export
 * again returns the existing entry; a different draft for the same export is refused
 * (`drafts:errors.pinConflict`) rather than overwriting what was sent.
 */
export async function pinRevision(dir: string, input: Draft, stampInput: SubmissionStamp, now: Date): Promise<PinnedRevision['entry']> {
  const parsedDraft = DraftSchema.safeParse(input);
  if (!parsedDraft.success) throw new AppError('drafts:errors.invalidDraft', describeIssues(parsedDraft.error));
  const parsedStamp = SubmissionStampSchema.safeParse(stampInput);
  if (!parsedStamp.success) throw new AppError('drafts:errors.invalidDraft', { ...describeIssues(parsedStamp.error), path: 'submission' });
  const draft = parsedDraft.data;
  const stamp = parsedStamp.data;
  const name = pinName(stamp, draft.revision);
  const existing = await fs.stat(path.join(dir, name)).then(() => readPin(dir, name), () => null);
  if (existing?.ok) {
    const same = existing.pin.draft.revision === draft.revision && contentKey(existing.pin.draft) === contentKey(draft);
    if (!same) throw new AppError('drafts:errors.pinConflict', { submissionRevision: stamp.submissionRevision });
    return existing.pin.entry;
  }
  if (existing && !existing.ok) {
    if (existing.future) throw new AppError('drafts:errors.pinConflict', { submissionRevision: stamp.submissionRevision });
    log.error(`submitted revision ${name} was damaged (${existing.why}); moved aside and written again`);
    await quarantine(path.join(dir, name), now);
  }
  const text = `${JSON.stringify({ schemaVersion: PIN_SCHEMA_VERSION, kind: PIN_KIND, pinnedAt: now.toISOString(), submission: stamp, draft }, null, 2)}\n`;
  await writeFileAtomic(path.join(dir, name), text);
  log.info(`submission revision ${stamp.submissionRevision} (draft revision ${draft.revision}) frozen as ${name}`);
  return { revision: draft.revision, savedAt: draft.updatedAt, file: name, size: Buffer.byteLength(text), submission: stamp };
}
