import { EXIT } from '../exit-codes';
import { commandUsage } from '../help';
import { findCommand } from './table';
import type { CommandRun } from './types';

// `scsa pack` picks an action (build, check, diff, sign: see table.ts); main.ts runs the action's
// own module. This runs only if a line reaches the command without one: show the actions, exit 2.
export const run: CommandRun = async (ctx) => {
  const spec = findCommand('pack');
  if (spec) ctx.err(commandUsage(ctx.t, spec));
  return EXIT.usage;
};
