import { readDraftFile } from './read-draft';
import { useInstalledPacks } from './data-option';
import { problemMessage } from '../../core/draft/problem-message';
import { validateDraft, type DraftProblem } from '../../core/draft/validate';
import { EXIT } from '../exit-codes';
import type { CommandRun } from './types';

/**
 * `scsa validate DRAFT [--data DIR] [--trust PUB.pem]`: exit 0 when the draft is complete; exit 1 with one line per problem
 * ("item id — problem", in the message language) when it is not, and exit 1 with one clear sentence
 * when the file cannot be read as a draft.
 */
export const run: CommandRun = async (ctx) => {
  const file = ctx.positionals[0] as string;
  const unusable = await useInstalledPacks(ctx, 'validate');
  if (unusable !== undefined) return unusable;
  const read = await readDraftFile(ctx, file);
  if (typeof read === 'number') return read;
  const { draft, loaded } = read;
  const problems = validateDraft(draft, loaded.pack);
  // An answer to an item the checklist no longer has is kept and mentioned, but does not make a draft incomplete.
  const blocking = problems.filter((p) => p.problem !== 'unknownItem');
  const line = (p: DraftProblem) => `  ${p.itemId} — ${problemMessage(p, ctx.language, ctx.t)}`;
  if (blocking.length === 0) {
    ctx.out(ctx.t('validate.complete', { file }));
    for (const p of problems) ctx.err(line(p));
    return EXIT.ok;
  }
  ctx.out(ctx.t('validate.incomplete', { file, count: blocking.length }));
  ctx.out(problems.map(line).join('\n'));
  return EXIT.failedCheck;
};
