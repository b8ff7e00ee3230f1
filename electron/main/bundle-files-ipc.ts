import path from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { bundleFileChannel, type ApiResult, type BundleCheckFileHandler, type BundleJobStarted } from '../../core/api/contract';
import { AppError } from '../../core/errors';
import { openRegularFile } from '../../core/fs/open-regular';
import { createLogger } from '../../core/log';
import { isAppUrl } from './app-protocol';

const log = createLogger('bundle-files-ipc');

const FORBIDDEN: ApiResult<never> = { ok: false, error: { code: 'errors.forbidden' } };
const BAD_REQUEST: ApiResult<never> = { ok: false, error: { code: 'errors.badRequest' } };
const NOT_A_FILE: ApiResult<never> = { ok: false, error: { code: 'bundle:errors.notAFile' } };

/**
 * Open `file` if it is a regular file and not a symlink (core/fs/open-regular.ts). The verifier then reads the open file itself where the
 * system names it (`/proc/self/fd/N` on Linux), so a file swapped in after the check is never what is
 * read; elsewhere it reads the checked path.
 */
async function openForCheck(file: string): Promise<{ readPath: string; close(): Promise<void> } | null> {
  const opened = await openRegularFile(file);
  if (!opened) return null;
  const { handle } = opened;
  return { readPath: process.platform === 'linux' ? `/proc/self/fd/${handle.fd}` : file, close: () => handle.close() };
}

/**
 * `bundle:check-file`: the preload sends the path Electron gave it for the bundle the user chose. Same
 * sender check as every other channel; the payload must match the contract, the path must be
 * absolute and name a regular file (not a folder, device or symlink). The bundle is checked in place,
 * never copied; the answer is a job id to poll with `getBundleJob`.
 */
export function registerBundleFileHandler(ipcMain: Pick<IpcMain, 'handle'>, checkBundleFile: BundleCheckFileHandler): void {
  const { channel } = bundleFileChannel;
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<ApiResult<BundleJobStarted>> => {
    const senderUrl = event.senderFrame?.url;
    if (!isAppUrl(senderUrl)) {
      log.warn(`refused ${channel} from ${senderUrl ?? '(no frame)'}`);
      return FORBIDDEN;
    }
    const parsed = bundleFileChannel.input.safeParse(args);
    if (!parsed.success) {
      log.warn(`refused malformed payload for ${channel}`);
      return BAD_REQUEST;
    }
    const [{ path: file }, registryText] = parsed.data;
    if (!path.isAbsolute(file) || file.includes('\0')) {
      log.warn(`refused ${channel}: not an absolute path`);
      return BAD_REQUEST;
    }
    const opened = await openForCheck(file);
    if (!opened) {
      log.warn(`refused ${channel}: not a regular file`);
      return NOT_A_FILE;
    }
    try {
      const started = await checkBundleFile(opened.readPath, registryText, () => {
        opened.close().catch((err: unknown) => log.warn('closing the checked bundle failed', err));
      });
      return { ok: true, value: started };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toApiError() };
      log.error(`${channel} failed`, err);
      return { ok: false, error: { code: 'errors.unexpected' } };
    }
  });
}
