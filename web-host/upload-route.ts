import type { IncomingMessage } from 'node:http';
import type { AttachmentHandler } from '../core/api/contract';
import { dispatchAttachment } from '../core/api/attachments';
import { AssessmentIdSchema } from '../core/draft/schema';
import { createLogger } from '../core/log';
import type { ApiReply } from './api-route';

const log = createLogger('web-upload');

/** `POST /api/upload/<assessmentId>`, the file as the body: what `web-api.ts` sends. */
export const UPLOAD_PREFIX = '/api/upload/';
/** `POST /api/addAttachment` with the assessment id in `x-scsa-assessment`: the same upload, id in a header. */
export const UPLOAD_PATH = '/api/addAttachment';
/** The URI-encoded file name (either header is accepted); the media type travels in `content-type`. */
export const FILE_NAME_HEADERS = ['x-file-name', 'x-scsa-file-name'] as const;
export const ASSESSMENT_HEADER = 'x-scsa-assessment';

/** Whether `pathname` is one of the upload routes. */
export function isUploadPath(pathname: string): boolean {
  return pathname === UPLOAD_PATH || pathname.startsWith(UPLOAD_PREFIX);
}

const fail = (status: number, code: string, headers?: Record<string, string>): ApiReply => ({
  status,
  body: { ok: false, error: { code } },
  ...(headers ? { headers } : {}),
});

function decode(raw: string | string[] | undefined, maxChars: number): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > maxChars * 12) return null;
  try {
    const value = decodeURIComponent(raw);
    return value.length > 0 && value.length <= maxChars ? value : null;
  } catch {
    return null;
  }
}

/** Read and discard what the client still sends, so that it reads our answer rather than a reset connection. */
async function drain(req: IncomingMessage): Promise<void> {
  if (req.readableEnded || req.destroyed) return;
  await new Promise<void>((resolve) => {
    req.once('end', resolve).once('close', resolve).once('error', () => resolve());
    req.resume();
  });
}

/**
 * Answer one upload whose Host, Origin and token have already been checked. The body goes to the
 * core as a stream (never gathered in memory); the core hashes it, enforces the size limit and
 * answers with the usual envelope. Malformed details are refused with 400 before the body is used.
 */
export async function handleUpload(addAttachment: AttachmentHandler | undefined, pathname: string, req: IncomingMessage): Promise<ApiReply> {
  if (!addAttachment) {
    await drain(req);
    return fail(404, 'errors.notFound');
  }
  if (req.method !== 'POST') {
    await drain(req);
    return fail(405, 'errors.badRequest', { Allow: 'POST' });
  }
  const rawId = pathname === UPLOAD_PATH ? req.headers[ASSESSMENT_HEADER] : pathname.slice(UPLOAD_PREFIX.length);
  const id = decode(rawId, 64);
  const name = decode(req.headers[FILE_NAME_HEADERS[0]] ?? req.headers[FILE_NAME_HEADERS[1]], 1024);
  if (id === null || !AssessmentIdSchema.safeParse(id).success || name === null) {
    log.warn('refused an upload without a valid assessment id or file name');
    await drain(req);
    return fail(400, 'errors.badRequest');
  }
  const mediaType = (req.headers['content-type'] ?? '').slice(0, 200);
  // The request stays open if the core stops early (too large): the drain below reads the rest.
  const stream = req.iterator({ destroyOnReturn: false });
  const result = await dispatchAttachment(addAttachment, id, { stream, name, mediaType });
  await drain(req);
  return { status: 200, body: result };
}
