import type { HandlersOf } from '../../api/common';
import { DEFAULT_PACK } from '../../checklist/registry';
import { APP_VERSION, PRODUCT_NAME } from '../../version';
import type { AppInfo, appContract } from './contract';

export function createAppHandlers(dataDir: string, runtime: AppInfo['runtime']): HandlersOf<typeof appContract> {
  return {
    async getAppInfo() {
      return {
        productName: PRODUCT_NAME,
        version: APP_VERSION,
        checklistPack: { id: DEFAULT_PACK.id, version: DEFAULT_PACK.version },
        dataDir,
        runtime,
      };
    },
  };
}
