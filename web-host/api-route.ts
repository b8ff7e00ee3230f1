import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { ApiHandlers, ApiMethod, ApiResult } from '../core/api/contract';
import { dispatch, isApiMethod, payloadTooDeep } from '../core/api/dispatch';
import { MAX_DRAFT_BYTES } from '../core/draft/limits';

/** Largest request body accepted; the contract's payloads are small, so anything bigger is refused unread. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Methods that carry a whole document: a portable copy may hold up to MAX_DRAFT_BYTES characters of
 * text (contract), which JSON may spell in up to three bytes each.
 */
export const BODY_LIMITS: Readonly<Partial<Record<ApiMethod, number>>> = {
  importCopy: 3 * MAX_DRAFT_BYTES + MAX_BODY_BYTES,
  inspectCopy: 3 * MAX_DRAFT_BYTES + MAX_BODY_BYTES,
};

const BodySchema = z.object({ args: z.array(z.unknown()) });

export interface ApiReply {
  status: number;
  body: ApiResult<unknown>;
  headers?: Record<string, string>;
}

const fail = (status: number, code: string, headers?: Record<string, string>): ApiReply => ({
  status,
  body: { ok: false, error: { code } },
  ...(headers ? { headers } : {}),
});

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Answer one `POST /api/<method>` whose Host, Origin and token have already been checked: find the
 * method, read and parse `{"args": [...]}`, and return the core's envelope from `dispatch`.
 */
export async function handleApi(
  handlers: ApiHandlers,
  methodName: string,
  req: IncomingMessage,
): Promise<ApiReply> {
  if (!isApiMethod(methodName)) return fail(404, 'errors.notFound');
  if (req.method !== 'POST') return fail(405, 'errors.badRequest', { Allow: 'POST' });
  let text: string;
  try {
    text = await readBody(req, BODY_LIMITS[methodName] ?? MAX_BODY_BYTES);
  } catch (err) {
    if (err instanceof BodyTooLarge) return fail(413, 'errors.badRequest', { Connection: 'close' });
    return fail(400, 'errors.badRequest');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail(400, 'errors.badRequest');
  }
  // Refused before any schema walks it: a body nested thousands deep would overflow the stack.
  const deep = payloadTooDeep(json);
  if (deep) return { status: 400, body: { ok: false, error: deep } };
  const body = BodySchema.safeParse(json);
  if (!body.success) return fail(400, 'errors.badRequest');
  return { status: 200, body: await dispatch(handlers, methodName, body.data.args) };
}
