import { DEFAULT_LANGUAGE, isLanguage } from '../i18n/languages';
import type { Logger } from '../log';
import type { Settings } from './schema';

export { SettingsSchema, type Settings } from './schema';

export const DEFAULT_SETTINGS: Settings = { schemaVersion: 1, language: DEFAULT_LANGUAGE };

/** Where preferences live: electron-store in the app, a JSON file in the web host's data folder. */
export interface SettingsStore {
  read(): Promise<Settings>;
  write(next: Settings): Promise<void>;
}

/**
 * Accept whatever was on disk and make a valid Settings of it: a user should never be locked out of
 * the app by a hand-edited or foreign preferences file.
 */
export function normalizeSettings(raw: unknown, log: Logger): Settings {
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_SETTINGS };
  const language = (raw as { language?: unknown }).language;
  if (language !== undefined && !isLanguage(language)) {
    log.warn(`unknown language ${JSON.stringify(language)} in settings; using English`);
  }
  return { schemaVersion: 1, language: isLanguage(language) ? language : DEFAULT_LANGUAGE };
}
