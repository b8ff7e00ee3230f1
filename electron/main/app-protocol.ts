import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Protocol } from 'electron';
import { createLogger } from '../../core/log';
import { parseDownloadPath, type OpenedDownload } from '../../core/api/downloads';

const log = createLogger('app-protocol');

/**
 * The renderer is served from `app://bundle/…` rather than `file://`: a standard, secure origin of
 * its own, so CSP `'self'`, the sender check on IPC and same-origin rules all mean "our files only".
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

import { CONTENT_SECURITY_POLICY } from '../../core/security/content-security-policy';

export { CONTENT_SECURITY_POLICY };

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** True when a URL belongs to the app's own origin (the only place IPC calls may come from). */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Must run before the app is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    // codeCache: V8 keeps the compiled renderer scripts between starts (needs standard: true).
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  });
}

/** Where one-use downloads are served (core/api/downloads.ts). */
export const DOWNLOAD_URL_PREFIX = '/download/';

/** Opens the file a download ticket was issued for, once (the core's `takeDownload`). */
export type TakeDownload = (token: string, fileName: string) => Promise<OpenedDownload | null>;

/**
 * `GET app://bundle/download/<token>/<file name>`: a file a contract method gave a ticket for (a kept
 * bundle…), streamed for an `<a download>` (downloads.ts then asks where to save it). Only that
 * exact shape of path, checked still encoded, and only once; nothing else of the data folder is reachable.
 */
async function serveDownload(takeDownload: TakeDownload, request: Request, rawPath: string): Promise<Response> {
  if (request.method !== 'GET') return textResponse(405, 'Method not allowed');
  const parts = parseDownloadPath(rawPath, DOWNLOAD_URL_PREFIX);
  const opened = parts ? await takeDownload(parts.token, parts.fileName) : null;
  if (!parts || !opened) {
    log.warn('refused a download: unknown, used or expired address, or no such file');
    return textResponse(404, 'Not found');
  }
  const stream = opened.handle.createReadStream();
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    status: 200,
    headers: {
      'Content-Type': opened.mediaType,
      'Content-Length': String(opened.size),
      'Content-Disposition': `attachment; filename="${opened.fileName}"`,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}

/**
 * Map an `app://bundle/…` request to a file under `rootDir`. Anything that resolves outside the
 * folder (`..`, encoded slashes, absolute paths) is refused, so a compromised page cannot read the
 * user's files through the scheme. With `takeDownload`, `/download/…` serves one-use downloads (above).
 */
export function createRendererHandler(rootDir: string, takeDownload?: TakeDownload): (request: Request) => Promise<Response> {
  const root = path.resolve(rootDir);
  return async (request) => {
    let relative: string;
    try {
      const url = new URL(request.url);
      if (url.host !== APP_HOST) return textResponse(404, 'Not found');
      if (takeDownload !== undefined && url.pathname.startsWith(DOWNLOAD_URL_PREFIX)) return await serveDownload(takeDownload, request, url.pathname);
      relative = decodeURIComponent(url.pathname);
    } catch {
      return textResponse(400, 'Bad request');
    }
    if (relative === '/' || relative === '') relative = '/index.html';
    const file = path.resolve(root, '.' + relative);
    if (relative.includes('\0') || (file !== root && !file.startsWith(root + path.sep))) {
      log.warn(`refused a request outside the renderer folder: ${request.url}`);
      return textResponse(403, 'Forbidden');
    }
    let body: Buffer;
    try {
      body = await fs.readFile(file);
    } catch {
      return textResponse(404, 'Not found');
    }
    const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': type,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };
}
