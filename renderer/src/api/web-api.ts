import { z } from 'zod';
import {
  API_METHODS,
  ApiErrorSchema,
  UPLOAD_NAMES,
  apiContract,
  uploadContract,
  type ApiMethod,
  type ApiResult,
  type RendererApi,
  type UploadApi,
  type UploadName,
} from '../../../core/api/contract';
import { createLogger } from '../log';
import { TOKEN_HEADER, postCall, takeEarlyResponse, tokenFromLocation } from './web-prefetch';

const log = createLogger('web-api');

export { TOKEN_HEADER, tokenFromLocation };

export interface WebApiOptions {
  token: string | null;
  /** Injected by tests; the page uses the browser's fetch. */
  fetch?: typeof fetch;
}

type AnyCall = (...args: unknown[]) => Promise<ApiResult<unknown>>;

const ErrorEnvelopeSchema = z.object({ ok: z.literal(false), error: ApiErrorSchema });

// Built on a method's first answer: building all of them up front delayed the page's first request.
const envelopes = new Map<ApiMethod, z.ZodType<ApiResult<unknown>>>();
function envelopeOf(method: ApiMethod): z.ZodType<ApiResult<unknown>> {
  let envelope = envelopes.get(method);
  if (!envelope) {
    envelope = z.union([z.object({ ok: z.literal(true), value: apiContract[method].output }), ErrorEnvelopeSchema]) as z.ZodType<ApiResult<unknown>>;
    envelopes.set(method, envelope);
  }
  return envelope;
}

const failure = (code: string): ApiResult<never> => ({ ok: false, error: { code } });

/**
 * The contract over HTTP, for pages served by the web test host: one POST per method to
 * `/api/<method>` with `{args}`; the answer is the same envelope the preload returns. Built from the
 * contract itself so a new method never needs a change here.
 */
export function createWebApi(options: WebApiOptions): RendererApi {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const call = (method: ApiMethod): AnyCall => async (...args) => {
    let response: Response;
    try {
      // A call the entry already made (the page's own fetch only, never an injected one) is taken over.
      response = await ((options.fetch ? undefined : takeEarlyResponse(method, args)) ?? postCall(doFetch, method, args, options.token));
    } catch (err) {
      log.warn(`${method}: host unreachable`, err instanceof Error ? err.message : err);
      return failure('errors.hostUnreachable');
    }
    if (response.status === 403) return failure('errors.forbidden');
    if (response.status !== 200) {
      log.warn(`${method}: HTTP ${response.status}`);
      // The host answers a refused payload with a translatable envelope (400 errors.badRequest);
      // anything else (a proxy page, a crash) means the service is not there for us.
      const refused = ErrorEnvelopeSchema.safeParse(await response.json().catch(() => null));
      return refused.success ? { ok: false, error: refused.data.error } : failure('errors.hostUnreachable');
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      log.error(`${method}: answer is not JSON`);
      return failure('errors.unexpected');
    }
    const parsed = envelopeOf(method).safeParse(body);
    if (!parsed.success) {
      log.error(`${method}: answer does not match the contract`, parsed.error.issues);
      return failure('errors.unexpected');
    }
    return parsed.data;
  };
  const api: Partial<Record<ApiMethod, AnyCall>> = {};
  for (const method of API_METHODS) api[method] = call(method);
  const uploads: Partial<Record<UploadName, (file: File, ...params: unknown[]) => Promise<ApiResult<unknown>>>> = {};
  for (const name of UPLOAD_NAMES) uploads[name] = uploader(doFetch, options.token, name);
  // Every method and upload of the contract was assigned just above, so the object is a complete RendererApi.
  return {
    ...(api as unknown as Omit<RendererApi, keyof UploadApi | 'downloadUrl'>),
    ...(uploads as unknown as UploadApi),
    downloadUrl: (ticket) => `/download/${ticket.token}/${encodeURIComponent(ticket.fileName)}`,
  };
}

/**
 * An upload is not JSON: `POST /api/upload/<name>` whose body is the call's other arguments as JSON
 * (their length in `x-params-length`) followed by the File itself, which the browser streams from
 * disk; the file's name URI-encoded in `x-file-name`, its type in `content-type` (web-host/file-route.ts).
 */
function uploader(doFetch: typeof fetch, token: string | null, name: UploadName) {
  const envelope = z.union([z.object({ ok: z.literal(true), value: uploadContract[name].output }), ErrorEnvelopeSchema]) as z.ZodType<ApiResult<unknown>>;
  return async (file: File, ...params: unknown[]): Promise<ApiResult<unknown>> => {
    const json = new TextEncoder().encode(JSON.stringify(params));
    let response: Response;
    try {
      response = await doFetch(`/api/upload/${name}`, {
        method: 'POST',
        headers: {
          'content-type': file.type || 'application/octet-stream',
          'x-file-name': encodeURIComponent(file.name),
          'x-params-length': String(json.length),
          [TOKEN_HEADER]: token ?? '',
        },
        body: new Blob([json, file]),
      });
    } catch (err) {
      log.warn(`${name}: host unreachable`, err instanceof Error ? err.message : err);
      return failure('errors.hostUnreachable');
    }
    if (response.status === 403) return failure('errors.forbidden');
    const parsed = envelope.safeParse(await response.json().catch(() => null));
    if (parsed.success) return parsed.data;
    log.warn(`${name}: HTTP ${response.status}, no envelope`);
    return failure(response.status === 200 ? 'errors.unexpected' : 'errors.hostUnreachable');
  };
}
