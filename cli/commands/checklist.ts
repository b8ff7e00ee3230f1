import { defaultPack } from '../../core/checklist/registry';
import { localize } from '../../core/checklist/localized';
import type { ChecklistItem } from '../../core/checklist/schema';
import { LANGUAGES, isLanguage } from '../../core/i18n/languages';
import { EXIT } from '../exit-codes';
import type { CommandRun } from './types';

function marks(item: ChecklistItem): string {
  const required = item.required === true || typeof item.required === 'string' ? ' *' : '';
  const skip = item.relevance ? ' †' : '';
  return required + skip;
}

/**
 * `scsa checklist [--lang L] [--json]`: the pack the app carries. `--json` prints the pack itself
 * (all six languages, for tools); otherwise a readable outline of sections and items in language L
 * (the messages around it follow --ui-lang / SCSA_LANG).
 */
export const run: CommandRun = async (ctx) => {
  const { pack, items } = defaultPack();
  if (ctx.options.json === true) {
    ctx.out(JSON.stringify(pack, null, 2));
    return EXIT.ok;
  }
  // The outline's language is --lang; without it, the language of messages.
  const chosen = ctx.options.lang;
  if (typeof chosen === 'string' && !isLanguage(chosen)) {
    ctx.err(`scsa: ${ctx.t('errors.badLanguage', { value: chosen, list: LANGUAGES.join(', ') })}`);
    ctx.err(ctx.t('usage.moreHelp', { command: 'scsa checklist --help' }));
    return EXIT.usage;
  }
  const lng = typeof chosen === 'string' ? chosen : ctx.language;
  const text = (t: Parameters<typeof localize>[0]) => localize(t, lng).text;
  const lines: string[] = [
    text(pack.title),
    ctx.t('checklist.header', { id: pack.id, version: pack.version, sections: pack.sections.length, items: items.size }),
    '',
  ];
  for (const section of pack.sections) {
    lines.push(`${section.id}. ${text(section.title)}`);
    for (const item of section.items) {
      lines.push(`  ${item.id}  ${text(item.text).replace(/\s+/g, ' ')}  [${ctx.t(`checklist.types.${item.type}`)}]${marks(item)}`);
    }
    lines.push('');
  }
  lines.push(ctx.t('checklist.legendRequired'), ctx.t('checklist.legendSkip'));
  ctx.out(lines.join('\n'));
  return EXIT.ok;
};
