import type { App, Session, WebContents } from 'electron';
import { createLogger } from '../../core/log';
import { CONTENT_SECURITY_POLICY } from './app-protocol';

const log = createLogger('security');

/**
 * Deny everything a page could ask the browser for. The app needs no camera, microphone,
 * notifications, geolocation, USB, HID or serial device; saying no to all of them means a
 * compromised page gains nothing by asking.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn(`denied permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * The app:// handler already sends the CSP with every file; this adds it to any other response the
 * session might see, so no page in the app ever runs without it.
 */
export function enforceContentSecurityPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/**
 * Lock down one web contents: it may never leave the app (navigation, redirects), never open a
 * window, and never host a <webview>. The app is a single window whose pages come from app://.
 */
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    log.warn(`blocked navigation to ${url}`);
    event.preventDefault();
  });
  // Sub-frames too: the app has no frames of its own, so any frame navigation is foreign.
  contents.on('will-frame-navigate', (event) => {
    log.warn(`blocked frame navigation to ${event.url}`);
    event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    log.warn(`blocked redirect to ${url}`);
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    log.warn('blocked a <webview>');
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    log.warn(`denied a new window for ${url}`);
    return { action: 'deny' };
  });
}

/** Install the process-wide policy. Call before the app is ready (enableSandbox must precede it). */
export function applySecurityPolicy(app: App): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  app.on('session-created', (session) => {
    denyAllPermissions(session);
    enforceContentSecurityPolicy(session);
  });
}
