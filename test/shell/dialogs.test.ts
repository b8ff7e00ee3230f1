// The secretariat's native dialogs in main: only the app's own page may ask; the answer is the chosen paths, nothing else.
import { describe, expect, it, vi } from 'vitest';
import type { Dialog, IpcMain, IpcMainInvokeEvent } from 'electron';
import { DIALOG_CHANNELS, registerDialogs } from '../../electron/main/dialogs';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function setup(result: { canceled: boolean; filePaths: string[] }) {
  const handlers = new Map<string, Listener>();
  const ipc = { handle: (channel: string, l: Listener) => handlers.set(channel, l) } as unknown as Pick<IpcMain, 'handle'>;
  const showOpenDialog = vi.fn(async () => result);
  registerDialogs(ipc, { showOpenDialog } as unknown as Pick<Dialog, 'showOpenDialog'>, () => null);
  const call = (channel: string, url: string | null, ...args: unknown[]) =>
    (handlers.get(channel) as Listener)({ senderFrame: url === null ? null : { url } } as unknown as IpcMainInvokeEvent, ...args);
  return { call, showOpenDialog };
}

describe('secretariat dialogs (main)', () => {
  it('answers the chosen folder, or null when cancelled', async () => {
    expect(await setup({ canceled: false, filePaths: ['/srv/secretariat'] }).call(DIALOG_CHANNELS.folder, 'app://bundle/index.html')).toBe('/srv/secretariat');
    expect(await setup({ canceled: true, filePaths: [] }).call(DIALOG_CHANNELS.folder, 'app://bundle/index.html')).toBeNull();
  });

  it('answers every chosen bundle or folder for an import, asking for folders or zip files as told', async () => {
    const s = setup({ canceled: false, filePaths: ['/in/a.zip', '/in/b.zip'] });
    expect(await s.call(DIALOG_CHANNELS.importPaths, 'app://bundle/index.html', 'files')).toEqual(['/in/a.zip', '/in/b.zip']);
    await s.call(DIALOG_CHANNELS.importPaths, 'app://bundle/index.html', 'folder');
    const options = s.showOpenDialog.mock.calls.map((c) => (c as unknown[])[0] as { properties: string[] });
    expect(options[0]?.properties).toContain('openFile');
    expect(options[1]?.properties).toContain('openDirectory');
  });

  it('shows no dialog for a page that is not the app', async () => {
    const s = setup({ canceled: false, filePaths: ['/etc'] });
    expect(await s.call(DIALOG_CHANNELS.folder, 'https://evil.example/')).toBeNull();
    expect(await s.call(DIALOG_CHANNELS.importPaths, null, 'files')).toEqual([]);
    expect(s.showOpenDialog).not.toHaveBeenCalled();
  });
});
