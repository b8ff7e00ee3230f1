import { EXIT } from '../exit-codes';
import type { CommandContext } from './types';

/** The answer of a command whose issue has not landed yet: say so, exit 2. */
export async function notYetAvailable(ctx: CommandContext, command: string): Promise<number> {
  ctx.err(`scsa: ${ctx.t('errors.notYetAvailable', { command: `scsa ${command}` })}`);
  return EXIT.usage;
}
