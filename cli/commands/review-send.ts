import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors';
import { IsoDateSchema } from '../../core/draft/answers';
import { attachmentFile } from '../../core/store/attachments';
import { companionAttachmentsDir } from '../../core/store/portable';
import { buildReviewRequest } from '../../core/review/request';
import { writeReviewCopy } from '../../core/review/copy-file';
import { EXIT } from '../exit-codes';
import { reportAppError } from './passphrase';
import { readDraftFile } from './read-draft';
import type { CommandContext, CommandRun } from './types';

function usage(ctx: CommandContext, key: string, params: Record<string, string> = {}): number {
  ctx.err(`scsa: ${ctx.t(key, params)}`);
  ctx.err(ctx.t('usage.moreHelp', { command: 'scsa review send --help' }));
  return EXIT.usage;
}

const option = (ctx: CommandContext, name: string): string | undefined => {
  const v = ctx.options[name];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
};

/**
 * `scsa review send DRAFT --to INSTITUTION [--name N] [--sections A,B] [--due DATE] [--message M]
 * [--no-attachments] --out FILE`: write a review copy (`*.scsa-review`) of a portable draft for
 * another institution, with the attachments from the draft's `*.scsa-attachments/` folder unless
 * --no-attachments. The copy carries the base revision that `scsa review merge` compares with.
 */
export const run: CommandRun = async (ctx) => {
  const draftFile = ctx.positionals[0] as string;
  const to = option(ctx, 'to');
  const out = option(ctx, 'out');
  if (to === undefined) return usage(ctx, 'errors.missingOption', { option: '--to INSTITUTION' });
  if (out === undefined) return usage(ctx, 'errors.missingOption', { option: '--out FILE' });
  const due = option(ctx, 'due');
  if (due !== undefined && !IsoDateSchema.safeParse(due).success) return usage(ctx, 'reviewSend.badDate', { value: due });
  const sectionsArg = option(ctx, 'sections');
  const sections = sectionsArg?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (sectionsArg !== undefined && sections?.length === 0) return usage(ctx, 'errors.missingValue', { option: '--sections', value: 'A,B' });

  const read = await readDraftFile(ctx, draftFile);
  if (typeof read === 'number') return read;
  const { draft, loaded } = read;
  let request;
  try {
    request = buildReviewRequest(draft, loaded.pack, {
      to: { institution: to, ...(option(ctx, 'name') ? { name: option(ctx, 'name') as string } : {}) },
      ...(sections ? { scope: [...new Set(sections)] } : {}),
      ...(due !== undefined ? { dueDate: due } : {}),
      ...(option(ctx, 'message') ? { message: option(ctx, 'message') as string } : {}),
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'review:errors.unknownSection') return usage(ctx, err.code, err.params as Record<string, string>);
    return reportAppError(ctx, err);
  }

  const file = path.resolve(out);
  if (await fs.lstat(file).catch(() => null)) {
    ctx.err(`scsa: ${ctx.t('reviewSend.exists', { file: out })}`);
    return EXIT.failedCheck;
  }
  const withFiles = ctx.options['no-attachments'] !== true;
  const dir = companionAttachmentsDir(path.resolve(draftFile));
  try {
    const written = await writeReviewCopy(file, request, withFiles ? (sha256) => attachmentFile(dir, sha256) : undefined);
    ctx.out(ctx.t('reviewSend.written', { file: out, institution: request.to.institution, revision: request.base.revision }));
    ctx.out(ctx.t('reviewSend.reviewId', { id: request.reviewId }));
    ctx.out(request.scope === 'all' ? ctx.t('reviewSend.sectionsAll') : ctx.t('reviewSend.sections', { list: request.scope.join(', ') }));
    if (request.dueDate) ctx.out(ctx.t('reviewSend.due', { date: request.dueDate }));
    if (draft.attachments.length > 0) ctx.out(withFiles ? ctx.t('reviewSend.attachments', { count: written.attachments }) : ctx.t('reviewSend.noAttachments'));
    return EXIT.ok;
  } catch (err) {
    if (err instanceof AppError) return reportAppError(ctx, err);
    ctx.err(`scsa: ${ctx.t('new.cannotWrite', { file: out, reason: (err as NodeJS.ErrnoException).code ?? 'error' })}`);
    return EXIT.failedCheck;
  }
};
