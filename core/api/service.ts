import type { ApiHandlers, AppInfo } from './contract';
import type { SettingsStore } from '../settings/settings';
import { APP_VERSION, PRODUCT_NAME } from '../version';
import { AppError } from '../errors';

async function notYet(): Promise<never> {
  throw new AppError('errors.unexpected');
}

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
    // The workflow methods are wired to the draft store in core/api/workflow (in progress).
    listPacks: notYet,
    getPack: notYet,
    createAssessment: notYet,
    openAssessment: notYet,
    closeAssessment: notYet,
    saveAnswers: notYet,
    updateAssessment: notYet,
    listHistory: notYet,
    restoreVersion: notYet,
    validateAssessment: notYet,
    exportCopy: notYet,
    importCopy: notYet,
  };
}
