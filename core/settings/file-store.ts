import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic, quarantine } from '../fs/atomic';
import { createLogger } from '../log';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings, type SettingsStore } from './settings';

const log = createLogger('settings');

/** Preferences as `settings.json` in a data folder (web host and command line). */
export class FileSettingsStore implements SettingsStore {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'settings.json');
  }

  async read(): Promise<Settings> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
    try {
      return normalizeSettings(JSON.parse(text), log);
    } catch {
      const aside = await quarantine(this.file).catch(() => null);
      log.warn(`settings file was unreadable; moved aside to ${aside ?? '(could not move)'} and using defaults`);
      return { ...DEFAULT_SETTINGS };
    }
  }

  async write(next: Settings): Promise<void> {
    await writeFileAtomic(this.file, JSON.stringify(next, null, 2) + '\n');
  }
}
