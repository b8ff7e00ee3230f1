import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { openKeptBundle } from '../core/api/submission-log';
import { ASSESSMENT_ID_PATTERN, BUNDLE_FILE_NAME_PATTERN } from '../core/api/submission-paths';
import { createLogger } from '../core/log';
import type { ApiReply } from './api-route';
import { SECURITY_HEADERS } from './security';

const log = createLogger('web-download');

/** `POST /api/download-link` (token header as every API call): a one-use address for one kept bundle. */
export const DOWNLOAD_LINK_PATH = '/api/download-link';
/** `GET /download/<one-use token>/<bundle file name>`: what an `<a download>` fetches (it cannot send headers). */
export const DOWNLOAD_PREFIX = '/download/';
/** How long an issued download address works, unless used first. */
export const DOWNLOAD_TTL_MS = 60_000;
const MAX_PENDING = 64;

const LinkRequestSchema = z
  .object({ assessmentId: z.string().regex(ASSESSMENT_ID_PATTERN), fileName: z.string().regex(BUNDLE_FILE_NAME_PATTERN) })
  .strict();

interface Pending {
  assessmentId: string;
  fileName: string;
  expires: number;
}

/**
 * One-use download tokens. An anchor cannot carry the API token header, and the API token must never
 * appear in a URL the page hands out; so a call that does carry it asks for a fresh random token bound
 * to one file, valid once and for a minute.
 */
export class DownloadTokens {
  private readonly pending = new Map<string, Pending>();
  constructor(private readonly now: () => number = Date.now) {}

  issue(assessmentId: string, fileName: string): string {
    const t = this.now();
    for (const [token, p] of this.pending) if (p.expires <= t) this.pending.delete(token);
    // The oldest goes first when a page asks for many without using them.
    while (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value as string);
    const token = randomBytes(32).toString('hex');
    this.pending.set(token, { assessmentId, fileName, expires: t + DOWNLOAD_TTL_MS });
    return token;
  }

  /** The file a token was issued for, once; null when unknown, used or expired. */
  take(token: string, fileName: string): { assessmentId: string; fileName: string } | null {
    const p = this.pending.get(token);
    if (!p) return null;
    this.pending.delete(token);
    if (p.expires <= this.now() || p.fileName !== fileName) return null;
    return { assessmentId: p.assessmentId, fileName: p.fileName };
  }
}

async function readSmallJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return null;
  }
}

/** Answer `POST /api/download-link` (Host, Origin and token already checked): `{"assessmentId", "fileName"}` → `{url}`. */
export async function handleDownloadLink(tokens: DownloadTokens, req: IncomingMessage): Promise<ApiReply> {
  if (req.method !== 'POST') return { status: 405, body: { ok: false, error: { code: 'errors.badRequest' } }, headers: { Allow: 'POST' } };
  const parsed = LinkRequestSchema.safeParse(await readSmallJson(req, 4096));
  if (!parsed.success) return { status: 400, body: { ok: false, error: { code: 'errors.badRequest' } } };
  const { assessmentId, fileName } = parsed.data;
  const token = tokens.issue(assessmentId, fileName);
  return { status: 200, body: { ok: true, value: { url: `${DOWNLOAD_PREFIX}${token}/${fileName}` } } };
}

function refuse(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

/**
 * Serve `GET /download/<token>/<file name>` (Host and Origin already checked): the kept bundle the
 * token was issued for, streamed from the data folder. Anything else — another shape of path, a
 * used or expired token, another file name, a file that is not a regular file — is 404.
 */
export async function serveDownload(dataDir: string, tokens: DownloadTokens, pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET') return refuse(res, 405, 'Method not allowed');
  const parts = pathname.slice(DOWNLOAD_PREFIX.length).split('/');
  const [token, fileName] = parts;
  const granted = parts.length === 2 && token && fileName && /^[0-9a-f]{64}$/.test(token) ? tokens.take(token, fileName) : null;
  const opened = granted ? await openKeptBundle(dataDir, granted.assessmentId, granted.fileName) : null;
  if (!granted || !opened) {
    log.warn('refused a download: unknown, used or expired address, or no such bundle');
    return refuse(res, 404, 'Not found');
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/zip',
    'Content-Length': opened.size,
    'Content-Disposition': `attachment; filename="${granted.fileName}"`,
    'Cache-Control': 'no-store',
  });
  opened.handle
    .createReadStream()
    .on('error', (err) => {
      log.error(`could not read ${granted.fileName}`, err);
      res.destroy();
    })
    .pipe(res);
}
