/**
 * Every upload of the contract (`uploadContract`) and every download ticket, over HTTP, checked once:
 * - `POST /api/upload/<name>`: the body is the call's other arguments as JSON (its length in
 *   `x-params-length`), then the file's bytes; the file's name URI-encoded in `x-file-name`, its type
 *   in `content-type`. The file goes to the core as a stream, or — for an upload whose core reads it
 *   in ranges (`needsFile`) — spooled into a temp file of its own, removed once the core releases it.
 * - `GET /download/<token>/<file name>`: a file a contract method gave a one-use ticket for.
 * Host, Origin (and for uploads the token) are checked by the server before these run.
 */
import { createWriteStream, promises as fs } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { uploadContract, type ApiResult, type IncomingFile, type UploadHandlers } from '../core/api/contract';
import { dispatchUpload, isUploadName } from '../core/api/dispatch';
import { parseDownloadPath, type OpenedDownload } from '../core/api/downloads';
import { createLogger } from '../core/log';
import type { ApiReply } from './api-route';
import { SECURITY_HEADERS } from './security';

const log = createLogger('web-files');

export const UPLOAD_PREFIX = '/api/upload/';
export const DOWNLOAD_PREFIX = '/download/';
export const PARAMS_LENGTH_HEADER = 'x-params-length';
export const FILE_NAME_HEADER = 'x-file-name';

class TooLarge extends Error {}

const fail = (status: number, code: string, headers?: Record<string, string>, params?: Record<string, string | number>): ApiReply => ({
  status,
  body: { ok: false, error: params ? { code, params } : { code } },
  ...(headers ? { headers } : {}),
});

/** Read and discard what the client still sends, so that it reads our answer rather than a reset connection. */
export async function drain(req: IncomingMessage): Promise<void> {
  if (req.readableEnded || req.destroyed) return;
  await new Promise<void>((resolve) => {
    req.once('end', resolve).once('close', resolve).once('error', () => resolve());
    req.resume();
  });
}

function decodeName(raw: string | string[] | undefined): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 255 * 12) return null;
  try {
    const value = decodeURIComponent(raw);
    return value.length > 0 && value.length <= 1024 ? value : null;
  } catch {
    return null;
  }
}

/** Split the body: the leading `paramsLength` bytes are the arguments' JSON, the rest the file (bounded). */
async function* fileBytes(req: IncomingMessage, paramsLength: number, maxBytes: number, params: Buffer[]): AsyncGenerator<Buffer> {
  let paramsSeen = 0;
  let fileSeen = 0;
  for await (const raw of req.iterator({ destroyOnReturn: false })) {
    let chunk = raw as Buffer;
    if (paramsSeen < paramsLength) {
      const take = Math.min(paramsLength - paramsSeen, chunk.length);
      params.push(chunk.subarray(0, take));
      paramsSeen += take;
      chunk = chunk.subarray(take);
    }
    if (chunk.length === 0) continue;
    fileSeen += chunk.length;
    if (fileSeen > maxBytes) throw new TooLarge();
    yield chunk;
  }
}

/** Answer one `POST /api/upload/<name>` with the core's envelope. */
export async function handleUpload(uploads: UploadHandlers, pathname: string, req: IncomingMessage): Promise<ApiReply> {
  const name = pathname.slice(UPLOAD_PREFIX.length);
  if (!isUploadName(name)) {
    await drain(req);
    return fail(404, 'errors.notFound');
  }
  const spec = uploadContract[name];
  if (req.method !== 'POST') {
    await drain(req);
    return fail(405, 'errors.badRequest', { Allow: 'POST' });
  }
  const rawLength = req.headers[PARAMS_LENGTH_HEADER] ?? '0';
  const paramsLength = typeof rawLength === 'string' && /^[0-9]{1,9}$/.test(rawLength) ? Number(rawLength) : NaN;
  const fileName = decodeName(req.headers[FILE_NAME_HEADER]);
  if (!Number.isInteger(paramsLength) || paramsLength > spec.maxParamsBytes || fileName === null) {
    log.warn(`refused an upload to ${name}: bad arguments length or file name`);
    await drain(req);
    return fail(400, 'errors.badRequest');
  }
  const mediaType = (req.headers['content-type'] ?? '').slice(0, 200);
  const paramChunks: Buffer[] = [];
  const readParams = (): unknown => {
    if (paramsLength === 0) return [];
    try {
      return JSON.parse(Buffer.concat(paramChunks).toString('utf8'));
    } catch {
      return null;
    }
  };
  if (!spec.needsFile) {
    // The arguments come first in the body: read and check them, then hand the rest over as the file's stream.
    const bytes = fileBytes(req, paramsLength, spec.maxBytes, paramChunks);
    const first = paramsLength > 0 ? await bytes.next().catch(() => null) : null;
    // The rest of the body is read and dropped through the same reader (a second reader would wait forever).
    const discard = async () => {
      try {
        for await (const chunk of bytes) void chunk;
      } catch {
        // too large: nothing more to keep
      }
      // The reader may have been closed early (the core stopped at its size limit): read what is left.
      await drain(req);
    };
    if (!spec.params.safeParse(readParams()).success) {
      log.warn(`refused an upload to ${name}: malformed arguments`);
      await discard();
      return fail(400, 'errors.badRequest');
    }
    const file: IncomingFile = {
      name: fileName,
      mediaType,
      async *stream() {
        if (first && !first.done) yield first.value;
        yield* bytes;
      },
      path: () => Promise.reject(new Error('this upload is a stream')),
      release: () => undefined,
    };
    const reply = await dispatchUpload(uploads, name, readParams(), file);
    await discard();
    return { status: 200, body: reply };
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-upload-'));
  const remove = () => {
    fs.rm(dir, { recursive: true, force: true }).catch((err: unknown) => log.error('temp folder not removed', err));
  };
  const spooled = path.join(dir, 'file');
  try {
    await pipeline(fileBytes(req, paramsLength, spec.maxBytes, paramChunks), createWriteStream(spooled, { flags: 'wx', mode: 0o600 }));
  } catch (err) {
    remove();
    if (err instanceof TooLarge) {
      await drain(req);
      return fail(413, spec.errors.tooLarge, { Connection: 'close' }, { name: fileName, limit: spec.maxBytes });
    }
    log.warn(`upload to ${name} failed`, err);
    return fail(400, 'errors.badRequest');
  }
  const file: IncomingFile = {
    name: fileName,
    mediaType,
    stream: async function* () {
      const handle = await fs.open(spooled, 'r');
      try {
        for await (const chunk of handle.createReadStream({ autoClose: false })) yield chunk as Buffer;
      } finally {
        await handle.close();
      }
    },
    path: async () => spooled,
    release: remove,
  };
  if (!spec.params.safeParse(readParams()).success) {
    remove();
    log.warn(`refused an upload to ${name}: malformed arguments`);
    return fail(400, 'errors.badRequest');
  }
  const reply: ApiResult<unknown> = await dispatchUpload(uploads, name, readParams(), file);
  return { status: 200, body: reply };
}

/** Serve `GET /download/<token>/<file name>`: anything but a live ticket for that name is 404. */
export async function serveDownload(take: (token: string, fileName: string) => Promise<OpenedDownload | null>, pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const refuse = (status: number, text: string) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
    res.end(text);
  };
  if (req.method !== 'GET') return refuse(405, 'Method not allowed');
  const parts = parseDownloadPath(pathname, DOWNLOAD_PREFIX);
  const opened = parts ? await take(parts.token, parts.fileName) : null;
  if (!opened) {
    log.warn('refused a download: unknown, used or expired address, or no such file');
    return refuse(404, 'Not found');
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': opened.mediaType,
    'Content-Length': opened.size,
    'Content-Disposition': `attachment; filename="${opened.fileName}"`,
    'Cache-Control': 'no-store',
  });
  const stream = opened.handle.createReadStream();
  stream
    .on('error', (err) => {
      log.error(`could not read ${opened.fileName}`, err);
      res.destroy();
    })
    .pipe(res);
}
