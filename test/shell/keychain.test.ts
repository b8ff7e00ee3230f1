// The OS keychain layer over the signing key: when it is offered, what it does, and that main wires it.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiContract, type KeyBackup, type SigningKeyInfo } from '../../core/api/contract';
import { OS_KEYCHAIN, parseKeyFileText, unlockKey } from '../../core/keys';
import { setLogSink } from '../../core/log';
import { createKeychainWrapper, keychainUsable } from '../../electron/main/keychain';
import { fake, fakeSafeStorage } from './fake-electron';

vi.hoisted(() => {
  // electron-store loads the real `electron` package, which throws without a binary unless told where one would be.
  process.env.ELECTRON_OVERRIDE_DIST_PATH = '/nonexistent-electron';
});
vi.mock('electron', async () => {
  const { electronModule } = await import('./fake-electron');
  return { ...electronModule, default: electronModule };
});

const APP_URL = 'app://bundle/index.html';
const PASS = 'a long enough passphrase';

function setKeychain(available: boolean, backend: string, secret = 'this-computer'): void {
  fakeSafeStorage.available = available;
  fakeSafeStorage.backend = backend;
  fakeSafeStorage.secret = secret;
}

describe('which keychains are used', () => {
  beforeEach(() => setKeychain(false, 'basic_text'));

  it('is not offered when safeStorage has no encryption', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(createKeychainWrapper(fakeSafeStorage, platform)).toBeNull();
    }
  });

  it('on Linux, is offered only over a real keyring, not basic_text or before the app is ready', () => {
    for (const backend of ['basic_text', 'unknown']) {
      setKeychain(true, backend);
      expect([backend, keychainUsable(fakeSafeStorage, 'linux')]).toEqual([backend, false]);
    }
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) {
      setKeychain(true, backend);
      expect([backend, createKeychainWrapper(fakeSafeStorage, 'linux')?.id]).toEqual([backend, OS_KEYCHAIN]);
    }
  });

  it('on macOS and Windows, is offered whenever encryption is available', () => {
    setKeychain(true, 'unknown');
    expect(createKeychainWrapper(fakeSafeStorage, 'darwin')?.id).toBe(OS_KEYCHAIN);
    expect(createKeychainWrapper(fakeSafeStorage, 'win32')?.id).toBe(OS_KEYCHAIN);
  });

  it('is not offered when safeStorage itself fails', () => {
    const broken = { ...fakeSafeStorage, isEncryptionAvailable: () => { throw new Error('no D-Bus'); } };
    expect(createKeychainWrapper(broken, 'linux')).toBeNull();
  });

  it('round-trips bytes, and another keychain cannot open them: the error says what to do', async () => {
    setKeychain(true, 'gnome_libsecret');
    const wrapper = createKeychainWrapper(fakeSafeStorage, 'linux');
    if (!wrapper) throw new Error('keychain not offered');
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 255]);
    const wrapped = await wrapper.wrap(bytes);
    expect(wrapped.equals(bytes)).toBe(false);
    expect(await wrapper.unwrap(wrapped)).toEqual(bytes);
    fakeSafeStorage.secret = 'another-computer';
    await expect(wrapper.unwrap(wrapped)).rejects.toMatchObject({ code: 'signing:errors.keychainUnavailable' });
  });
});

describe('main wires the keychain into the core', () => {
  let tmp = '';
  const logLines: string[] = [];

  async function invoke<T>(channel: string, ...args: unknown[]): Promise<T> {
    const listener = fake.ipc.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    const result = (await listener({ senderFrame: { url: APP_URL } }, ...args)) as { ok: boolean; value?: T; error?: unknown };
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
    return result.value as T;
  }

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-keychain-'));
    fake.appPath = path.resolve(__dirname, '../..');
    fake.userData = tmp;
    setLogSink((line) => logLines.push(line));
    // A Linux desktop with a real keyring (the machine running this test is Linux).
    setKeychain(true, 'gnome_libsecret');
    const main = await import('../../electron/main/index');
    await main.started;
  });

  afterAll(async () => {
    setLogSink((line) => process.stderr.write(line + '\n'));
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('seals a key created through the IPC handlers with the os-keychain layer, and says so', async () => {
    expect(process.platform).toBe('linux');
    const info = await invoke<SigningKeyInfo>(apiContract.createSigningKey.channel, PASS);
    expect(info).toMatchObject({ protectedByKeychain: true, keychainAvailable: true });
    const keyFile = parseKeyFileText(await fs.readFile(path.join(tmp, 'keys', 'private-key.json'), 'utf8'));
    expect(keyFile.wrapping).toEqual([OS_KEYCHAIN]);
    // The bytes on disk went through safeStorage: without it the passphrase alone does not open them.
    await expect(unlockKey(keyFile, PASS)).rejects.toMatchObject({ code: 'bundle:errors.keyWrapperUnavailable' });
    expect(await invoke(apiContract.getSigningKey.channel)).toEqual(info);
  });

  it('backs the key up without the keychain, so the copy opens anywhere', async () => {
    const backup = await invoke<KeyBackup>(apiContract.backupSigningKey.channel, PASS);
    const file = parseKeyFileText(backup.text);
    expect(file.wrapping).toEqual([]);
    const key = await invoke<SigningKeyInfo>(apiContract.getSigningKey.channel);
    expect((await unlockKey(file, PASS)).fingerprint).toBe(key.fingerprint);
  });
});
