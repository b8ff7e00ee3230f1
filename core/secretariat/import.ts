import { promises as fs, rmSync } from 'node:fs';
import { createLogger } from '../log';
import { collectSources, type CollectLimits, type Source } from './collect';
import { inWorkspace } from './fs-errors';
import { loadIndex } from './index-file';
import { IMPORT_LIMITS } from './layout';
import { examine, inspect, judge, settle, settleContext, type ImportDecision, type Inspected, type SettleContext } from './settle';
import { SourceUnreadable, copyIn } from './store';
import { assertWritable, type Workspace } from './workspace';

export type { ImportDecision } from './settle';

const log = createLogger('secretariat-import');

export interface ImportProgress {
  bundlesDone: number;
  bundlesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  /** The file being read now. */
  path: string;
}

export interface ImportOptions {
  /** Decide and report, write nothing (the workspace may be read-only, and need not be locked). */
  dryRun?: boolean;
  /** Told the bytes read so far out of all the files', within each file as it is verified. */
  onProgress?: (progress: ImportProgress) => void;
  /** Told each decision as soon as it is made and kept (a report that grows while the import runs). */
  onDecision?: (decision: ImportDecision) => void;
  now?: () => Date;
  limits?: CollectLimits;
}

export interface ImportReport {
  decisions: ImportDecision[];
  /** Files in the folders that were left aside because they are not `.zip` files. */
  skipped: number;
}

/**
 * Import bundles and folders of bundles into the workspace (docs/formats/workspace.md "Import"): one
 * decision per file, in order, each kept (file, log line, index) before the next file is read, so an
 * import that is interrupted keeps everything decided so far and can simply be run again. A path
 * that cannot be imported at all (missing, a folder too large) is a `rejected` decision of its own;
 * the other paths go on. A failure of the workspace itself (full disk, read-only) stops the import
 * with an AppError; what was decided before it stays.
 */
export async function importBundles(ws: Workspace, paths: readonly string[], options: ImportOptions = {}): Promise<ImportReport> {
  const dryRun = options.dryRun === true;
  if (!dryRun) assertWritable(ws);
  const now = options.now ?? (() => new Date());
  return inWorkspace(ws.dir, async () => {
    const ctx = settleContext(ws, await loadIndex(ws, { save: !dryRun }), now, dryRun);
    try {
      return await run(ctx, paths, options);
    } finally {
      await ctx.close();
    }
  });
}

/** One import, in its settle context (closed by the caller). */
async function run(ctx: SettleContext, paths: readonly string[], options: ImportOptions): Promise<ImportReport> {
  const collected = await collectSources(paths, ctx.ws.dir, options.limits ?? IMPORT_LIMITS);
  const decisions: ImportDecision[] = [];
  const emit = (d: ImportDecision) => {
    decisions.push(d);
    try {
      options.onDecision?.(d);
    } catch {
      // A display problem is not an import problem.
    }
  };
  for (const refused of collected.refused) emit(await refuse(ctx, refused.path, refused.reason));
  const sources = collected.sources;
  const bytesTotal = sources.reduce((n, s) => n + s.size, 0);
  let bytesBefore = 0;
  let settled = 0;
  // Fractions verified of the files being verified now (two at a time), for one progress figure.
  const verifying = new Map<number, number>();
  const progress = (i: number, fraction: number) => {
    verifying.set(i, fraction);
    let inFlight = 0;
    for (const [j, f] of verifying) inFlight += (sources[j] as Source).size * f;
    options.onProgress?.({ bundlesDone: settled, bundlesTotal: sources.length, bytesDone: bytesBefore + Math.round(inFlight), bytesTotal, path: (sources[i] as Source).path });
  };
  // A pipeline: files are copied in a few ahead, each fsynced while it is verified (processor work,
  // partly on other threads, a few files at a time); decisions stay in order, each made and kept only
  // after the one before, against the index as that one left it, and a copy is placed only once its
  // bytes are on the disk.
  const copies = new Map<number, Promise<Copied>>();
  const prepared = new Map<number, Promise<Prepared>>();
  const fill = (from: number) => {
    let ahead = 0;
    for (let j = from; j < Math.min(sources.length, from + COPIES_AHEAD) && (j === from || ahead < COPY_BYTES_AHEAD); j++) {
      const source = sources[j] as Source;
      ahead += source.size;
      if (!copies.has(j)) copies.set(j, copyFor(ctx, source));
    }
    for (let j = from; j < Math.min(sources.length, from + VERIFIED_AHEAD); j++) {
      if (!prepared.has(j)) prepared.set(j, prepare(ctx, sources[j] as Source, copies.get(j) as Promise<Copied>, (done, total) => progress(j, total > 0 ? done / total : 1)));
    }
  };
  try {
    for (const [i, source] of sources.entries()) {
      fill(i);
      progress(i, verifying.get(i) ?? 0);
      const ready = await (prepared.get(i) as Promise<Prepared>);
      prepared.delete(i);
      copies.delete(i);
      fill(i + 1);
      emit(await importOne(ctx, source, ready));
      verifying.delete(i);
      bytesBefore += source.size;
      settled = i + 1;
      await ctx.checkpoint();
    }
  } finally {
    // Stopped early (a full disk): what was prepared ahead is waited for (it holds files open) and its copies go.
    const ahead = [...prepared.values()].map((p) => p.then((r) => r.copied));
    for (const [j, c] of copies) if (!prepared.has(j)) ahead.push(c);
    await Promise.all(ahead.map((c) => c.then((r) => ('temp' in r ? r.durable.catch(() => undefined).then(() => fs.rm(r.temp, { force: true })) : undefined)).catch(() => undefined)));
    await ctx.checkpoint(true);
  }
  options.onProgress?.({ bundlesDone: sources.length, bundlesTotal: sources.length, bytesDone: bytesTotal, bytesTotal, path: '' });
  log.info(`import: ${decisions.length} decisions${ctx.dryRun ? ' (dry run)' : ''}`);
  return { decisions, skipped: collected.skipped };
}

/**
 * Copies made ahead of the file being decided, by count and by size (the first is always made):
 * each is fsynced while it waits its turn, and several fsyncs at once cost the disk far less than
 * one after another.
 */
const COPIES_AHEAD = 8;
const COPY_BYTES_AHEAD = 64 * 1024 * 1024;
/** Files verified at once: their large attachments are hashed on the workers while the others' signatures and small files are checked here. */
const VERIFIED_AHEAD = 3;

/** A source copied into `.incoming/`, or why not (nothing to copy in a dry run or for a file too large). */
type Copied = { temp: string; durable: Promise<void> } | { unreadable: true } | { none: true } | { failed: unknown };
/** A source copied in and verified, ready to be decided. */
interface Prepared {
  copied: Copied;
  seen: Inspected | null;
}

function copyFor(ctx: SettleContext, source: Source): Promise<Copied> {
  if (ctx.dryRun || source.size > IMPORT_LIMITS.maxBundleBytes) return Promise.resolve({ none: true });
  return copyIn(ctx.ws, source.path).then(
    (copy): Copied => copy,
    (err: unknown): Copied => (err instanceof SourceUnreadable ? { unreadable: true } : { failed: err }),
  );
}

/** Verify the copy (the source itself in a dry run): nothing here depends on the decisions before. */
async function prepare(ctx: SettleContext, source: Source, copy: Promise<Copied>, onProgress: (done: number, total: number) => void): Promise<Prepared> {
  const copied = await copy;
  if (source.size > IMPORT_LIMITS.maxBundleBytes) return { copied, seen: null };
  if (ctx.dryRun) return { copied, seen: await inspect(ctx.ws, source.path, onProgress) };
  return { copied, seen: 'temp' in copied ? await inspect(ctx.ws, copied.temp, onProgress, true) : null };
}

/** A file refused before it is read: logged (unless a dry run) like any decision, kept nowhere. */
async function refuse(ctx: SettleContext, source: string, reason: ImportDecision['reason']): Promise<ImportDecision> {
  const d: ImportDecision = { path: source, decision: 'rejected', ...(reason ? { reason } : {}) };
  await ctx.log({ at: ctx.now().toISOString(), ...d });
  return d;
}

async function importOne(ctx: SettleContext, source: Source, ready: Prepared): Promise<ImportDecision> {
  // Far larger than any bundle: not worth a copy (a disk image, a video chosen by mistake).
  if (source.size > IMPORT_LIMITS.maxBundleBytes) return refuse(ctx, source.path, { code: 'bundle:verify.tooLarge', params: { path: source.path } });
  const { copied, seen } = ready;
  if (ctx.dryRun) return settle(ctx, source.path, source.path, judge(ctx, seen ?? {}), 'incoming');
  if ('failed' in copied) throw copied.failed;
  if (!('temp' in copied)) return refuse(ctx, source.path, { code: 'secretariat:reasons.unreadable', params: { path: source.path } });
  try {
    await copied.durable;
    return await settle(ctx, source.path, copied.temp, judge(ctx, seen ?? {}), 'incoming');
  } finally {
    // Placed, the copy is gone from here already; otherwise (a duplicate, a failure) it goes now,
    // at once: the next decision waits for this one (see store.ts `place`).
    try {
      rmSync(copied.temp, { force: true });
    } catch {
      // Left in .incoming/, which is emptied when the workspace is next opened.
    }
  }
}

/**
 * Look at every held bundle again (after a registry change): one whose key is now registered for
 * its country is filed like a new import (imported, supersedes, countersigned, conflict) and leaves
 * `held/`; one already stored goes too (duplicate); the others stay held. Returns the decision for
 * each held bundle; only changes are logged.
 */
export async function recheckHeld(ws: Workspace, options: Pick<ImportOptions, 'onDecision' | 'now'> = {}): Promise<ImportDecision[]> {
  assertWritable(ws);
  const now = options.now ?? (() => new Date());
  return inWorkspace(ws.dir, async () => {
    const index = await loadIndex(ws);
    const ctx = settleContext(ws, index, now, false);
    const decisions: ImportDecision[] = [];
    try {
      for (const held of [...index.held]) {
        const file = ws.path(held.file);
        const seen = await examine(ctx, file);
        // Shown and logged under the name it arrived with; the note keeps it.
        const shown = held.source ?? held.file;
        const d: ImportDecision =
          seen.decision.kind === 'held'
            ? { path: shown, decision: 'held', file: held.file, ...(seen.decision.reason ? { reason: seen.decision.reason } : {}), ...(seen.facts ? { facts: seen.facts, signers: seen.signers ?? [] } : {}) }
            : await settle(ctx, shown, file, seen, 'held');
        decisions.push(d);
        options.onDecision?.(d);
      }
      await ctx.checkpoint(true);
    } finally {
      await ctx.close();
    }
    return decisions;
  });
}
