import { notYetAvailable } from './not-yet';
import type { CommandRun } from './types';

// `scsa import`: filled in by the issue that delivers it (see docs/cli.md).
export const run: CommandRun = (ctx) => notYetAvailable(ctx, 'import');
