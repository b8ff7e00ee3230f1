/**
 * The one Content-Security-Policy of the renderer, sent by the desktop app's `app://` handler and by
 * the web host alike, so the browser tests run under the same rules as the app. Nothing remote, no
 * inline code, no plugins, no framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
