import { loadRegistry, type KeyRegistry } from '../../core/bundle/registry';
import { EXIT } from '../exit-codes';
import { reportAppError } from './passphrase';
import type { CommandContext } from './types';

/**
 * The key registry named by `--registry FILE`: undefined without the option, or the exit code after
 * the reason is printed when the file cannot be used (bad usage, not a failed check).
 */
export async function registryOption(ctx: CommandContext): Promise<KeyRegistry | undefined | number> {
  const registryFile = ctx.options.registry;
  if (typeof registryFile !== 'string') return undefined;
  try {
    return await loadRegistry(registryFile);
  } catch (err) {
    reportAppError(ctx, err);
    return EXIT.usage;
  }
}
