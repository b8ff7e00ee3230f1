import { APP_VERSION } from '../core/version';
import { setLogSink } from '../core/log';
import { terminalText } from '../core/text/sanitize';
import { LANGUAGES } from '../core/i18n/languages';
import { EXIT } from './exit-codes';
import { chooseLanguage, createTranslator, withoutUiLang, type TFunction } from './i18n';
import { commandUsage, usageText } from './help';
import { findCommand } from './commands/table';
import { parseLine, UsageError } from './parse';
import type { CommandContext, CommandSpec } from './commands/types';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

function usageFailure(t: TFunction, io: Io, err: UsageError, help = 'scsa --help'): number {
  io.err(`scsa: ${t(err.key, err.params)}`);
  io.err(t('usage.moreHelp', { command: help }));
  return EXIT.usage;
}

/**
 * Run one `scsa` command line and return its exit code. Never throws for a user's mistake. Every
 * line goes out through `terminalText`: whatever a command prints, a control or bidi character that
 * came from a file reaches the terminal only as a visible escape.
 */
export async function main(rawArgv: readonly string[], env: NodeJS.ProcessEnv, rawIo: Io): Promise<number> {
  const io: Io = { out: (text) => rawIo.out(terminalText(text)), err: (text) => rawIo.err(terminalText(text)) };
  // The core's progress log lines are for the app's log; at a terminal they would bury the answer.
  // Warnings and errors still show, everything with SCSA_VERBOSE=1.
  const verbose = env.SCSA_VERBOSE === '1';
  setLogSink((line) => {
    if (verbose || !/^\S+ INFO \[/.test(line)) process.stderr.write(terminalText(line) + '\n');
  });
  const choice = chooseLanguage(rawArgv, env, (name) => findCommand(name)?.contentLanguage === true);
  const t = createTranslator(choice.language);
  if (choice.rejected && choice.rejected.source !== 'SCSA_LANG') {
    const { source, value } = choice.rejected;
    if (value === '') return usageFailure(t, io, new UsageError('errors.missingValue', { option: source, value: 'L' }));
    return usageFailure(t, io, new UsageError('errors.badLanguage', { value, list: LANGUAGES.join(', ') }));
  }
  if (choice.rejected) io.err(`scsa: ${t('errors.badLanguageEnv', { variable: 'SCSA_LANG', value: choice.rejected.value })}`);

  // Options before the command are global: --help, --version, --ui-lang (anywhere on the line, taken
  // out here), and --lang, its older spelling.
  const argv = withoutUiLang(rawArgv);
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') {
      io.out(usageText(t));
      return EXIT.ok;
    }
    if (arg === '--version' || arg === '-V') {
      io.out(APP_VERSION + '\n');
      return EXIT.ok;
    }
    if (arg === '--lang') i++;
    else if (arg.startsWith('--lang=')) continue;
    else if (arg.startsWith('-')) return usageFailure(t, io, new UsageError('errors.unknownOption', { option: arg }));
    else break;
  }
  const name = argv[i];
  if (name === undefined) {
    io.err(usageText(t));
    return usageFailure(t, io, new UsageError('errors.noCommand'));
  }
  if (name === 'help') {
    io.out(usageText(t));
    return EXIT.ok;
  }
  // A command with actions (`pack build`, `review send`) names the action after it.
  let spec: CommandSpec | undefined = findCommand(name);
  if (!spec) return usageFailure(t, io, new UsageError('errors.unknownCommand', { command: name }));
  let rest = argv.slice(i + 1);
  if (spec.subcommands) {
    const word = rest[0];
    if (word === '--help' || word === '-h') {
      io.out(commandUsage(t, spec));
      return EXIT.ok;
    }
    const words = spec.subcommands.map((s) => s.word).join('|');
    const help = `scsa ${spec.name} --help`;
    if (word === undefined) return usageFailure(t, io, new UsageError('errors.missingArgument', { name: words }), help);
    const action = spec.subcommands.find((s) => s.word === word);
    if (!action) return usageFailure(t, io, new UsageError('errors.unknownAction', { command: `scsa ${spec.name}`, value: word, list: words }), help);
    spec = action;
    rest = rest.slice(1);
  }

  let parsed;
  try {
    parsed = parseLine(rest, spec.options);
    if (parsed.options.help === true) {
      io.out(commandUsage(t, spec));
      return EXIT.ok;
    }
    const missing = spec.positionals[parsed.positionals.length];
    if (missing !== undefined) throw new UsageError('errors.missingArgument', { name: missing });
    const extra = parsed.positionals[spec.positionals.length];
    if (extra !== undefined && !spec.variadic) throw new UsageError('errors.extraArgument', { value: extra });
  } catch (err) {
    if (err instanceof UsageError) return usageFailure(t, io, err);
    throw err;
  }
  const command = await spec.load();
  const ctx: CommandContext = { ...parsed, language: choice.language, t, out: io.out, err: io.err };
  return command.run(ctx);
}
