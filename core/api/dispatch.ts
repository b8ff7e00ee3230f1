import { apiContract, API_METHODS, type ApiHandlers, type ApiMethod, type ApiResult } from './contract';
import { AppError } from '../errors';
import { createLogger } from '../log';

const log = createLogger('dispatch');

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (API_METHODS as string[]).includes(name);
}

/**
 * Run one API call from an untrusted transport (IPC or HTTP): check the arguments against the
 * contract, call the core, and turn any failure into a translatable error envelope.
 */
export async function dispatch(handlers: ApiHandlers, method: ApiMethod, rawArgs: unknown): Promise<ApiResult<unknown>> {
  const spec = apiContract[method];
  const parsed = spec.input.safeParse(rawArgs);
  if (!parsed.success) {
    log.warn(`refused malformed payload for ${spec.channel}`, parsed.error.issues.map((i) => i.message));
    return { ok: false, error: { code: 'errors.badRequest' } };
  }
  try {
    const handler = handlers[method] as (...args: unknown[]) => Promise<unknown>;
    const value = await handler(...(parsed.data as unknown[]));
    return { ok: true, value };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: err.toApiError() };
    log.error(`${spec.channel} failed`, err);
    return { ok: false, error: { code: 'errors.unexpected' } };
  }
}
