/**
 * A review copy handed to the app by the system (file association): on the command line of the
 * first launch, of a second launch (which hands over to the first), or in macOS's `open-file`
 * event. It is opened through the same upload as "Open a review copy" on the home screen, checked
 * the same way, and the window then shows reviewer mode — or the home screen with the reason it
 * could not be opened.
 */
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { uploadContract, type UploadHandlers } from '../../core/api/contract';
import { dispatchUpload } from '../../core/api/dispatch';
import { createLogger } from '../../core/log';
import { APP_ENTRY_URL } from './app-protocol';
import { openChosen } from './file-ipc';

const log = createLogger('open-review');

export const REVIEW_COPY_EXTENSION = '.scsa-review';

/** The review copy named on a command line, if any (the last one), as an absolute path. */
export function reviewCopyArg(argv: readonly string[], cwd: string = process.cwd()): string | null {
  const named = argv.slice(1).filter((a) => !a.startsWith('-') && a.toLowerCase().endsWith(REVIEW_COPY_EXTENSION));
  const last = named[named.length - 1];
  return last === undefined ? null : path.resolve(cwd, last);
}

/** The address of the screen to show once the copy is opened (or refused): only the hash changes, so the page stays. */
export async function openReviewCopyAt(file: string, uploads: Pick<UploadHandlers, 'openReviewCopy'>): Promise<string> {
  const spec = uploadContract.openReviewCopy;
  const name = path.basename(file);
  const opened = await openChosen({ path: file, name, mediaType: 'application/zip' }, spec.maxBytes);
  let code: string;
  if (opened === 'not-a-file') code = spec.errors.notAFile;
  else if (opened === 'too-large') code = spec.errors.tooLarge;
  else {
    const result = await dispatchUpload(uploads as UploadHandlers, 'openReviewCopy', [], opened);
    if (result.ok) {
      const { reviewId } = (result.value as { request: { reviewId: string } }).request;
      log.info(`review copy ${name} opened from the system`);
      return `${APP_ENTRY_URL}#/review/${reviewId}`;
    }
    code = result.error.code;
  }
  log.warn(`review copy ${name} not opened: ${code}`);
  return `${APP_ENTRY_URL}#/?reviewError=${encodeURIComponent(code)}`;
}

/** Show reviewer mode for `file` in the app's window. */
export async function showReviewCopy(window: Pick<BrowserWindow, 'loadURL' | 'isMinimized' | 'restore' | 'focus'>, file: string, uploads: Pick<UploadHandlers, 'openReviewCopy'>): Promise<void> {
  const url = await openReviewCopyAt(file, uploads);
  if (window.isMinimized()) window.restore();
  window.focus();
  await window.loadURL(url).catch((err: unknown) => log.error('could not show the review copy', err));
}
