import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header that carries the per-run token on every API call. */
export const TOKEN_HEADER = 'x-scsa-token';

/** 32 random bytes as hex: new every run, printed only in the URL line on stdout. */
export function newToken(): string {
  return randomBytes(32).toString('hex');
}

/**
 * Compare a presented token with the real one in constant time. Both sides are hashed first so
 * that inputs of any length compare in the same time and `timingSafeEqual` gets equal lengths.
 */
export function tokenMatches(presented: unknown, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** The only Host value a browser on this machine sends for us; anything else may be DNS rebinding. */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  return req.headers.host === `127.0.0.1:${port}`;
}

/** Browsers send Origin on cross-site requests and on POSTs; when present it must be our own. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://127.0.0.1:${port}`;
}

import { CONTENT_SECURITY_POLICY } from '../core/security/content-security-policy';

export { CONTENT_SECURITY_POLICY };

/** Headers on every response, static or API. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
