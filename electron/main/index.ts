// The Electron main process only wires: security policy, the app:// scheme, the window, IPC to the core.
import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, safeStorage, session } from 'electron';
import { createCoreService } from '../../core/api/service';
import { createLogger } from '../../core/log';
import { PRODUCT_NAME } from '../../core/version';
import { createRendererHandler, registerAppScheme, APP_SCHEME } from './app-protocol';
import { createMainWindow } from './app-window';
import { registerIpcHandlers } from './ipc';
import { registerFileHandlers } from './file-ipc';
import { registerDownloads } from './downloads';
import { createKeychainWrapper } from './keychain';
import { applySecurityPolicy, denyAllPermissions, enforceContentSecurityPolicy } from './security';
import { ElectronSettingsStore } from './settings-store';
import { reviewCopyArg, showReviewCopy } from './open-review';

const log = createLogger('main');

/** Longest a quit waits for open drafts to be snapshotted and unlocked. */
const QUIT_WAIT_MS = 5000;

async function openWindow(): Promise<BrowserWindow> {
  return createMainWindow({
    preloadPath: path.join(app.getAppPath(), 'dist', 'electron', 'preload.cjs'),
    title: PRODUCT_NAME,
  });
}

// Electron's default for an uncaught error is a dialog with a stack trace; log it instead and keep the
// window (and the user's unsaved typing) alive.
process.on('uncaughtException', (err) => log.error('uncaught exception', err));
process.on('unhandledRejection', (reason) => log.error('unhandled rejection', reason));

async function main(): Promise<void> {
  // Two instances would write the same drafts; the second one hands over to the first and leaves.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // macOS names a double-clicked review copy in an event, possibly before the window exists.
  let pendingCopy: string | null = reviewCopyArg(process.argv);
  let showCopy: ((file: string) => void) | null = null;
  app.on('open-file', (event, file) => {
    if (!file.toLowerCase().endsWith('.scsa-review')) return;
    event.preventDefault();
    if (showCopy) showCopy(file);
    else pendingCopy = file;
  });
  applySecurityPolicy(app);
  registerAppScheme(protocol);
  await app.whenReady();

  denyAllPermissions(session.defaultSession);
  enforceContentSecurityPolicy(session.defaultSession);
  registerDownloads(session.defaultSession);
  const appRoot = app.getAppPath();
  const dataDir = app.getPath('userData');
  const settings = new ElectronSettingsStore(dataDir);
  // After whenReady: before it, safeStorage cannot tell which keyring it would use.
  const keychain = createKeychainWrapper(safeStorage);
  const core = createCoreService({ dataDir, runtime: 'desktop', settings, keyWrappers: keychain ? [keychain] : [] });
  // The renderer's files, and one-use downloads the core hands out (app://bundle/download/…).
  protocol.handle(APP_SCHEME, createRendererHandler(path.join(appRoot, 'dist', 'renderer'), core.takeDownload));
  registerIpcHandlers(ipcMain, core.handlers);
  registerFileHandlers(ipcMain, core.uploads);
  // Quitting waits once for the core to finish saves in flight and release the drafts' locks.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    // Bounded: a stuck disk must not keep the app from quitting (every acknowledged save is already on disk).
    let timer: NodeJS.Timeout | undefined;
    const tooLong = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        log.warn('closing drafts on quit took too long; quitting anyway');
        resolve();
      }, QUIT_WAIT_MS);
    });
    Promise.race([core.dispose(), tooLong])
      .catch((err: unknown) => log.error('closing drafts on quit failed', err))
      .finally(() => {
        clearTimeout(timer);
        closed = true;
        app.quit();
      });
  });

  app.on('second-instance', (_event, argv: string[], cwd: string) => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window) return;
    // A second launch with a review copy (a double-click while the app runs) shows it here.
    const copy = reviewCopyArg(argv, cwd);
    if (copy) return void showReviewCopy(window, copy, core.uploads);
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow();
  });
  const window = await openWindow();
  showCopy = (file) => {
    const [current] = BrowserWindow.getAllWindows();
    void showReviewCopy(current ?? window, file, core.uploads);
  };
  if (pendingCopy) showCopy(pendingCopy);
  pendingCopy = null;
  log.info(`started; data folder ${dataDir}`);
}

/** Settles once the first window is open (or the start-up failed and the app is quitting). */
export const started: Promise<void> = main().catch((err: unknown) => {
  // No stack trace for the user: log it and leave with a failure code.
  log.error('could not start', err);
  app.exit(1);
});
