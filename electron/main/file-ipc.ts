/**
 * Every upload of the contract (core/api/contract.ts `uploadContract`) over IPC, checked once here:
 * the preload sends the path Electron gave it for the file the user chose (`webUtils.getPathForFile`),
 * never bytes. Same sender check as every other channel; the path must be absolute and name a regular
 * file (not a folder, device or symlink), opened with O_NOFOLLOW and checked again on the open file,
 * which is then what the core reads — as a stream, or in place where the system names the open file.
 */
import path from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { uploadContract, UPLOAD_NAMES, type ApiResult, type IncomingFile, type UploadHandlers } from '../../core/api/contract';
import { dispatchUpload } from '../../core/api/dispatch';
import { openRegularFile } from '../../core/fs/open-regular';
import { createLogger } from '../../core/log';
import { isAppUrl } from './app-protocol';

const log = createLogger('file-ipc');

const FORBIDDEN: ApiResult<never> = { ok: false, error: { code: 'errors.forbidden' } };
const BAD_REQUEST: ApiResult<never> = { ok: false, error: { code: 'errors.badRequest' } };

/** What the preload sends for the chosen file: its path, its name and type as the page saw them. */
export const FileRefSchema = z.object({ path: z.string().min(1).max(4096), name: z.string().min(1).max(255), mediaType: z.string().max(200) }).strict();

/** The open file as the core's IncomingFile: read from the handle, closed once the core releases it. */
export async function openChosen(ref: z.infer<typeof FileRefSchema>, maxBytes: number): Promise<IncomingFile | 'not-a-file' | 'too-large'> {
  const opened = await openRegularFile(ref.path);
  if (!opened) return 'not-a-file';
  const { handle, size } = opened;
  if (size > maxBytes) {
    await handle.close();
    return 'too-large';
  }
  let closed = false;
  return {
    name: ref.name,
    mediaType: ref.mediaType,
    async *stream() {
      for await (const chunk of handle.createReadStream({ autoClose: false, start: 0 })) yield chunk as Buffer;
    },
    // On Linux the open file itself, so a file swapped in after the check is never what is read.
    path: async () => (process.platform === 'linux' ? `/proc/self/fd/${handle.fd}` : ref.path),
    release: () => {
      if (closed) return;
      closed = true;
      handle.close().catch((err: unknown) => log.warn('closing a chosen file failed', err));
    },
  };
}

export function registerFileHandlers(ipcMain: Pick<IpcMain, 'handle'>, uploads: UploadHandlers): void {
  for (const name of UPLOAD_NAMES) {
    const spec = uploadContract[name];
    const { channel } = spec;
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<ApiResult<unknown>> => {
      const senderUrl = event.senderFrame?.url;
      if (!isAppUrl(senderUrl)) {
        log.warn(`refused ${channel} from ${senderUrl ?? '(no frame)'}`);
        return FORBIDDEN;
      }
      const [rawRef, ...params] = args;
      const ref = FileRefSchema.safeParse(rawRef);
      if (!ref.success || !path.isAbsolute(ref.data.path) || ref.data.path.includes('\0')) {
        log.warn(`refused ${channel}: malformed file or not an absolute path`);
        return BAD_REQUEST;
      }
      const file = await openChosen(ref.data, spec.maxBytes);
      if (file === 'not-a-file') {
        log.warn(`refused ${channel}: not a regular file`);
        return { ok: false, error: { code: spec.errors.notAFile, params: { name: path.basename(ref.data.name) } } };
      }
      if (file === 'too-large') return { ok: false, error: { code: spec.errors.tooLarge, params: { name: path.basename(ref.data.name), limit: spec.maxBytes } } };
      return dispatchUpload(uploads, name, params, file);
    });
  }
}
