import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors';
import { AUTONYMS, isLanguage } from '../../core/i18n/languages';
import { isUnCountry } from '../../core/i18n/countries';
import { countryText } from '../country-text';
import { DEFAULT_PACK, findPack } from '../../core/checklist/registry';
import { newDraft } from '../../core/draft/create';
import { serializeDraft } from '../../core/store/read';
import { writeFileAtomic } from '../../core/fs/atomic';
import { EXIT } from '../exit-codes';
import type { CommandContext, CommandRun } from './types';

function usage(ctx: CommandContext, key: string, params: Record<string, string> = {}): number {
  ctx.err(`scsa: ${ctx.t(key, params)}`);
  ctx.err(ctx.t('usage.moreHelp', { command: 'scsa new --help' }));
  return EXIT.usage;
}

const option = (ctx: CommandContext, name: string): string | undefined => {
  const v = ctx.options[name];
  return typeof v === 'string' ? v : undefined;
};

/**
 * `scsa new --country ISO3 --lang L --out FILE [--pack ID@VERSION] [--force]`: a new, empty portable
 * draft for a UN Member State or observer State, answers to be written in L, on the default checklist unless named.
 * Written atomically; an existing file is kept unless --force.
 */
export const run: CommandRun = async (ctx) => {
  const country = option(ctx, 'country')?.toUpperCase();
  const lang = option(ctx, 'lang');
  const out = option(ctx, 'out');
  if (country === undefined) return usage(ctx, 'errors.missingOption', { option: '--country ISO3' });
  if (lang === undefined) return usage(ctx, 'errors.missingOption', { option: '--lang L' });
  if (out === undefined) return usage(ctx, 'errors.missingOption', { option: '--out FILE' });
  if (!isUnCountry(country)) return usage(ctx, 'new.badCountry', { value: country });
  if (!isLanguage(lang)) return usage(ctx, 'errors.badLanguage', { value: lang, list: 'ar, zh, en, fr, ru, es' });

  const packArg = option(ctx, 'pack');
  let ref = DEFAULT_PACK;
  if (packArg !== undefined) {
    const at = packArg.lastIndexOf('@');
    if (at <= 0 || at === packArg.length - 1) return usage(ctx, 'new.badPackRef', { value: packArg });
    ref = { id: packArg.slice(0, at), version: packArg.slice(at + 1) };
  }
  const loaded = findPack(ref);
  if (!loaded) return usage(ctx, 'new.packNotFound', { id: ref.id, version: ref.version });

  const file = path.resolve(out);
  if (ctx.options.force !== true && (await fs.lstat(file).catch(() => null))) {
    ctx.err(`scsa: ${ctx.t('new.exists', { file: out })}`);
    return EXIT.failedCheck;
  }
  const draft = newDraft({ countryCode: country, responseLanguage: lang }, loaded.pack);
  try {
    await writeFileAtomic(file, serializeDraft(draft));
  } catch (err) {
    const reason = err instanceof AppError ? err.code : ((err as NodeJS.ErrnoException).code ?? 'error');
    ctx.err(`scsa: ${ctx.t('new.cannotWrite', { file: out, reason })}`);
    return EXIT.failedCheck;
  }
  ctx.out(
    ctx.t('new.created', {
      file: out,
      country: countryText(country, ctx.language),
      pack: `${loaded.pack.id} ${loaded.pack.version}`,
      language: `${AUTONYMS[lang]} (${lang})`,
    }),
  );
  return EXIT.ok;
};
