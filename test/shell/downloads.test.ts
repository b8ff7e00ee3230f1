// Downloads in the desktop app: the save dialog starts in Documents, a saved PDF opens in the system viewer.
import { EventEmitter } from 'node:events';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { setLogSink } from '../../core/log';

const system = vi.hoisted(() => ({
  documents: '',
  openPath: null as unknown as Mock<(file: string) => Promise<string>>,
}));

vi.mock('electron', async () => {
  const { electronModule } = await import('./fake-electron');
  const app = {
    ...electronModule.app,
    getPath: (name: string) => {
      if (name === 'documents') return system.documents;
      return electronModule.app.getPath(name);
    },
  };
  const shell = { openPath: (file: string) => system.openPath(file) };
  const module = { ...electronModule, app, shell };
  return { ...module, default: module };
});

import { registerDownloads } from '../../electron/main/downloads';

/** An Electron DownloadItem as far as the module uses it; the test plays the user and the network. */
class FakeDownloadItem extends EventEmitter {
  dialogOptions: { defaultPath?: string } | null = null;
  savePath = '';
  constructor(private readonly fileName: string) {
    super();
  }
  getFilename(): string {
    return this.fileName;
  }
  setSaveDialogOptions(options: { defaultPath?: string }): void {
    this.dialogOptions = options;
  }
  getSavePath(): string {
    return this.savePath;
  }
  /** The user picked `where` in the dialog and the download ended in `state`. */
  finish(where: string, state: 'completed' | 'cancelled' | 'interrupted'): void {
    this.savePath = where;
    this.emit('done', {}, state);
  }
}

let tmp = '';
let logLines: string[] = [];
let session: EventEmitter;

function download(fileName: string): FakeDownloadItem {
  const item = new FakeDownloadItem(fileName);
  session.emit('will-download', { preventDefault: vi.fn() }, item, {});
  return item;
}

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-downloads-'));
  system.documents = path.join(tmp, 'Documents');
  system.openPath = vi.fn(async () => '');
  logLines = [];
  setLogSink((line) => logLines.push(line));
  session = new EventEmitter();
  registerDownloads(session);
});

afterEach(async () => {
  setLogSink((line) => process.stderr.write(line + '\n'));
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('downloads from the app window', () => {
  it('lets the user choose where to save, starting in Documents under the suggested name', () => {
    const item = download('MAR_safer-cities-sacl_r4_2026-11-22.pdf');
    expect(item.dialogOptions).toEqual({ defaultPath: path.join(system.documents, 'MAR_safer-cities-sacl_r4_2026-11-22.pdf') });
  });

  it('keeps a suggested name inside Documents even if it names other folders', () => {
    const item = download('../../etc/report.pdf');
    expect(item.dialogOptions?.defaultPath).toBe(path.join(system.documents, 'report.pdf'));
  });

  it('opens a saved PDF in the system viewer', async () => {
    const item = download('report.pdf');
    const chosen = path.join(tmp, 'elsewhere', 'Report.PDF');
    item.finish(chosen, 'completed');
    await vi.waitFor(() => expect(system.openPath).toHaveBeenCalledWith(chosen));
  });

  it('opens nothing when the download was cancelled or interrupted, or is not a PDF', async () => {
    download('a.pdf').finish('', 'cancelled');
    download('b.pdf').finish(path.join(tmp, 'b.pdf'), 'interrupted');
    download('MAR.scsa.json').finish(path.join(tmp, 'MAR.scsa.json'), 'completed');
    // Give any (wrong) open a chance to run before checking it did not.
    await new Promise((resolve) => setImmediate(resolve));
    expect(system.openPath).not.toHaveBeenCalled();
    expect(logLines.some((line) => line.includes('interrupted'))).toBe(true);
  });

  it('logs, and does not throw, when the viewer cannot open the file', async () => {
    system.openPath.mockImplementation(async () => 'No application is associated with the specified file');
    download('report.pdf').finish(path.join(tmp, 'report.pdf'), 'completed');
    await vi.waitFor(() => expect(logLines.some((line) => line.includes('could not open') && line.includes('No application'))).toBe(true));
    system.openPath.mockImplementation(async () => {
      throw new Error('spawn failed');
    });
    download('again.pdf').finish(path.join(tmp, 'again.pdf'), 'completed');
    await vi.waitFor(() => expect(logLines.filter((line) => line.includes('could not open'))).toHaveLength(2));
  });
});
