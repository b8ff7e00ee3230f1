import { z } from 'zod';
import {
  API_METHODS,
  ApiErrorSchema,
  AttachmentAddedSchema,
  BundleJobStartedSchema,
  apiContract,
  type ApiMethod,
  type ApiResult,
  type FileApi,
  type RendererApi,
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
  // Every method of the contract was assigned just above, so the object is a complete Api.
  return {
    ...(api as unknown as Omit<RendererApi, keyof FileApi>),
    addAttachment: uploader(doFetch, options.token),
    ...bundleFiles(doFetch, options.token),
  };
}

const CheckEnvelopeSchema = z.union([z.object({ ok: z.literal(true), value: BundleJobStartedSchema }), ErrorEnvelopeSchema]);
const LinkEnvelopeSchema = z.union([z.object({ ok: z.literal(true), value: z.object({ url: z.string().startsWith('/download/') }) }), ErrorEnvelopeSchema]);

/** POST to one of the web host's file routes (not JSON contract calls) and read its envelope. */
async function postFile<T>(doFetch: typeof fetch, route: string, init: RequestInit, schema: z.ZodType<ApiResult<T>>): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await doFetch(route, { method: 'POST', ...init });
  } catch (err) {
    log.warn(`${route}: host unreachable`, err instanceof Error ? err.message : err);
    return failure('errors.hostUnreachable');
  }
  if (response.status === 403) return failure('errors.forbidden');
  const parsed = schema.safeParse(await response.json().catch(() => null));
  if (parsed.success) return parsed.data;
  log.warn(`${route}: HTTP ${response.status}, no envelope`);
  return failure(response.status === 200 ? 'errors.unexpected' : 'errors.hostUnreachable');
}

/**
 * Bundles travel as files: a check sends the registry's bytes and then the bundle's as one body the
 * browser streams from disk (a Blob of the File); a download asks for a one-use address an
 * `<a download>` can fetch without the token header (see docs/web-host.md).
 */
function bundleFiles(doFetch: typeof fetch, token: string | null): Pick<FileApi, 'checkBundleFile' | 'submissionDownloadUrl'> {
  return {
    async checkBundleFile(file, registryText) {
      const registry = new TextEncoder().encode(registryText ?? '');
      return postFile(doFetch, '/api/check-bundle', {
        headers: { 'content-type': 'application/octet-stream', 'x-registry-length': String(registry.length), [TOKEN_HEADER]: token ?? '' },
        body: new Blob([registry, file]),
      }, CheckEnvelopeSchema);
    },
    async submissionDownloadUrl(assessmentId, fileName) {
      return postFile(doFetch, '/api/download-link', {
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token ?? '' },
        body: JSON.stringify({ assessmentId, fileName }),
      }, LinkEnvelopeSchema);
    },
  };
}

const UploadEnvelopeSchema = z.union([z.object({ ok: z.literal(true), value: AttachmentAddedSchema }), ErrorEnvelopeSchema]);

/**
 * Attachments are not JSON: the File itself is the body of `POST /api/upload/<id>` (the browser
 * streams it), its name URI-encoded in `x-file-name`, its type in `content-type`.
 */
function uploader(doFetch: typeof fetch, token: string | null): FileApi['addAttachment'] {
  return async (assessmentId, file) => {
    let response: Response;
    try {
      response = await doFetch('/api/upload/' + encodeURIComponent(assessmentId), {
        method: 'POST',
        headers: {
          'content-type': file.type || 'application/octet-stream',
          'x-file-name': encodeURIComponent(file.name),
          [TOKEN_HEADER]: token ?? '',
        },
        body: file,
      });
    } catch (err) {
      log.warn('addAttachment: host unreachable', err instanceof Error ? err.message : err);
      return failure('errors.hostUnreachable');
    }
    if (response.status === 403) return failure('errors.forbidden');
    const parsed = UploadEnvelopeSchema.safeParse(await response.json().catch(() => null));
    if (parsed.success) return parsed.data;
    log.warn(`addAttachment: HTTP ${response.status}, no envelope`);
    return failure(response.status === 200 ? 'errors.unexpected' : 'errors.hostUnreachable');
  };
}
