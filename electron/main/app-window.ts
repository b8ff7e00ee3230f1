import { BrowserWindow, session } from 'electron';
import { createLogger } from '../../core/log';
import { APP_ENTRY_URL } from './app-protocol';
import { registerAppPreload } from './preload-registration';

const log = createLogger('app-window');

export interface MainWindowOptions {
  /** Absolute path of the built preload; registered with the window's session before the window is made. */
  preloadPath: string;
  /** Shown until the renderer sets a translated `document.title`. */
  title: string;
}

/** Open the single app window on the renderer's entry page. */
export async function createMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
  // The preload is the session's, registered before the window exists: whichever way Electron hands
  // preloads to a new frame (IPC at script start, or pushed when the frame is created), the first
  // frame of this window already sees it. The window is then put in that session explicitly.
  const appSession = session.defaultSession;
  registerAppPreload(appSession, options.preloadPath);
  const window = new BrowserWindow({
    width: 1200,
    height: 820,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: options.title,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    // The security baseline, written inline so that static checkers (electronegativity) can see it:
    // the page runs in a sandboxed renderer, isolated from the preload's world, with no Node and no
    // <webview>; its only way out is the `window.api` verbs. The preload is registered with the session
    // above (docs/security.md); `nodeIntegrationInSubFrames: false` keeps it out of sub-frames.
    webPreferences: {
      session: appSession,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would open links in new windows, bypassing the window-open handler's intent.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  // Showing only once painted avoids a white flash; a failed load must still leave a window to close.
  window.once('ready-to-show', () => window.show());
  window.webContents.on('did-fail-load', (_event, code, description, url) => {
    log.error(`failed to load ${url}: ${code} ${description}`);
    window.show();
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    log.error(`renderer process gone: ${details.reason}`);
  });
  // A failed load is reported by did-fail-load above; the window stays so the user can close it.
  await window.loadURL(APP_ENTRY_URL).catch((err: unknown) => log.error('could not load the renderer', err));
  return window;
}
