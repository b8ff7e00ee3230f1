import type { OptionSpec } from './commands/types';

/** A usage mistake, carried as an i18n key of the `cli` namespace plus its values. */
export class UsageError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string> = {},
  ) {
    super(key);
    this.name = 'UsageError';
  }
}

export interface ParsedLine {
  positionals: string[];
  options: Record<string, string | boolean>;
}

/**
 * Parse one command's arguments strictly against its option specs: `--name value`, `--name=value`,
 * `--flag`, `-h`, and `--` ending the options. Unknown flags and missing values are usage errors,
 * never guesses: a mistyped `--out` must not become a positional file name.
 */
export function parseLine(argv: readonly string[], specs: Readonly<Record<string, OptionSpec>>): ParsedLine {
  const positionals: string[] = [];
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      options.help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError('errors.unknownOption', { option: arg });
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    if (name === 'help') {
      options.help = true;
      continue;
    }
    const spec = Object.prototype.hasOwnProperty.call(specs, name) ? specs[name] : undefined;
    if (!spec) throw new UsageError('errors.unknownOption', { option: `--${name}` });
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw new UsageError('errors.noValueExpected', { option: `--${name}` });
      options[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError('errors.missingValue', { option: `--${name}`, value: spec.value ?? '' });
    }
    options[name] = value;
  }
  return { positionals, options };
}
