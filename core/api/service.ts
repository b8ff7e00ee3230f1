import type { ApiHandlers, AppInfo } from './contract';
import type { SettingsStore } from '../settings/settings';
import { APP_VERSION, PRODUCT_NAME } from '../version';

export interface CoreOptions {
  dataDir: string;
  runtime: AppInfo['runtime'];
  settings: SettingsStore;
}

/** The core's implementation of every contract method; the transports only validate and forward. */
export function createCoreHandlers(options: CoreOptions): ApiHandlers {
  const { settings } = options;
  return {
    async getAppInfo() {
      return {
        productName: PRODUCT_NAME,
        version: APP_VERSION,
        checklistPack: null,
        dataDir: options.dataDir,
        runtime: options.runtime,
      };
    },
    async getSettings() {
      return settings.read();
    },
    async setLanguage(language) {
      const next = { ...(await settings.read()), language };
      await settings.write(next);
      return next;
    },
    async listAssessments() {
      return [];
    },
  };
}
