import { importBundles, DECISIONS, type ImportDecision } from '../../core/secretariat';
import { EXIT } from '../exit-codes';
import { reportAppError } from './passphrase';
import { decisionJson, printDecision } from './import-output';
import { percentText, progressLine } from './progress-line';
import { printNotices, workspaceOption } from './workspace-option';
import type { CommandRun } from './types';

/**
 * `scsa import --workspace DIR [--dry-run] [--json] PATH…`: verify and file bundles and folders of
 * bundles (docs/formats/workspace.md "Import"), one decision per file as it is made; a progress
 * line on a terminal. Exit 0 when nothing was rejected, 1 otherwise (or when the workspace cannot be
 * used), 2 on bad usage. A dry run writes nothing and needs no lock.
 */
export const run: CommandRun = async (ctx) => {
  const dryRun = ctx.options['dry-run'] === true;
  const json = ctx.options.json === true;
  const ws = await workspaceOption(ctx, 'import', { write: !dryRun, create: !dryRun });
  if (typeof ws === 'number') return ws;
  const progress = progressLine((done, total) => ctx.t('import.progress', { percent: percentText(ctx.language, done, total) }));
  const decisions: ImportDecision[] = [];
  const noticesShown = ws.notices.length;
  try {
    if (dryRun && !json) ctx.err(ctx.t('import.dryRun'));
    const report = await importBundles(ws, ctx.positionals, {
      dryRun,
      onProgress: (p) => progress.update(p.bytesDone, p.bytesTotal),
      onDecision: (d) => {
        decisions.push(d);
        progress.clear();
        if (json) ctx.out(decisionJson(ctx, d));
        else printDecision(ctx, d);
      },
    });
    progress.clear();
    if (!json) {
      const counts = DECISIONS.map((k) => [k, decisions.filter((d) => d.decision === k).length] as const).filter(([, n]) => n > 0);
      ctx.err(ctx.t('import.summary', { list: counts.map(([k, n]) => `${ctx.t(`secretariat:decisions.${k}`)} ${n}`).join(', ') || '0' }));
      if (report.skipped > 0) ctx.err(ctx.t('import.skipped', { count: report.skipped }));
    }
    printNotices(ctx, ws.notices.slice(noticesShown));
    return decisions.some((d) => d.decision === 'rejected') ? EXIT.failedCheck : EXIT.ok;
  } catch (err) {
    progress.clear();
    return reportAppError(ctx, err);
  } finally {
    await ws.close();
  }
};
