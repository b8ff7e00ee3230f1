import type { TFunction } from 'i18next';
import type { Language } from '../../core/i18n/languages';

/** One `--flag` a command accepts; `value` is the placeholder shown in help (L, DIR, FILE…). */
export interface OptionSpec {
  type: 'string' | 'boolean';
  value?: string;
}

/** What a command gets once its line has been parsed against its spec. */
export interface CommandContext {
  positionals: string[];
  options: Record<string, string | boolean>;
  /** Language of messages, from --ui-lang or SCSA_LANG (never a command's content --lang). */
  language: Language;
  t: TFunction;
  /** Results (stdout). */
  out(text: string): void;
  /** Messages (stderr). */
  err(text: string): void;
}

/** A command returns its exit code (see ../exit-codes). */
export type CommandRun = (ctx: CommandContext) => Promise<number>;

export interface CommandSpec {
  name: string;
  /** The line shown in help; flag names are never translated. */
  synopsis: string;
  options: Readonly<Record<string, OptionSpec>>;
  /** Names of the required positional arguments, in order. */
  positionals: readonly string[];
  /** More positional arguments may follow the required ones (e.g. several bundles). */
  variadic?: boolean;
  /** False until the issue that implements the command lands; help marks it. */
  available: boolean;
  /** `scsa <command> --help` adds the text `details.<name>` of cli.json (options, environment). */
  details?: boolean;
  /** Listed under "later" in help (import, report). */
  later?: boolean;
  /** Its `--lang L` is the language of what it makes (the outline, the draft's answers), never of messages. */
  contentLanguage?: boolean;
  /** Loaded only when run, so `scsa --help` never pays for PDF or crypto code. */
  load: () => Promise<{ run: CommandRun }>;
  /**
   * Actions of a command (`scsa pack build …`): the word after the command picks one, which then
   * has its own options and arguments. `name` of an action is its text key (`pack-build`).
   */
  subcommands?: readonly SubcommandSpec[];
}

/** One action of a command with actions; `word` is what the user types after the command. */
export interface SubcommandSpec extends CommandSpec {
  word: string;
}
