import type { Session } from 'electron';
import { createLogger } from '../../core/log';

const log = createLogger('preload-registration');

/** The id under which the app's one preload (`window.api`) is registered with a session. */
export const APP_PRELOAD_ID = 'scsa-app-api';

/**
 * Register the app's preload with the session its window lives in, as a `frame` script.
 *
 * Electron runs a session's `frame` preloads in the same sandboxed preload bundle as a
 * `webPreferences.preload`, and only in main frames while `nodeIntegrationInSubFrames` is off
 * (the window sets it off), so an <iframe> never gets `window.api`. Idempotent: a second window
 * in the same session (macOS re-activation) reuses the registration instead of adding a copy.
 */
export function registerAppPreload(session: Session, filePath: string): void {
  const existing = session.getPreloadScripts().find((script) => script.id === APP_PRELOAD_ID);
  if (existing) {
    if (existing.filePath === filePath && existing.type === 'frame') return;
    // A different file under our id would be a wiring bug; replace it rather than run two bridges.
    log.warn(`replacing preload ${existing.filePath} with ${filePath}`);
    session.unregisterPreloadScript(APP_PRELOAD_ID);
  }
  session.registerPreloadScript({ type: 'frame', id: APP_PRELOAD_ID, filePath });
}
