import { promises as fs } from 'node:fs';
import path from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Vite names every file under `assets/` after a hash of its content, so a name never changes meaning:
 * the browser may keep it for good, and with it the compiled code of each script (Chromium keeps a
 * script's code cache only with a cached response). index.html and the rest are checked each time.
 */
export function cacheControlOf(urlPath: string): string {
  return /^\/assets\/[^/]+-[A-Za-z0-9_-]{6,}\.[a-z0-9]+$/.test(urlPath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export type StaticLookup =
  | { kind: 'file'; file: string; contentType: string; size: number }
  | { kind: 'not-found' }
  | { kind: 'forbidden' };

/**
 * Map a request path to a file inside `root`, or say why not. `/` is index.html; folders are never
 * listed; anything that would leave `root` (`..`, encoded or not, NUL, backslashes) is forbidden.
 */
export async function resolveStatic(root: string, urlPath: string): Promise<StaticLookup> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'forbidden' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'forbidden' };
  if (decoded.split('/').some((segment) => segment === '..')) return { kind: 'forbidden' };
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  const rel = path.relative(base, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return { kind: 'forbidden' };
  try {
    // realpath catches a symlink inside the folder that points outside it.
    const real = await fs.realpath(file);
    const realBase = await fs.realpath(base);
    const realRel = path.relative(realBase, real);
    if (realRel.startsWith('..') || path.isAbsolute(realRel)) return { kind: 'forbidden' };
    const stat = await fs.stat(real);
    if (!stat.isFile()) return { kind: 'not-found' };
    return { kind: 'file', file: real, contentType: contentTypeOf(real), size: stat.size };
  } catch {
    return { kind: 'not-found' };
  }
}
