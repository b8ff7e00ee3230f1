// Downloads started by the page (a portable copy, a PDF report): Electron asks where to save, starting
// in the user's Documents; a saved PDF report then opens in the system's PDF viewer.
import path from 'node:path';
import { app, shell, type DownloadItem, type Event, type WebContents } from 'electron';
import { createLogger } from '../../core/log';

const log = createLogger('downloads');

/** The parts of a session and the system this module uses; tests pass stand-ins. */
export interface DownloadDeps {
  documentsDir(): string;
  openPath(file: string): Promise<string>;
}

type DownloadListener = (event: Event, item: DownloadItem, webContents: WebContents) => void;
export interface DownloadSession {
  on(event: 'will-download', listener: DownloadListener): unknown;
}

const electronDeps: DownloadDeps = {
  documentsDir: () => app.getPath('documents'),
  openPath: (file) => shell.openPath(file),
};

/** Wire the session's downloads: save dialog in Documents, then open a completed PDF. */
export function registerDownloads(session: DownloadSession, deps: DownloadDeps = electronDeps): void {
  session.on('will-download', (_event, item) => {
    // The name comes from the page's `download` attribute: keep only its last part.
    const name = path.basename(item.getFilename()) || 'download';
    let defaultPath = name;
    try {
      defaultPath = path.join(deps.documentsDir(), name);
    } catch (err) {
      log.warn('no Documents folder; the save dialog starts in its own default', err);
    }
    // No save path is set, so Electron shows the save dialog, starting here.
    item.setSaveDialogOptions({ defaultPath });
    item.once('done', (_done, state) => {
      const saved = item.getSavePath();
      if (state !== 'completed') {
        if (state === 'interrupted') log.warn(`download of ${name} interrupted`);
        return;
      }
      log.info(`saved ${saved}`);
      if (path.extname(saved).toLowerCase() !== '.pdf') return;
      deps
        .openPath(saved)
        .then((message) => {
          // shell.openPath answers with an error message, or '' when the viewer opened.
          if (message) log.warn(`could not open ${saved}: ${message}`);
        })
        .catch((err: unknown) => log.warn(`could not open ${saved}`, err));
    });
  });
}
