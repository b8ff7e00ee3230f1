import { promises as fs } from 'node:fs';
import { createLogger } from '../log';
import { collectSources, type CollectLimits, type Source } from './collect';
import { inWorkspace } from './fs-errors';
import { loadIndex } from './index-file';
import { IMPORT_LIMITS } from './layout';
import { examine, settle, settleContext, type ImportDecision, type SettleContext } from './settle';
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
    const index = await loadIndex(ws);
    const ctx = settleContext(ws, index, now, dryRun);
    const collected = await collectSources(paths, ws.dir, options.limits ?? IMPORT_LIMITS);
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
    const bytesTotal = collected.sources.reduce((n, s) => n + s.size, 0);
    let bytesBefore = 0;
    // The next file is copied in (disk work) while this one is verified (processor work); the
    // decisions stay in order, each made only after the one before is kept.
    const sources = collected.sources;
    let next: Promise<Copied> | null = sources[0] ? copyFor(ctx, sources[0]) : null;
    try {
      for (const [i, source] of sources.entries()) {
        const copied = await (next as Promise<Copied>);
        next = sources[i + 1] ? copyFor(ctx, sources[i + 1] as Source) : null;
        const report = (fraction: number) =>
          options.onProgress?.({ bundlesDone: i, bundlesTotal: sources.length, bytesDone: bytesBefore + Math.round(source.size * fraction), bytesTotal, path: source.path });
        report(0);
        const onVerify = (done: number, total: number) => report(total > 0 ? done / total : 1);
        emit(await importOne(ctx, source, copied, onVerify));
        bytesBefore += source.size;
        await ctx.checkpoint();
      }
    } finally {
      // Stopped early (a full disk): the copy made ahead goes too.
      if (next) await next.then((c) => ('temp' in c ? fs.rm(c.temp, { force: true }) : undefined)).catch(() => undefined);
      await ctx.checkpoint(true);
    }
    options.onProgress?.({ bundlesDone: sources.length, bundlesTotal: sources.length, bytesDone: bytesTotal, bytesTotal, path: '' });
    log.info(`import: ${decisions.length} decisions${dryRun ? ' (dry run)' : ''}`);
    return { decisions, skipped: collected.skipped };
  });
}

/** A source copied into `.incoming/`, or why not (nothing to copy in a dry run or for a file too large). */
type Copied = { temp: string } | { unreadable: true } | { none: true } | { failed: unknown };

function copyFor(ctx: SettleContext, source: Source): Promise<Copied> {
  if (ctx.dryRun || source.size > IMPORT_LIMITS.maxBundleBytes) return Promise.resolve({ none: true });
  return copyIn(ctx.ws, source.path).then(
    (temp): Copied => ({ temp }),
    (err: unknown): Copied => (err instanceof SourceUnreadable ? { unreadable: true } : { failed: err }),
  );
}

/** A file refused before it is read: logged (unless a dry run) like any decision, kept nowhere. */
async function refuse(ctx: SettleContext, source: string, reason: ImportDecision['reason']): Promise<ImportDecision> {
  const d: ImportDecision = { path: source, decision: 'rejected', ...(reason ? { reason } : {}) };
  await ctx.log({ at: ctx.now().toISOString(), ...d });
  return d;
}

async function importOne(ctx: SettleContext, source: Source, copied: Copied, onProgress: (done: number, total: number) => void): Promise<ImportDecision> {
  // Far larger than any bundle: not worth a copy (a disk image, a video chosen by mistake).
  if (source.size > IMPORT_LIMITS.maxBundleBytes) return refuse(ctx, source.path, { code: 'bundle:verify.tooLarge', params: { path: source.path } });
  if (ctx.dryRun) return settle(ctx, source.path, source.path, await examine(ctx, source.path, onProgress), 'incoming');
  if ('failed' in copied) throw copied.failed;
  if (!('temp' in copied)) return refuse(ctx, source.path, { code: 'secretariat:reasons.unreadable', params: { path: source.path } });
  try {
    return await settle(ctx, source.path, copied.temp, await examine(ctx, copied.temp, onProgress), 'incoming');
  } finally {
    // Placed, the copy is gone from here already; otherwise (a duplicate, a failure) it goes now.
    await fs.rm(copied.temp, { force: true }).catch(() => undefined);
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
    return decisions;
  });
}
