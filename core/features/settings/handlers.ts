import type { HandlersOf } from '../../api/common';
import type { SettingsStore } from '../../settings/settings';
import type { settingsContract } from './contract';

export function createSettingsHandlers(settings: SettingsStore): HandlersOf<typeof settingsContract> {
  return {
    async getSettings() {
      return settings.read();
    },
    async setLanguage(language) {
      const next = { ...(await settings.read()), language };
      await settings.write(next);
      return next;
    },
  };
}
