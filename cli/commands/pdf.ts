import { readDraftFile } from './read-draft';
import { useInstalledPacks } from './data-option';
import path from 'node:path';
import { AppError } from '../../core/errors';
import { setLogSink } from '../../core/log';
import { writeFileAtomic } from '../../core/fs/atomic';
import { describeWarnings, reportModelFromDraft } from '../../core/pdf/from-draft';
import { renderReport } from '../../core/pdf/report';
import { PaperSchema } from '../../core/pdf/report-model';
import { EXIT } from '../exit-codes';
import { progressLine } from './progress-line';
import type { CommandContext, CommandRun } from './types';

function usage(ctx: CommandContext, key: string, params: Record<string, string> = {}): number {
  ctx.err(`scsa: ${ctx.t(key, params)}`);
  ctx.err(ctx.t('usage.moreHelp', { command: 'scsa pdf --help' }));
  return EXIT.usage;
}

const option = (ctx: CommandContext, name: string): string | undefined => {
  const v = ctx.options[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

/**
 * `scsa pdf DRAFT --out FILE [--paper a4|letter]`: the PDF report of a portable draft
 * (`*.scsa.json`), marked as a draft, in the draft's response language. Messages and warnings
 * (characters without a glyph, answers shortened) come in the message language on stderr.
 * Exit 0 written, 1 the draft cannot be read or its checklist is unknown, 2 wrong usage.
 */
export const run: CommandRun = async (ctx) => {
  const draftFile = ctx.positionals[0] as string;
  const out = option(ctx, 'out');
  if (out === undefined) return usage(ctx, 'errors.missingOption', { option: '--out FILE' });
  const paperText = option(ctx, 'paper') ?? 'a4';
  const paper = PaperSchema.safeParse(paperText.toLowerCase());
  if (!paper.success) return usage(ctx, 'pdf.badPaper', { value: paperText });

  const unusable = await useInstalledPacks(ctx, 'pdf');
  if (unusable !== undefined) return unusable;
  const read = await readDraftFile(ctx, draftFile);
  if (typeof read === 'number') return read;
  const { draft, loaded } = read;

  // The engine's own log lines (fonts loaded, timings) would bury the warnings a user must read.
  setLogSink(null);
  const model = reportModelFromDraft(draft, loaded.pack, { status: 'draft', paper: paper.data });
  const progress = progressLine((done, total) => ctx.t('pdf.progress', { done, total }));
  const rendered = await renderReport(model, { onProgress: (done, total) => progress.update(done, total) }).finally(() => progress.clear());
  for (const line of describeWarnings(rendered.warnings, ctx.language)) ctx.err(line);

  try {
    await writeFileAtomic(path.resolve(out), rendered.bytes);
  } catch (err) {
    const reason = err instanceof AppError ? err.code : ((err as NodeJS.ErrnoException).code ?? 'error');
    ctx.err(`scsa: ${ctx.t('pdf.cannotWrite', { file: out, reason })}`);
    return EXIT.failedCheck;
  }
  ctx.out(ctx.t('pdf.written', { file: out, pages: rendered.pages }));
  return EXIT.ok;
};
