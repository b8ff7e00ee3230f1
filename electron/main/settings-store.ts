import path from 'node:path';
import ElectronStore from 'electron-store';
import { quarantine } from '../../core/fs/atomic';
import { createLogger } from '../../core/log';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings, type SettingsStore } from '../../core/settings/settings';

const log = createLogger('settings-store');

const STORE_NAME = 'settings';

type Store = ElectronStore<Record<string, unknown>>;

/**
 * Preferences in the app, kept by electron-store in `<userData>/settings.json` (atomic writes), behind
 * the core's `SettingsStore`. A file that cannot be parsed is moved aside, never deleted, and the
 * app carries on with defaults: nobody should be locked out by a damaged preferences file.
 */
export class ElectronSettingsStore implements SettingsStore {
  private store: Store | null = null;

  constructor(private readonly cwd: string) {
    if (!path.isAbsolute(cwd)) throw new Error('settings folder must be absolute');
  }

  /** Where the preferences live on disk. */
  get file(): string {
    return path.join(this.cwd, `${STORE_NAME}.json`);
  }

  async read(): Promise<Settings> {
    try {
      const store = await this.open();
      return normalizeSettings(store.store, log);
    } catch (err) {
      log.error('could not read settings; using defaults', err);
      return { ...DEFAULT_SETTINGS };
    }
  }

  async write(next: Settings): Promise<void> {
    const store = await this.open();
    store.store = { ...next };
  }

  private async open(): Promise<Store> {
    if (this.store) {
      // electron-store re-reads the file on every access: detect damage made while the app runs.
      try {
        void this.store.store;
        return this.store;
      } catch (err) {
        this.store = null;
        await this.setAside(err);
      }
    }
    try {
      this.store = this.construct();
    } catch (err) {
      await this.setAside(err);
      this.store = this.construct();
    }
    return this.store;
  }

  private construct(): Store {
    return new ElectronStore<Record<string, unknown>>({
      cwd: this.cwd,
      name: STORE_NAME,
      defaults: { ...DEFAULT_SETTINGS },
    });
  }

  private async setAside(cause: unknown): Promise<void> {
    const aside = await quarantine(this.file).catch(() => null);
    log.warn(`settings file was unreadable; moved aside to ${aside ?? '(could not move)'} and using defaults`, cause);
  }
}
