import { createReadStream } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCoreService } from '../core/api/service';
import type { ApiHandlers, UploadHandlers } from '../core/api/contract';
import type { OpenedDownload } from '../core/api/downloads';
import { FileSettingsStore } from '../core/settings/file-store';
import { createLogger } from '../core/log';
import { handleApi } from './api-route';
import { DOWNLOAD_PREFIX, UPLOAD_PREFIX, drain, handleUpload, serveDownload } from './file-route';
import { cacheControlOf, resolveStatic } from './static-files';
import { SECURITY_HEADERS, TOKEN_HEADER, hostAllowed, newToken, originAllowed, tokenMatches } from './security';

const log = createLogger('web-host');

export interface WebHostOptions {
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** The data folder the core reads and writes. */
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Fixed only by tests; a fresh random token otherwise. */
  token?: string;
  /** Replaces some of the core's upload handlers (tests). */
  uploads?: Partial<UploadHandlers>;
  /** Largest attachment the core accepts; tests set it low. */
  maxAttachmentBytes?: number;
  /** The trust list for signed checklist packs (none: no signed pack installs). */
  trustDir?: string;
}

export interface WebHost {
  /** The address to open, with the token: `http://127.0.0.1:PORT/?token=TOKEN`. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function serveStatic(rendererDir: string, pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const found = await resolveStatic(rendererDir, pathname);
  if (found.kind === 'forbidden') return sendText(res, 403, 'Forbidden');
  if (found.kind === 'not-found') return sendText(res, 404, 'Not found');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': found.contentType,
    'Content-Length': found.size,
    'Cache-Control': cacheControlOf(pathname),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(found.file)
    .on('error', (err) => {
      log.error(`could not read ${pathname}`, err);
      res.destroy();
    })
    .pipe(res);
}

interface RouteContext {
  rendererDir: string;
  handlers: ApiHandlers;
  uploads: UploadHandlers;
  takeDownload(token: string, fileName: string): Promise<OpenedDownload | null>;
  token: string;
  port: number;
}

async function route(ctx: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Checked before anything else, static files included: a page on another name (DNS rebinding)
  // or another origin must not even read our script.
  // The query may hold the token: only the path is ever logged.
  const pathname = (req.url ?? '/').split('?')[0] ?? '/';
  if (!hostAllowed(req, ctx.port) || !originAllowed(req, ctx.port)) {
    log.warn(`refused ${req.method ?? '?'} ${pathname} (host ${JSON.stringify(req.headers.host)}, origin ${JSON.stringify(req.headers.origin)})`);
    return sendText(res, 403, 'Forbidden');
  }
  // An anchor's download: no token header, a one-use token in the path instead (core/api/downloads.ts).
  if (pathname.startsWith(DOWNLOAD_PREFIX)) return serveDownload(ctx.takeDownload, pathname, req, res);
  if (pathname === '/api' || pathname.startsWith('/api/')) {
    if (!tokenMatches(req.headers[TOKEN_HEADER], ctx.token)) {
      log.warn(`refused API call ${pathname} without a valid token`);
      await drain(req);
      return sendJson(res, 403, { ok: false, error: { code: 'errors.forbidden' } });
    }
    const reply = pathname.startsWith(UPLOAD_PREFIX)
      ? await handleUpload(ctx.uploads, pathname, req)
      : await handleApi(ctx.handlers, pathname.slice('/api/'.length), req);
    return sendJson(res, reply.status, reply.body, reply.headers);
  }
  return serveStatic(ctx.rendererDir, pathname, req, res);
}

/** Start the loopback host: the built renderer plus the real core over HTTP, on 127.0.0.1 only. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newToken();
  const core = createCoreService({
    dataDir: options.dataDir,
    runtime: 'web',
    settings: new FileSettingsStore(options.dataDir),
    ...(options.maxAttachmentBytes !== undefined ? { maxAttachmentBytes: options.maxAttachmentBytes } : {}),
    ...(options.trustDir !== undefined ? { trustDir: options.trustDir } : {}),
  });
  // Installed checklist revisions are in the catalogue before the first request.
  await core.ready;
  const ctx: RouteContext = {
    rendererDir: options.rendererDir,
    handlers: core.handlers,
    uploads: { ...core.uploads, ...options.uploads },
    takeDownload: core.takeDownload,
    token,
    port: options.port,
  };
  const server = http.createServer((req, res) => {
    route(ctx, req, res).catch((err: unknown) => {
      log.error(`request ${req.method ?? '?'} ${(req.url ?? '/').split('?')[0] ?? '/'} failed`, err);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'errors.unexpected' } });
      else res.destroy();
    });
  });
  // A whole request may take this long: an upload of a gigabyte-sized bundle or attachment, not a slow client.
  server.requestTimeout = 15 * 60_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  ctx.port = port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      // Snapshot and unlock every open draft, as the desktop app does on quit.
      await core.dispose();
    },
  };
}
