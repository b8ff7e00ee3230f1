// Preferences, kept the same way in the app (electron-store) and the web host (the core's file store), both behind
// the core's SettingsStore: the same file, the same defaults, and a damaged file never locks anyone out.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLogSink } from '../../core/log';
import { ElectronSettingsStore } from '../../electron/main/settings-store';
import { FileSettingsStore } from '../../core/settings/file-store';
import type { SettingsStore } from '../../core/settings/settings';

vi.hoisted(() => {
  // electron-store imports the `electron` package, which throws in plain Node unless pointed at a (stub) binary.
  process.env.ELECTRON_OVERRIDE_DIST_PATH = '/nonexistent-electron';
});

const logLines: string[] = [];
let dir = '';

beforeAll(() => setLogSink((line) => logLines.push(line)));
afterAll(() => setLogSink((line) => process.stderr.write(line + '\n')));
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-settings-'));
  logLines.length = 0;
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const settingsFile = (): string => path.join(dir, 'settings.json');
const asideFiles = async (): Promise<string[]> => (await fs.readdir(dir)).filter((n) => /^settings\.corrupt-.+\.json$/.test(n));

const STORES: Array<[string, (dir: string) => SettingsStore]> = [
  ['the app (ElectronSettingsStore)', (d) => new ElectronSettingsStore(d)],
  ['the web host (FileSettingsStore)', (d) => new FileSettingsStore(d)],
];

describe.each(STORES)('settings in %s', (_name, open) => {
  it('starts in English and keeps a chosen language across restarts', async () => {
    const first = open(dir);
    expect(await first.read()).toEqual({ schemaVersion: 1, language: 'en' });
    await first.write({ schemaVersion: 1, language: 'ar' });
    const again = open(dir);
    expect(await again.read()).toEqual({ schemaVersion: 1, language: 'ar' });
    expect(JSON.parse(await fs.readFile(settingsFile(), 'utf8'))).toMatchObject({ language: 'ar' });
  });

  it('moves a corrupt settings file aside, keeps its bytes, uses defaults and can save again', async () => {
    await fs.writeFile(settingsFile(), '{"schemaVersion":1,"language":"fr"');
    const store = open(dir);
    expect(await store.read()).toEqual({ schemaVersion: 1, language: 'en' });
    const aside = await asideFiles();
    expect(aside).toHaveLength(1);
    expect(await fs.readFile(path.join(dir, aside[0]!), 'utf8')).toBe('{"schemaVersion":1,"language":"fr"');
    expect(logLines.some((l) => l.includes('WARN') && l.includes('moved aside'))).toBe(true);
    await store.write({ schemaVersion: 1, language: 'ru' });
    expect(await open(dir).read()).toEqual({ schemaVersion: 1, language: 'ru' });
  });

  it('recovers when the file is damaged while the app is running', async () => {
    const store = open(dir);
    await store.write({ schemaVersion: 1, language: 'zh' });
    await fs.writeFile(settingsFile(), '\u0000\u0000garbage');
    expect(await store.read()).toEqual({ schemaVersion: 1, language: 'en' });
    expect(await asideFiles()).toHaveLength(1);
    await store.write({ schemaVersion: 1, language: 'es' });
    expect(await store.read()).toEqual({ schemaVersion: 1, language: 'es' });
  });

  it('falls back to English, with a log line, for an unknown language', async () => {
    await fs.writeFile(settingsFile(), JSON.stringify({ schemaVersion: 1, language: 'xx' }));
    expect(await open(dir).read()).toEqual({ schemaVersion: 1, language: 'en' });
    expect(logLines.some((l) => l.includes('unknown language') && l.includes('"xx"'))).toBe(true);
    expect(await asideFiles()).toHaveLength(0);
  });

  it('refuses a relative folder, which would land somewhere unpredictable', () => {
    expect(() => new ElectronSettingsStore('relative/dir')).toThrow();
  });
});

describe('ElectronSettingsStore', () => {
  it('refuses a relative folder, which would land somewhere unpredictable', () => {
    expect(() => new ElectronSettingsStore('relative/dir')).toThrow();
  });
});
