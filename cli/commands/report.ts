import { isLanguage } from '../../core/i18n/languages';
import path from 'node:path';
import { AppError } from '../../core/errors';
import { setLogSink } from '../../core/log';
import { checklistVersions, folderSource, prepareReport, tableIds, writeReport, type FolderSkip, type PreparedReport, type SubmissionSource } from '../../core/analysis';
import type { KeyRegistry } from '../../core/bundle/registry';
import { EXIT } from '../exit-codes';
import { useInstalledPacks } from './data-option';
import { parseReportOptions, type ReportInput } from './report-options';
import { registryOption } from './registry-option';
import { currentSubmissions, loadIndex, openWorkspace } from '../../core/secretariat';
import { progressLine } from './progress-line';
import type { CommandContext, CommandRun } from './types';

function usage(ctx: CommandContext, key: string, params: Record<string, string> = {}): number {
  ctx.err(`scsa: ${ctx.t(key, params)}`);
  // A version the app installed is known here only through its data folder.
  if (key === 'new.packNotFound') ctx.err(ctx.t('validate.packNotFoundHint'));
  ctx.err(ctx.t('usage.moreHelp', { command: 'scsa report --help' }));
  return EXIT.usage;
}

function describeSkip(ctx: CommandContext, skip: FolderSkip): string {
  const file = path.basename(skip.file);
  if (skip.kind === 'unregistered') return ctx.t('report.skippedUnregistered', { file });
  return ctx.t('report.skippedInvalid', { file, reason: ctx.t(skip.reason.code, skip.reason.params) });
}

/**
 * The submissions to analyse: the current submission of each country and checklist in the
 * secretariat workspace (the analyst's pick among conflicting ones included), read one at a time;
 * or the bundles of a folder, each verified first.
 */
function sourceFor(ctx: CommandContext, input: ReportInput, registry: KeyRegistry | undefined, skips: FolderSkip[]): SubmissionSource {
  if (input.kind === 'workspace') {
    return {
      async *submissions() {
        // Read only: no lock, nothing written (a stale index is brought up to date in memory).
        const ws = await openWorkspace(input.dir);
        for (const notice of ws.notices) ctx.err(`scsa: ${ctx.t(notice.code, notice.params)}`);
        yield* currentSubmissions(ws, await loadIndex(ws));
      },
    };
  }
  const progress = progressLine((done, total) => ctx.t('report.progress', { done, total }));
  return folderSource(input.dir, {
    ...(registry ? { registry } : {}),
    onSkip: (skip) => skips.push(skip),
    onProgress: (done, total) => (done === total ? progress.clear() : progress.update(done, total)),
  });
}

/**
 * `scsa report --out FILE.xlsx|.csv|.zip|.pdf [--lang L] [--checklist ID@V] [--publishable]
 * [--group G,…] [--response-lang L,…] [--table ID] [--data DIR [--trust PUB.pem]] (--workspace DIR | --bundles DIR [--registry FILE])`:
 * the analysis for the thematic implementation report, in the language of --lang. Bundles that
 * fail verification are left out and named on stderr. Exit 0 written; 1 nothing could be read or
 * written; 2 wrong usage.
 */
export const run: CommandRun = async (ctx) => {
  // First: --checklist may name a version installed in the app.
  const unusable = await useInstalledPacks(ctx, 'report');
  if (unusable !== undefined) return unusable;
  const options = parseReportOptions(ctx);
  if ('key' in options) return usage(ctx, options.key, options.params);
  const registry = await registryOption(ctx);
  if (typeof registry === 'number') return registry;

  // The engines' own log lines would bury what the user must read.
  setLogSink(null);
  const skips: FolderSkip[] = [];
  const source = sourceFor(ctx, options.input, registry, skips);
  let report;
  try {
    report = await prepareReport({
      source,
      // The report's language is --lang (content); without it, the language of messages.
      language: typeof ctx.options.lang === 'string' && isLanguage(ctx.options.lang) ? ctx.options.lang : ctx.language,
      publishable: options.publishable,
      filters: { groups: options.groups, responseLanguages: options.responseLanguages },
      ...(options.checklist ? { checklist: options.checklist } : {}),
      ...(options.acrossVersions ? { acrossVersions: true } : {}),
    });
  } catch (err) {
    for (const skip of skips) ctx.err(describeSkip(ctx, skip));
    if (err instanceof AppError && err.code === 'analysis:errors.severalChecklists') return usage(ctx, 'report.severalChecklists', { list: String(err.params?.list ?? '') });
    return reportError(ctx, err);
  }
  for (const skip of skips) ctx.err(describeSkip(ctx, skip));
  for (const c of report.selection.conflicts) {
    ctx.err(ctx.t('report.conflict', { country: c.country, revision: c.submissionRevision, used: path.basename(c.used), ignored: path.basename(c.ignored) }));
  }
  if (report.leftOut > 0) ctx.err(ctx.t('report.leftOut', { number: report.leftOut }));
  tellUnknownVersions(ctx, report);
  if (options.format === 'csv' && (options.table === undefined || !tableIds(report).includes(options.table))) {
    return usage(ctx, options.table === undefined ? 'report.tableNeeded' : 'report.unknownTable', { table: options.table ?? '', list: tableIds(report).join(', ') });
  }

  let written;
  try {
    written = await writeReport(options.out, report, { format: options.format, ...(options.table ? { table: options.table } : {}), ...(options.paper ? { paper: options.paper } : {}) });
  } catch (err) {
    const reason = err instanceof AppError ? err.code : ((err as NodeJS.ErrnoException).code ?? 'error');
    ctx.err(`scsa: ${ctx.t('report.cannotWrite', { file: path.basename(options.out), reason })}`);
    return EXIT.failedCheck;
  }
  if (written.missingGlyphs && written.missingGlyphs.length > 0) ctx.err(ctx.t('report.missingGlyphs', { chars: written.missingGlyphs.join(' ') }));
  const counts = { file: path.basename(options.out), countries: report.model.participants.length, statistics: report.model.statisticsCount };
  ctx.out(ctx.t(written.pages === undefined ? 'report.written' : 'report.writtenPdf', { ...counts, tables: written.tables, pages: written.pages ?? 0 }));
  return EXIT.ok;
};

function reportError(ctx: CommandContext, err: unknown): number {
  if (!(err instanceof AppError)) throw err;
  const params = Object.fromEntries(Object.entries(err.params ?? {}).map(([k, v]) => [k, String(v)]));
  const key = err.code === 'drafts:errors.packNotFound' ? 'new.packNotFound' : err.code;
  ctx.err(`scsa: ${ctx.t(key, params)}`);
  if (err.code === 'drafts:errors.packNotFound') ctx.err(ctx.t('validate.packNotFoundHint'));
  return EXIT.failedCheck;
}

/**
 * Current submissions on a checklist version this command does not carry are left out (an analysis
 * across versions counts the newest version it knows): say which, and how to name the app's
 * installed versions, rather than let a smaller report pass for the whole.
 */
function tellUnknownVersions(ctx: CommandContext, report: PreparedReport): void {
  const unknown = checklistVersions(report.selection).filter((v) => !v.known);
  if (unknown.length === 0) return;
  const list = unknown.map((v) => `${v.id}@${v.version} (${v.countries})`).join(', ');
  ctx.err(ctx.t('report.unknownVersions', { list }));
}
