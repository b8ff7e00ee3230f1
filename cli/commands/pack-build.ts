import path from 'node:path';
import { AppError } from '../../core/errors';
import { writeFileAtomic } from '../../core/fs/atomic';
import { loadPack } from '../../core/checklist/load';
import { buildPackFromSource } from '../../core/packs/source-build';
import { EXIT } from '../exit-codes';
import { reportAppError } from './passphrase';
import { option, usage } from './pack-input';
import type { CommandRun } from './types';

/**
 * `scsa pack build SRC_DIR --out FILE`: assemble pack.json from its per-language sources (the layout
 * of core/checklist/packs/src/). A pack that does not load is not written; missing translations are
 * allowed (the file is written, and counted: `scsa pack check` lists them).
 */
export const run: CommandRun = async (ctx) => {
  const src = ctx.positionals[0] as string;
  const out = option(ctx, 'out');
  if (out === undefined) return usage(ctx, 'pack build', 'errors.missingOption', { option: '--out FILE' });
  try {
    const built = await buildPackFromSource(path.resolve(src));
    const loaded = loadPack(built.pack, 'lenient');
    await writeFileAtomic(path.resolve(out), built.text);
    const { pack, items, translationGaps } = loaded;
    ctx.out(
      ctx.t('packBuild.written', { file: out, id: pack.id, version: pack.version, sections: pack.sections.length, items: items.size, languages: built.languages.join(', ') }),
    );
    if (translationGaps.length > 0) ctx.err(ctx.t('packBuild.gaps', { count: translationGaps.length, command: `scsa pack check ${out}` }));
    return EXIT.ok;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    reportAppError(ctx, err);
    ctx.err(ctx.t('packBuild.notWritten', { file: out }));
    return EXIT.failedCheck;
  }
};
