import { promises as fs, lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { verifyBundle } from '../bundle/verify';
import { jsonLineAppender } from './jsonl';
import { factsOfVerified, sha256OfFile } from './bundle-facts';
import { decide, type Decision } from './decide';
import { saveIndex } from './index-file';
import { IMPORT_LIMITS, WORKSPACE_FILES, receivedFile, submissionFile, uuidOf } from './layout';
import { heldReason, isAccepted, signersOf } from './registry-lookup';
import { ImportLogLineSchema, type ImportLogLine, type BundleFacts, type DecisionKind, type IndexFile, type Reason, type Signer, type StoredSubmission } from './schemas';
import { exists, place, removeSidecar, syncFolders, writeSidecar } from './store';
import type { Workspace } from './workspace';

/** The outcome for one file (or one refused path) of an import. */
export interface ImportDecision {
  /** The file or folder as given or found. */
  path: string;
  decision: DecisionKind;
  reason?: Reason;
  facts?: BundleFacts;
  signers?: Signer[];
  /** Where the workspace keeps it now (`submissions/…`, `held/…`, `rejected/…`). */
  file?: string;
  /** The stored submission it duplicates, countersigns, supersedes or conflicts with. */
  other?: string;
  sha256?: string;
}

/** What one settling step works on: the workspace, its index (kept up to date in memory), the clock. */
export interface SettleContext {
  ws: Workspace;
  index: IndexFile;
  now: () => Date;
  dryRun: boolean;
  /** Append a line to import-log.jsonl; made durable at the next checkpoint. */
  log(line: ImportLogLine): Promise<void>;
  /** Folders a file was placed in since the last checkpoint, fsynced by it. */
  placedIn: Set<string>;
  /**
   * Fsync the folders files were placed in and the import log, and save the index, if the last
   * checkpoint is a while ago (or `now`). Each file's bytes are fsynced before it is placed, so it
   * appears whole or not at all; the log is its history and the index is derived (one out of date
   * is brought up to date from the folders when next loaded). A kill loses nothing; a power cut can
   * take back the placements, lines and index of the last two seconds (those files are simply
   * imported again).
   */
  checkpoint(now?: boolean): Promise<void>;
  /** Let go of the import log (after the last checkpoint). */
  close(): Promise<void>;
}

/** How often an import saves the index and syncs its log while it runs (and always at its end). */
const CHECKPOINT_MS = 2000;

export function settleContext(ws: Workspace, index: IndexFile, now: () => Date, dryRun: boolean): SettleContext {
  const logFile = jsonLineAppender(path.join(ws.dir, WORKSPACE_FILES.importLog));
  let last = Date.now();
  const ctx: SettleContext = {
    ws,
    index,
    now,
    dryRun,
    placedIn: new Set<string>(),
    async log(line) {
      if (dryRun) return;
      await logFile.append(ImportLogLineSchema.parse(line));
    },
    async checkpoint(force = false) {
      if (dryRun || (!force && Date.now() - last < CHECKPOINT_MS)) return;
      last = Date.now();
      await syncFolders(ctx.placedIn);
      await logFile.sync();
      await saveIndex(ws, ctx.index);
    },
    close: () => logFile.close(),
  };
  return ctx;
}

export interface Examined {
  decision: Decision;
  facts?: BundleFacts;
  signers?: Signer[];
}

/** What verification says of a file, before the workspace's state is consulted. */
export interface Inspected {
  rejected?: Reason;
  facts?: BundleFacts;
  signers?: Signer[];
}

/** Verify `file` and read its facts and signers, writing nothing; independent of the index, so several may run at once. */
export async function inspect(ws: Workspace, file: string, onProgress?: (done: number, total: number) => void, copied = false): Promise<Inspected> {
  // A copy in the workspace was just written (its bytes are in memory): read at once.
  const result = await verifyBundle(file, { ...(onProgress ? { onProgress } : {}), syncReads: copied });
  if (result.status === 'invalid') return { rejected: result.reason ?? { code: 'bundle:verify.damagedZip', params: {} } };
  const facts = factsOfVerified(result);
  // bag-info.txt and submission.json were checked to agree; facts that do not mean a reader bug, not a bundle to file.
  if (!facts || facts.country !== result.bundle?.country || facts.externalIdentifier !== result.bundle.externalIdentifier) {
    return { rejected: { code: 'bundle:verify.damagedZip', params: {} } };
  }
  return { facts, signers: signersOf(ws.registry, facts) };
}

/** Decide what an inspected file is, against the index as it stands now. */
export function judge(ctx: SettleContext, seen: Inspected): Examined {
  if (seen.rejected || !seen.facts || !seen.signers) return { decision: { kind: 'rejected', reason: seen.rejected ?? { code: 'bundle:verify.damagedZip', params: {} } } };
  const { facts, signers } = seen;
  return { decision: decide(facts, isAccepted(signers), heldReason(ctx.ws.registry, facts), ctx.index), facts, signers };
}

/** Verify `file` and decide what it is, writing nothing. */
export async function examine(ctx: SettleContext, file: string, onProgress?: (done: number, total: number) => void): Promise<Examined> {
  return judge(ctx, await inspect(ctx.ws, file, onProgress));
}

/** Size and time of a file just placed (at once, like the placing: see store.ts `place`). */
function statOf(ctx: SettleContext, relative: string): { size: number; mtimeMs: number } {
  const stat = statSync(ctx.ws.path(relative));
  return { size: stat.size, mtimeMs: stat.mtimeMs };
}

/** A stored name for a new submission: the uuid of its External-Identifier, or a fresh one when that name is taken. */
function newSubmissionName(ctx: SettleContext, facts: BundleFacts): string {
  const preferred = uuidOf(facts.externalIdentifier);
  if (preferred) {
    const name = submissionFile(facts.country, preferred);
    // A dry run places nothing: a name it has given out exists only in its index.
    const taken = (ctx.dryRun && ctx.index.submissions.some((s) => s.file === name)) || lstatSync(ctx.ws.path(name), { throwIfNoEntry: false }) !== undefined;
    if (!taken) return name;
  }
  return submissionFile(facts.country, randomUUID());
}

/**
 * A dry run's decision, kept in its index in memory only (the index is never saved in a dry run),
 * as the real import would keep it: the later files of the same batch are then judged against it —
 * a second revision supersedes the first, a second copy is a duplicate, a countersigned copy
 * countersigns it. Held and rejected files and duplicates change nothing a later decision reads.
 */
async function foresee(ctx: SettleContext, file: string, seen: Examined): Promise<void> {
  const { decision, facts } = seen;
  if (!facts || decision.kind === 'held' || decision.kind === 'rejected' || decision.kind === 'duplicate') return;
  const relative = decision.kind === 'countersigned' && decision.other ? decision.other.file : newSubmissionName(ctx, facts);
  const size = (await fs.stat(file).catch(() => null))?.size ?? 0;
  const entry: StoredSubmission = { file: relative, size, mtimeMs: 0, ...facts };
  ctx.index.submissions = [...ctx.index.submissions.filter((s) => s.file !== relative), entry];
}

/**
 * Act on a decision for `file` (a copy in `.incoming/`, or a held file being re-checked): place it
 * under its stored name, with its note when held or rejected; then append the log line; the index
 * (in memory here) is saved by the caller, now and then and at the end. Each step is atomic, in
 * that order, so a kill at any point leaves every stored file whole and the index rebuildable. A
 * duplicate writes nothing but its log line.
 */
export async function settle(ctx: SettleContext, shownPath: string, file: string, seen: Examined, origin: 'incoming' | 'held'): Promise<ImportDecision> {
  const { decision, facts, signers } = seen;
  const out: ImportDecision = {
    path: shownPath,
    decision: decision.kind,
    ...(decision.reason ? { reason: decision.reason } : {}),
    ...(facts ? { facts } : {}),
    ...(signers ? { signers } : {}),
    ...(decision.other ? { other: decision.other.file } : {}),
  };
  if (ctx.dryRun) {
    await foresee(ctx, file, seen);
    return out;
  }
  const { ws, index } = ctx;
  let replaced: StoredSubmission | undefined;

  if (decision.kind === 'held' || decision.kind === 'rejected') {
    if (origin === 'held') return out;
    const sha256 = await sha256OfFile(file);
    const size = (await fs.stat(file)).size;
    const kept = decision.kind === 'held' || size <= IMPORT_LIMITS.maxRejectedCopyBytes;
    const relative = receivedFile(decision.kind, sha256);
    out.sha256 = sha256;
    if (kept) out.file = relative;
    if (!(await exists(ws.path(relative)))) {
      const receivedAt = ctx.now().toISOString();
      const reason = decision.reason ?? { code: 'secretariat:reasons.unknown', params: {} };
      await writeSidecar(ws, { format: 'scsa-received', schemaVersion: 1, decision: decision.kind, sha256, size, receivedAt, source: shownPath, kept, reason, ...(facts ? { facts } : {}) });
      if (kept) place(ws, file, relative, ctx.placedIn);
      const stat = kept ? statOf(ctx, relative) : { size, mtimeMs: 0 };
      if (decision.kind === 'held' && facts) index.held.push({ file: relative, sha256, ...stat, facts, receivedAt, source: shownPath });
      else if (decision.kind === 'rejected') index.rejected.push({ file: kept ? relative : null, sha256, size, reason, receivedAt });
    }
  } else if (decision.kind === 'duplicate') {
    if (origin === 'held') await dropHeld(ctx, file);
  } else if (facts) {
    const relative = decision.kind === 'countersigned' && decision.other ? decision.other.file : newSubmissionName(ctx, facts);
    replaced = decision.kind === 'countersigned' ? decision.other : undefined;
    place(ws, file, relative, ctx.placedIn);
    if (origin === 'held') await dropHeld(ctx, file);
    out.file = relative;
    const entry: StoredSubmission = { file: relative, ...statOf(ctx, relative), ...facts };
    index.submissions = [...index.submissions.filter((s) => s.file !== relative), entry];
  }

  // ctx.log checks the line against the schema.
  await ctx.log({
    at: ctx.now().toISOString(),
    path: shownPath,
    decision: out.decision,
    ...(out.reason ? { reason: out.reason } : {}),
    ...(out.sha256 ? { sha256: out.sha256 } : {}),
    ...(out.file ? { file: out.file } : {}),
    ...(facts ? { facts } : {}),
    ...(signers ? { signers } : {}),
    ...(out.other && decision.kind !== 'countersigned' ? { other: out.other } : {}),
    ...(replaced ? { replaced: { file: replaced.file, size: replaced.size, mtimeMs: replaced.mtimeMs, fingerprints: replaced.fingerprints } } : {}),
  });
  return out;
}

/** A held file has been filed (or found to be filed already): its note and index entry go. */
async function dropHeld(ctx: SettleContext, heldFile: string): Promise<void> {
  const sha256 = path.basename(heldFile, '.zip');
  await fs.rm(heldFile, { force: true });
  await removeSidecar(ctx.ws, 'held', sha256);
  ctx.index.held = ctx.index.held.filter((h) => h.sha256 !== sha256);
}
