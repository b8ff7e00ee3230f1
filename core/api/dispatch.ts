import { apiContract, API_METHODS, type ApiError, type ApiHandlers, type ApiMethod, type ApiResult } from './contract';
import { AppError } from '../errors';
import { createLogger } from '../log';
import { depthWithin } from '../json/bounds';

/**
 * Deepest nesting of a call's arguments. The deepest real payload is a save: `[id, {item: answer}]`
 * around an answer of at most MAX_ANSWER_DEPTH (8) levels. Anything deeper is refused before zod,
 * whose recursive `z.json()` would overflow the stack on thousands of levels.
 */
export const MAX_PAYLOAD_DEPTH = 32;

/** `errors.tooDeep` when a payload (as parsed from JSON or received over IPC) nests beyond MAX_PAYLOAD_DEPTH; else null. */
export function payloadTooDeep(payload: unknown): ApiError | null {
  return depthWithin(payload, MAX_PAYLOAD_DEPTH) ? null : { code: 'errors.tooDeep', params: { limit: MAX_PAYLOAD_DEPTH } };
}

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
  const deep = payloadTooDeep(rawArgs);
  if (deep) {
    log.warn(`refused a payload for ${spec.channel} nested deeper than ${MAX_PAYLOAD_DEPTH} levels`);
    return { ok: false, error: deep };
  }
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
