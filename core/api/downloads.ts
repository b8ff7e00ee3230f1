/**
 * One-use downloads. A contract method that hands out a file (a kept bundle today; review copies,
 * reports next) asks this desk for a ticket bound to that file; the transport serves
 * `<prefix>/<token>/<fileName>` once — `app://bundle/download/…` on the desktop, `/download/…` in the
 * web host — without the page ever naming a path, and without the web host's API token in a URL.
 */
import { randomBytes } from 'node:crypto';
import type { promises as fs } from 'node:fs';
import type { DownloadTicket } from './common';

/** How long an issued download address works, unless used first. */
export const DOWNLOAD_TTL_MS = 60_000;
const MAX_PENDING = 64;

/** A file to hand out: opened only when the address is fetched (null when it is gone by then). */
export interface DownloadSource {
  fileName: string;
  mediaType: string;
  open(): Promise<{ handle: fs.FileHandle; size: number } | null>;
}

export interface OpenedDownload {
  fileName: string;
  mediaType: string;
  handle: fs.FileHandle;
  size: number;
}

interface Pending {
  source: DownloadSource;
  expires: number;
}

export class DownloadDesk {
  private readonly pending = new Map<string, Pending>();
  constructor(private readonly now: () => number = Date.now) {}

  issue(source: DownloadSource): DownloadTicket {
    const t = this.now();
    for (const [token, p] of this.pending) if (p.expires <= t) this.pending.delete(token);
    // The oldest goes first when a page asks for many without using them.
    while (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value as string);
    const token = randomBytes(32).toString('hex');
    this.pending.set(token, { source, expires: t + DOWNLOAD_TTL_MS });
    return { token, fileName: source.fileName };
  }

  /** The file a token was issued for, opened, once; null when unknown, used, expired, for another name, or gone. */
  async take(token: string, fileName: string): Promise<OpenedDownload | null> {
    const p = this.pending.get(token);
    if (!p) return null;
    this.pending.delete(token);
    if (p.expires <= this.now() || p.source.fileName !== fileName) return null;
    const opened = await p.source.open();
    return opened ? { fileName, mediaType: p.source.mediaType, ...opened } : null;
  }
}

/** `/download/<64 hex>/<file name>` → its parts, or null for any other shape (checked still encoded). */
export function parseDownloadPath(pathname: string, prefix = '/download/'): { token: string; fileName: string } | null {
  if (!pathname.startsWith(prefix)) return null;
  const parts = pathname.slice(prefix.length).split('/');
  const [token, fileName] = parts;
  if (parts.length !== 2 || !token || !fileName || !/^[0-9a-f]{64}$/.test(token) || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/.test(fileName)) return null;
  return { token, fileName };
}
