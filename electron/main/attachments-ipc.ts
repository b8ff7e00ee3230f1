import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { attachmentChannel, type ApiResult, type AttachmentAdded, type AttachmentHandler } from '../../core/api/contract';
import { dispatchAttachment } from '../../core/api/attachments';
import { AppError } from '../../core/errors';
import { createLogger } from '../../core/log';
import { isAppUrl } from './app-protocol';

const log = createLogger('attachments-ipc');

const FORBIDDEN: ApiResult<never> = { ok: false, error: { code: 'errors.forbidden' } };
const BAD_REQUEST: ApiResult<never> = { ok: false, error: { code: 'errors.badRequest' } };

// Where the platform has it, O_NOFOLLOW makes the open itself refuse a symlink put in place after the check.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/** The file's bytes, opened only when the core starts reading, and closed however the read ends. */
async function* fileChunks(file: string): AsyncGenerator<Uint8Array> {
  const handle = await fs.open(file, READ_FLAGS);
  try {
    // Checked again on the open file: what is read is what was checked.
    if (!(await handle.stat()).isFile()) throw new AppError('drafts:errors.attachmentNotAFile', { name: path.basename(file) });
    for await (const chunk of handle.createReadStream({ autoClose: false })) yield chunk as Buffer;
  } finally {
    await handle.close();
  }
}

/**
 * `attachments:add`: the preload sends the path Electron gave it for a file the user chose. Same sender
 * check as every other channel; the payload must match the contract, and the path must be absolute
 * and name a regular file (not a folder, device or symlink) before a byte is read.
 */
export function registerAttachmentHandler(ipcMain: Pick<IpcMain, 'handle'>, handler: AttachmentHandler): void {
  const { channel } = attachmentChannel;
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<ApiResult<AttachmentAdded>> => {
    const senderUrl = event.senderFrame?.url;
    if (!isAppUrl(senderUrl)) {
      log.warn(`refused ${channel} from ${senderUrl ?? '(no frame)'}`);
      return FORBIDDEN;
    }
    const parsed = attachmentChannel.input.safeParse(args);
    if (!parsed.success) {
      log.warn(`refused malformed payload for ${channel}`);
      return BAD_REQUEST;
    }
    const [assessmentId, file] = parsed.data;
    if (!path.isAbsolute(file.path) || file.path.includes('\0')) {
      log.warn(`refused ${channel}: not an absolute path`);
      return BAD_REQUEST;
    }
    const stat = await fs.lstat(file.path).catch(() => null);
    if (!stat?.isFile()) {
      log.warn(`refused ${channel}: not a regular file (${stat ? 'folder, link or device' : 'missing'})`);
      return { ok: false, error: { code: 'drafts:errors.attachmentNotAFile', params: { name: path.basename(file.name) } } };
    }
    return dispatchAttachment(handler, assessmentId, { stream: fileChunks(file.path), name: file.name, mediaType: file.mediaType });
  });
}
