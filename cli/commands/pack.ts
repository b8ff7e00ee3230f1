import { notYetAvailable } from './not-yet';
import type { CommandRun } from './types';

// `scsa pack`: filled in by the issue that delivers it (see docs/cli.md).
export const run: CommandRun = (ctx) => notYetAvailable(ctx, 'pack');
