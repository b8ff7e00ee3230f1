import { apiContract, API_METHODS, uploadContract, UPLOAD_NAMES, type ApiHandlers, type ApiMethod, type UploadHandlers, type UploadName } from './contract';
import type { ApiError, ApiResult, IncomingFile } from './common';
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

export function isUploadName(name: unknown): name is UploadName {
  return typeof name === 'string' && (UPLOAD_NAMES as string[]).includes(name);
}

function failure(channel: string, err: unknown): ApiResult<never> {
  if (err instanceof AppError) return { ok: false, error: err.toApiError() };
  log.error(`${channel} failed`, err);
  return { ok: false, error: { code: 'errors.unexpected' } };
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
    return failure(spec.channel, err);
  }
}

/**
 * Run one upload from an untrusted transport, as `dispatch` runs a call: the arguments checked
 * against the upload's description, the core handed the file, the same envelope back. The file is
 * released exactly once, by the core when it is done with it, or here when the call never reaches it.
 */
export async function dispatchUpload(handlers: UploadHandlers, name: UploadName, rawParams: unknown, file: IncomingFile): Promise<ApiResult<unknown>> {
  const spec = uploadContract[name];
  let released = false;
  const once: IncomingFile = {
    name: file.name,
    mediaType: file.mediaType,
    stream: () => file.stream(),
    path: () => file.path(),
    release: () => {
      if (released) return;
      released = true;
      file.release();
    },
  };
  const deep = payloadTooDeep(rawParams);
  if (deep) {
    once.release();
    return { ok: false, error: deep };
  }
  const parsed = spec.params.safeParse(rawParams);
  if (!parsed.success) {
    once.release();
    log.warn(`refused malformed payload for ${spec.channel}`, parsed.error.issues.map((i) => i.message));
    return { ok: false, error: { code: 'errors.badRequest' } };
  }
  try {
    const handler = handlers[name] as (file: IncomingFile, ...args: unknown[]) => Promise<unknown>;
    return { ok: true, value: await handler(once, ...(parsed.data as unknown[])) };
  } catch (err) {
    once.release();
    return failure(spec.channel, err);
  }
}
