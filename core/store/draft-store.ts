import { promises as fs } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { writeFileAtomic } from '../fs/atomic';
import { AppError } from '../errors';
import { createLogger } from '../log';
import { describeIssues } from '../checklist/issues';
import type { ChecklistPack } from '../checklist/schema';
import { DraftSchema, type AcceptedSuggestion, type AttachmentRef, type Draft } from '../draft/schema';
import { newDraft, type NewDraftInput } from '../draft/create';
import { checkDraftBytes } from '../draft/limits';
import { assessmentPaths, assessmentsRoot, type AssessmentPaths } from './layout';
import { acquireLock, type LockHandle } from './lock';
import { removeDeadTempFiles } from './temp-files';
import { DEFAULT_RETENTION, listSnapshots, pruneSnapshots, writeSnapshot, type HistoryEntry, type RetentionPolicy } from './history';
import { serializeDraft } from './read';
import { loadForgiving, type StoreNotice } from './recover';
import { appendChange, contentKey } from './changes';
import { attachmentFile, DEFAULT_MAX_ATTACHMENT_BYTES, ingestAttachment } from './attachments';
import { listAssessments, type StoredAssessment } from './list';
import { pinRevision, type SubmissionStamp } from './submitted';
import { listHistoryEntries, readRevision } from './history-view';
import { memoOf, planSave, serializeWithMemo, type AnswerMemo } from './save-plan';
import { pinnedRevisions } from './pins';

export type { StoredAssessment } from './list';
export type { StoreNotice } from './recover';
export type { HistoryEntry, RetentionPolicy } from './history';
export type { SubmissionStamp } from './submitted';

const log = createLogger('draft-store');

export interface DraftStoreOptions {
  /** The app's data folder; assessments live in `<dataDir>/assessments/<id>/`. */
  dataDir: string;
  retention?: RetentionPolicy;
  /** Least time between two history snapshots (default 60 s; 0 snapshots every save). */
  snapshotIntervalMs?: number;
  maxAttachmentBytes?: number;
  /** Clock, for tests. */
  now?: () => Date;
}

/** A draft opened for use, with anything the user should be told (recovery, migration, missing files). */
export interface OpenedDraft {
  draft: Draft;
  notices: StoreNotice[];
  readOnly: boolean;
}

interface Session {
  paths: AssessmentPaths;
  lock: LockHandle;
  last: Draft;
  lastSnapshotAt: number;
  lastSnapshotRevision: number;
  queue: Promise<unknown>;
  /** The answers of `last`, validated, frozen and serialised (save-plan.ts); built at the first save. */
  memo?: AnswerMemo;
}

/**
 * Drafts on disk: one folder per assessment, atomic saves, history snapshots, attachments by hash and
 * a write lock per assessment. Opening (or creating) takes the lock; `close` releases it.
 * The store owns `revision`, `updatedAt`, `createdAt` and `changeLog`: see docs/formats/draft.md.
 */
export class DraftStore {
  private readonly sessions = new Map<string, Session>();
  private readonly retention: RetentionPolicy;
  private readonly snapshotIntervalMs: number;
  private readonly now: () => Date;
  readonly maxAttachmentBytes: number;

  constructor(private readonly options: DraftStoreOptions) {
    this.retention = options.retention ?? DEFAULT_RETENTION;
    this.snapshotIntervalMs = options.snapshotIntervalMs ?? 60_000;
    this.maxAttachmentBytes = options.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
    this.now = options.now ?? (() => new Date());
  }

  paths(id: string): AssessmentPaths {
    return assessmentPaths(this.options.dataDir, id);
  }

  /** Create a new assessment at revision 0 and keep it open. */
  async create(meta: NewDraftInput, pack: Pick<ChecklistPack, 'id' | 'version'>, id: string = randomUUID()): Promise<Draft> {
    const draft = newDraft(meta, pack, this.now(), id);
    await this.adopt(draft);
    return draft;
  }

  /** Create the folder of a new assessment, take its lock and write its first revision and snapshot. */
  private async adopt(draft: Draft, extra?: (paths: AssessmentPaths) => Promise<void>): Promise<Session> {
    const paths = this.paths(draft.id);
    await fs.mkdir(assessmentsRoot(this.options.dataDir), { recursive: true });
    try {
      await fs.mkdir(paths.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new AppError('drafts:errors.exists', { id: draft.id });
      throw err;
    }
    const lock = await acquireLock(paths.lock);
    try {
      if (extra) await extra(paths);
      await writeFileAtomic(paths.draft, serializeDraft(draft));
      await writeSnapshot(paths.history, draft, this.now());
    } catch (err) {
      await lock.release();
      await fs.rm(paths.dir, { recursive: true, force: true });
      throw err;
    }
    const session: Session = { paths, lock, last: draft, lastSnapshotAt: this.now().getTime(), lastSnapshotRevision: draft.revision, queue: Promise.resolve() };
    this.sessions.set(draft.id, session);
    return session;
  }

  /**
   * Open an assessment. Takes the write lock (`drafts:errors.locked` if another process holds it)
   * unless `readOnly`. Forgiving: see `loadForgiving` for what happens to an unusable file.
   */
  async open(id: string, opts: { readOnly?: boolean } = {}): Promise<OpenedDraft> {
    const paths = this.paths(id);
    const readOnly = opts.readOnly ?? false;
    const held = this.sessions.get(id);
    if (held) return { draft: held.last, notices: [], readOnly: false };
    if (!(await fs.stat(paths.dir).catch(() => null))) throw new AppError('drafts:errors.notFound');
    if (readOnly) return { ...(await loadForgiving(paths, true, this.now())), readOnly };
    const lock = await acquireLock(paths.lock);
    try {
      for (const dir of [paths.dir, paths.history, paths.submitted, paths.attachments]) await removeDeadTempFiles(dir);
      const { draft: loaded, notices } = await loadForgiving(paths, false, this.now());
      const draft = loaded.id === id ? loaded : { ...loaded, id };
      const newest = (await listSnapshots(paths.history))[0];
      this.sessions.set(id, {
        paths,
        lock,
        last: draft,
        lastSnapshotAt: newest ? Date.parse(newest.savedAt) : 0,
        lastSnapshotRevision: newest?.revision ?? -1,
        queue: Promise.resolve(),
      });
      return { draft, notices, readOnly };
    } catch (err) {
      await lock.release();
      throw err;
    }
  }

  private session(id: string): Session {
    const s = this.sessions.get(id);
    if (!s) throw new AppError('drafts:errors.notOpen', { id });
    return s;
  }

  private serialize<T>(s: Session, task: () => Promise<T>): Promise<T> {
    const run = s.queue.then(task, task);
    s.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Save a draft of an open assessment atomically and return what was written. Revision rule: a save
   * whose content (metadata, checklist, answers, attachments) equals the last saved one writes nothing
   * and returns the last saved draft; any other save writes revision = last + 1. Saves of one
   * assessment run one at a time, in call order. `accepted`: the review suggestions this save takes,
   * recorded in its own change-log entry.
   */
  async save(draft: Draft, options: { accepted?: readonly AcceptedSuggestion[]; milestone?: boolean } = {}): Promise<Draft> {
    const s = this.session(draft.id);
    if (!options.milestone) return this.serialize(s, () => this.write(draft, undefined, options.accepted));
    // A milestone (a move to another checklist version) is snapshotted before and after, as a restore
    // is, so history can always go back to the revision just before it.
    return this.serialize(s, async () => {
      await this.snapshot(s);
      const saved = await this.write(draft, undefined, options.accepted);
      await this.snapshot(s);
      return saved;
    });
  }

  private async write(input: Draft, restoredFrom?: number, accepted?: readonly AcceptedSuggestion[]): Promise<Draft> {
    const s = this.session(input.id);
    const before = s.last;
    s.memo ??= memoOf(before);
    // A restore replaces every answer anyway, so it takes the full check; so does any input the plan refuses.
    const plan = restoredFrom === undefined ? planSave(before, s.memo, input) : null;
    let data: Draft;
    if (plan) {
      if (plan.items.length === 0 && !plan.metadata) return before;
      const { attachments, changeLog, ...head } = plan.shell;
      data = { ...head, answers: plan.answers, attachments, changeLog };
    } else {
      const parsed = DraftSchema.safeParse(input);
      if (!parsed.success) throw new AppError('drafts:errors.invalidDraft', describeIssues(parsed.error));
      if (restoredFrom === undefined && contentKey(parsed.data) === contentKey(before)) return before;
      data = parsed.data;
    }
    const now = this.now();
    const revision = before.revision + 1;
    const next: Draft = {
      ...data,
      createdAt: before.createdAt,
      revision,
      updatedAt: now.toISOString(),
      changeLog: appendChange(before, data, revision, now, restoredFrom, plan ?? undefined, accepted),
    };
    const memo = plan?.memo ?? memoOf(next);
    const bytes = serializeWithMemo(next, memo);
    // Refused here, not at the next import: a file the app wrote must always open again.
    checkDraftBytes(bytes.length);
    await writeFileAtomic(s.paths.draft, bytes);
    s.last = next;
    s.memo = memo;
    if (now.getTime() - s.lastSnapshotAt >= this.snapshotIntervalMs) await this.snapshot(s);
    return next;
  }

  private async snapshot(s: Session): Promise<void> {
    if (s.lastSnapshotRevision === s.last.revision) return;
    const now = this.now();
    await writeSnapshot(s.paths.history, s.last, now, s.memo && serializeWithMemo(s.last, s.memo));
    s.lastSnapshotAt = now.getTime();
    s.lastSnapshotRevision = s.last.revision;
    await pruneSnapshots(s.paths.history, this.retention, now, await pinnedRevisions(s.paths));
  }

  /** History of an assessment, newest first, submitted revisions included (see history-view.ts). */
  async listHistory(id: string): Promise<HistoryEntry[]> {
    return listHistoryEntries(this.paths(id));
  }

  /**
   * Freeze `draft` (the exact revision put into a signed bundle) as a submitted revision that history
   * retention never deletes. Idempotent for the same export; needs no open session (the file is new
   * and written atomically, so it cannot disturb a writer holding the lock).
   */
  async pinSubmitted(id: string, draft: Draft, stamp: SubmissionStamp): Promise<HistoryEntry> {
    if (draft.id !== id) throw new AppError('drafts:errors.invalidDraft', { path: 'id', problem: 'another assessment', count: 1 });
    return pinRevision(this.paths(id).submitted, draft, stamp, this.now());
  }

  /**
   * Make an earlier snapshot (or submitted revision) the current draft, as a new revision (the current
   * state is snapshotted first, so a restore can itself be undone). Throws
   * `drafts:errors.snapshotNotFound` / `snapshotUnreadable`.
   */
  async restore(id: string, revision: number): Promise<Draft> {
    const s = this.session(id);
    return this.serialize(s, async () => {
      const known = (await this.listHistory(id)).some((e) => e.revision === revision);
      if (!known) throw new AppError('drafts:errors.snapshotNotFound', { revision });
      const draft = await readRevision(s.paths, revision);
      if (!draft) throw new AppError('drafts:errors.snapshotUnreadable', { revision });
      await this.snapshot(s);
      const restored = await this.write({ ...draft, id }, revision);
      await this.snapshot(s);
      log.info(`assessment ${id}: revision ${revision} restored as revision ${restored.revision}`);
      return restored;
    });
  }

  /** Stream a file into the assessment's attachments; add the returned ref to `draft.attachments` and save. */
  async addAttachment(id: string, source: Readable | Iterable<Uint8Array> | AsyncIterable<Uint8Array>, meta: { name: string; mediaType: string }): Promise<AttachmentRef> {
    const s = this.session(id);
    return ingestAttachment(s.paths.attachments, source, { ...meta, maxBytes: this.maxAttachmentBytes });
  }

  /** Path of an attachment's content, for reading or export. */
  attachmentPath(id: string, sha256: string): string {
    return attachmentFile(this.paths(id).attachments, sha256);
  }

  /** Snapshot unsnapshotted work, then release the lock. Waits for saves in flight. */
  async close(id: string): Promise<void> {
    const s = this.sessions.get(id);
    if (!s) return;
    await this.serialize(s, () => this.snapshot(s)).catch((err) => log.warn(`final snapshot of ${id} failed`, err));
    this.sessions.delete(id);
    await s.lock.release();
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((id) => this.close(id)));
  }

  /** The draft last saved or opened, if the assessment is open here. */
  current(id: string): Draft | undefined {
    return this.sessions.get(id)?.last;
  }

  /** Assessments in the data folder with a readable draft, most recently updated first. */
  list(): Promise<StoredAssessment[]> {
    return listAssessments(this.options.dataDir);
  }

  /** @internal for portable copies: create an assessment from a validated draft. */
  async adoptImported(draft: Draft, fill: (paths: AssessmentPaths) => Promise<void>): Promise<void> {
    await this.adopt(draft, fill);
  }
}
