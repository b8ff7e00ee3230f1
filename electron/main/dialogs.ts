/**
 * The native dialogs of the secretariat workspace: a folder for a workspace, bundles or folders to
 * import. The page gets back the paths the analyst chose — nothing else — and hands them to the
 * contract (`openWorkspace`, `startWorkspaceImport`), which validates them like any argument. The web
 * host has no such dialog: there the analyst types a folder path and uploads bundles.
 */
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent, OpenDialogOptions } from 'electron';
import { createLogger } from '../../core/log';
import { isAppUrl } from './app-protocol';

const log = createLogger('dialogs');

/** The channels the preload's `chooseFolder` and `chooseImportPaths` call (not contract methods: they never reach the core). */
export const DIALOG_CHANNELS = { folder: 'dialog:choose-folder', importPaths: 'dialog:choose-import-paths' } as const;

type Owner = (event: IpcMainInvokeEvent) => BrowserWindow | null;

export function registerDialogs(ipcMain: Pick<IpcMain, 'handle'>, dialog: Pick<Dialog, 'showOpenDialog'>, owner: Owner): void {
  const show = async (event: IpcMainInvokeEvent, options: OpenDialogOptions): Promise<string[]> => {
    if (!isAppUrl(event.senderFrame?.url)) {
      log.warn('refused a dialog for a page not of the app');
      return [];
    }
    const win = owner(event);
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  };
  ipcMain.handle(DIALOG_CHANNELS.folder, async (event) => (await show(event, { properties: ['openDirectory', 'createDirectory', 'promptToCreate'] }))[0] ?? null);
  ipcMain.handle(DIALOG_CHANNELS.importPaths, async (event, kind: unknown) =>
    show(event, kind === 'folder' ? { properties: ['openDirectory', 'multiSelections'] } : { properties: ['openFile', 'multiSelections'], filters: [{ name: 'ZIP', extensions: ['zip'] }] }),
  );
}
