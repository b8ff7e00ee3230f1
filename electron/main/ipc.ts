import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { apiContract, API_METHODS, type ApiHandlers, type ApiResult } from '../../core/api/contract';
import { dispatch } from '../../core/api/dispatch';
import { createLogger } from '../../core/log';
import { isAppUrl } from './app-protocol';

const log = createLogger('ipc');

const FORBIDDEN: ApiResult<never> = { ok: false, error: { code: 'errors.forbidden' } };

/**
 * One `ipcMain.handle` per contract method. Each call must come from a frame showing the app's own
 * origin (not a page that somehow got loaded in our window), and its arguments are checked against
 * the contract by `dispatch` before the core sees them.
 */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, handlers: ApiHandlers): void {
  for (const method of API_METHODS) {
    const { channel } = apiContract[method];
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const senderUrl = event.senderFrame?.url;
      if (!isAppUrl(senderUrl)) {
        log.warn(`refused ${channel} from ${senderUrl ?? '(no frame)'}`);
        return FORBIDDEN;
      }
      return dispatch(handlers, method, args);
    });
  }
}
