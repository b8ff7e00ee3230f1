import { LANGUAGES } from '../core/i18n/languages';
import type { TFunction } from './i18n';
import { COMMANDS } from './commands/table';
import type { CommandSpec } from './commands/types';

/** Column of the descriptions; a longer synopsis puts its description on the next line instead. */
const MAX_COLUMN = 40;

function row(left: string, text: string, width: number): string {
  if (left.length + 1 > width) return `  ${left}\n  ${' '.repeat(width)}${text}`;
  return `  ${left}${' '.repeat(width - left.length)}${text}`;
}

function commandLine(t: TFunction, c: CommandSpec, width: number): string {
  const mark = c.available ? '' : ` (${t('usage.notYet')})`;
  const own = row(c.synopsis, `${t(`commands.${c.name}`)}${mark}`, width);
  // A command with actions lists each, indented under it.
  const actions = (c.subcommands ?? []).map((s) => row(`  ${s.synopsis}`, t(`commands.${s.name}`), width));
  return [own, ...actions].join('\n');
}

/** The whole `scsa --help` text. Synopses and flags stay as typed; descriptions are translated. */
export function usageText(t: TFunction): string {
  const now = COMMANDS.filter((c) => !c.later);
  const later = COMMANDS.filter((c) => c.later);
  const width = Math.min(MAX_COLUMN, Math.max(...COMMANDS.map((c) => c.synopsis.length)) + 3);
  const flags: Array<[string, string]> = [
    ['--ui-lang L', t('options.uiLang', { list: LANGUAGES.join(', ') })],
    ['--lang L', t('options.lang', { list: LANGUAGES.join(', ') })],
    ['--help, -h', t('options.help')],
    ['--version', t('options.version')],
  ];
  return [
    `${t('usage.label')} scsa <command> [options]`,
    '',
    t('usage.intro'),
    '',
    t('usage.commands'),
    ...now.map((c) => commandLine(t, c, width)),
    '',
    // Once every command of the design has landed, no empty "Planned:" heading.
    ...(later.length > 0 ? [t('usage.later'), ...later.map((c) => commandLine(t, c, width)), ''] : []),
    t('usage.options'),
    ...flags.map(([flag, text]) => row(flag, text, width)),
    '',
    t('usage.exitCodes'),
    t('usage.environment', { variable: 'SCSA_LANG' }),
    '',
  ].join('\n');
}

/** `scsa <command> --help`: the command's own line. */
export function commandUsage(t: TFunction, c: CommandSpec): string {
  const mark = c.available ? '' : ` (${t('usage.notYet')})`;
  const details = c.details ? `\n${t(`details.${c.name}`)}\n` : '';
  const width = Math.min(MAX_COLUMN, Math.max(0, ...(c.subcommands ?? []).map((s) => s.synopsis.length)) + 3);
  const actions = c.subcommands ? `\n${c.subcommands.map((s) => row(`scsa ${s.synopsis}`, t(`commands.${s.name}`), width + 5)).join('\n')}\n` : '';
  return `${t('usage.label')} scsa ${c.synopsis}\n\n${t(`commands.${c.name}`)}${mark}\n${actions}${details}`;
}
