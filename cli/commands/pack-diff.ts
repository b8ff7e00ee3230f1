import { AppError } from '../../core/errors';
import { localize } from '../../core/checklist/localized';
import { diffPacks, type DiffEntry } from '../../core/packs/diff';
import { EXIT } from '../exit-codes';
import { reportAppError } from './passphrase';
import { loadPackArgument } from './pack-input';
import type { CommandContext, CommandRun } from './types';

/** The longest question shown on a line; the rest is in --json. */
const TITLE_CHARS = 70;

function shorten(text: string): string {
  const flat = [...text.replace(/\s+/g, ' ').trim()];
  return flat.length <= TITLE_CHARS ? flat.join('') : `${flat.slice(0, TITLE_CHARS - 1).join('')}…`;
}

function describe(ctx: CommandContext, e: DiffEntry): string {
  const ids = e.oldId && e.newId && e.oldId !== e.newId ? `${e.oldId} → ${e.newId}` : (e.newId ?? e.oldId ?? '');
  const details: string[] = [];
  if (e.fromSection && e.toSection && e.fromSection !== e.toSection) details.push(ctx.t('packDiff.section', { from: e.fromSection, to: e.toSection }));
  if (e.languages) details.push(ctx.t('packDiff.languages', { list: e.languages.join(', ') }));
  if (e.fromType && e.toType) details.push(`${ctx.t(`checklist.types.${e.fromType}`)} → ${ctx.t(`checklist.types.${e.toType}`)}`);
  if (e.renamed) details.push(ctx.t('packDiff.renamed', { list: e.renamed.join(', ') }));
  const title = shorten(localize(e.title, ctx.language).text);
  const note = e.note ? `\n      ${localize(e.note, ctx.language).text}` : '';
  return `  ${ctx.t(`packs:diff.${e.change}`)}: ${ids}${details.length > 0 ? ` (${details.join('; ')})` : ''}\n      ${title}${note}`;
}

/**
 * `scsa pack diff OLD NEW [--json]`: what changed between two versions, item by item. OLD and NEW
 * are pack.json files, *.scsa-pack files or ID@VERSION of packs the app carries. Exit 0 whatever
 * the differences; 1 when a pack cannot be read.
 */
export const run: CommandRun = async (ctx) => {
  const [oldArg, newArg] = ctx.positionals as [string, string];
  let diff;
  try {
    diff = diffPacks(await loadPackArgument(oldArg), await loadPackArgument(newArg));
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return reportAppError(ctx, err);
  }
  if (ctx.options.json === true) {
    ctx.out(JSON.stringify(diff, null, 2));
    return EXIT.ok;
  }
  ctx.out(ctx.t('packDiff.header', { from: `${diff.from.id} ${diff.from.version}`, to: `${diff.to.id} ${diff.to.version}` }));
  ctx.out(ctx.t(diff.viaMigrations ? 'packDiff.viaMigrations' : 'packDiff.byId'));
  if (diff.entries.length === 0) {
    ctx.out(ctx.t('packDiff.none'));
    return EXIT.ok;
  }
  for (const e of diff.entries) ctx.out(describe(ctx, e));
  ctx.out(ctx.t('packDiff.summary', diff.counts));
  return EXIT.ok;
};
