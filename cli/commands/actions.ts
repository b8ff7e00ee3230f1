import { EXIT } from '../exit-codes';
import { commandUsage } from '../help';
import { findCommand } from './table';
import type { CommandRun } from './types';

/**
 * The run of a command with actions (`scsa pack`, `registry`, `review`: see table.ts). main.ts runs
 * the chosen action's own module, so this runs only if a line reaches the command without one: it
 * shows the actions and exits 2.
 */
export function showActions(name: string): CommandRun {
  return async (ctx) => {
    const spec = findCommand(name);
    if (spec) ctx.err(commandUsage(ctx.t, spec));
    return EXIT.usage;
  };
}
