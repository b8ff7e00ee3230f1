// The app's signing key verbs through the contract: import, replace (crash-safe), backup, keychain layer.
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../core/api/dispatch';
import { createCoreService } from '../../../core/api/service';
import { createSigningKeys } from '../../../core/features/keys/handlers';
import type { ApiMethod, ApiResult, KeyBackup, SigningKeyInfo } from '../../../core/api/contract';
import { FileSettingsStore } from '../../../core/settings/file-store';
import { KEY_SUBDIRS, OS_KEYCHAIN, parseKeyFileText, unlockKey, verifyReplacement, type KeyWrapper } from '../../../core/keys';
import enSigning from '../../../locales/en/signing.json';

const SCRYPT = { N: 2 ** 14, r: 8, p: 1 };
const PASS = 'correct horse battery';
const NEW_PASS = 'staple and another horse';

let dir = '';
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-signing-keys-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** An in-memory stand-in for the OS keychain: reversible only with its own secret, and it counts its use. */
function fakeKeychain(secret = 7) {
  const calls = { wrap: 0, unwrap: 0 };
  const xor = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ secret));
  const wrapper: KeyWrapper = {
    id: OS_KEYCHAIN,
    async wrap(bytes) {
      calls.wrap += 1;
      return Buffer.concat([Buffer.from('KC'), xor(bytes)]);
    },
    async unwrap(bytes) {
      calls.unwrap += 1;
      if (bytes.subarray(0, 2).toString() !== 'KC') throw new Error('not ours');
      return xor(bytes.subarray(2));
    },
  };
  return { wrapper, calls };
}

function core(dataDir: string, wrappers: readonly KeyWrapper[] = []) {
  const service = createCoreService({ dataDir, runtime: 'web', settings: new FileSettingsStore(dataDir), keyScrypt: SCRYPT, keyWrappers: wrappers });
  const call = (method: ApiMethod, ...args: unknown[]): Promise<ApiResult<unknown>> => dispatch(service.handlers, method, args);
  const ok = async <T>(method: ApiMethod, ...args: unknown[]): Promise<T> => {
    const r = await call(method, ...args);
    if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
    return r.value as T;
  };
  return { call, ok };
}

const keyDir = (dataDir: string) => path.join(dataDir, 'keys');
const readKeyFile = async (dataDir: string) => parseKeyFileText(await fs.readFile(path.join(keyDir(dataDir), 'private-key.json'), 'utf8'));
const errorCode = (r: ApiResult<unknown>) => (r.ok ? 'ok' : r.error.code);

function opensslEd25519(): { pem: string; fingerprint: string } {
  const pem = execFileSync('openssl', ['genpkey', '-algorithm', 'ed25519'], { encoding: 'utf8' });
  const der = execFileSync('openssl', ['pkey', '-pubout', '-outform', 'DER'], { input: pem });
  return { pem, fingerprint: createHash('sha256').update(der).digest('hex') };
}

describe('importing a key', () => {
  it('takes an Ed25519 key made by openssl genpkey, sealed with the app wrappers; the fingerprint is the one openssl gives', async () => {
    const { pem, fingerprint } = opensslEd25519();
    const { wrapper, calls } = fakeKeychain();
    const { ok, call } = core(dir, [wrapper]);
    const info = await ok<SigningKeyInfo>('importSigningKey', pem, PASS);
    expect(info).toMatchObject({ fingerprint, protectedByKeychain: true, keychainAvailable: true });
    expect(calls.wrap).toBe(1);
    expect((await readKeyFile(dir)).wrapping).toEqual([OS_KEYCHAIN]);
    // The private key on disk is not the PEM in any form.
    const onDisk = await fs.readFile(path.join(keyDir(dir), 'private-key.json'), 'utf8');
    expect(onDisk).not.toContain('PRIVATE KEY');
    const unlocked = await unlockKey(await readKeyFile(dir), PASS, [wrapper]);
    expect(unlocked.fingerprint).toBe(fingerprint);
    expect(createPublicKey(createPrivateKey(pem)).export({ type: 'spki', format: 'pem' })).toBe(info.publicKeyPem);
    // One key per data folder: a second import is refused and changes nothing.
    expect(errorCode(await call('importSigningKey', opensslEd25519().pem, PASS))).toBe('signing:errors.keyExists');
    expect((await ok<SigningKeyInfo>('getSigningKey')).fingerprint).toBe(fingerprint);
  });

  it('takes a key file of this app (a backup) that opens with its passphrase, keeping fingerprint and creation date', async () => {
    const other = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-signing-keys-other-'));
    try {
      const made = await core(other).ok<SigningKeyInfo>('createSigningKey', PASS);
      const backup = await core(other).ok<KeyBackup>('backupSigningKey', PASS);
      const { ok, call } = core(dir);
      expect(errorCode(await call('importSigningKey', backup.text, 'not the passphrase'))).toBe('bundle:errors.wrongPassphrase');
      expect(await ok('getSigningKey')).toBeNull();
      const info = await ok<SigningKeyInfo>('importSigningKey', backup.text, PASS);
      expect(info).toMatchObject({ fingerprint: made.fingerprint, publicKeyPem: made.publicKeyPem, createdAt: made.createdAt, protectedByKeychain: false });
    } finally {
      await fs.rm(other, { recursive: true, force: true });
    }
  });

  it('refuses other kinds of key with the error that names what is accepted, and saves nothing', async () => {
    const { call, ok } = core(dir);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const ed = generateKeyPairSync('ed25519');
    const cases: Array<[string, string]> = [
      ['-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n', 'bundle:errors.keyNotPkcs8'],
      [rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'bundle:errors.keyNotEd25519'],
      [rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(), 'bundle:errors.keyNotPkcs8'],
      [ed.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret words' }).toString(), 'bundle:errors.keyNotPkcs8'],
      [ed.publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'bundle:errors.keyNotPkcs8'],
      ['-----BEGIN PRIVATE KEY-----\nnot base64 at all!\n-----END PRIVATE KEY-----\n', 'bundle:errors.keyUnreadable'],
      ['just some words', 'bundle:errors.keyUnreadable'],
      ['{"format": "something else"}', 'bundle:errors.keyFileInvalid'],
    ];
    for (const [text, code] of cases) expect([text.slice(0, 40), errorCode(await call('importSigningKey', text, PASS))]).toEqual([text.slice(0, 40), code]);
    // A new passphrase for a foreign key follows the app's rule; an oversized file never reaches the core.
    expect(errorCode(await call('importSigningKey', opensslEd25519().pem, 'short'))).toBe('signing:errors.passphraseTooShort');
    expect(errorCode(await call('importSigningKey', 'x'.repeat(64 * 1024 + 1), PASS))).toBe('errors.badRequest');
    expect(await ok('getSigningKey')).toBeNull();
  });
});

describe('replacing the key', () => {
  it('has the old key sign a statement naming the new one, retires the old key whole, and signs with the new one', async () => {
    const { ok } = core(dir);
    const old = await ok<SigningKeyInfo>('createSigningKey', PASS);
    const oldFile = await fs.readFile(path.join(keyDir(dir), 'private-key.json'));
    const info = await ok<SigningKeyInfo>('replaceSigningKey', PASS, NEW_PASS);
    expect(info.fingerprint).not.toBe(old.fingerprint);
    expect(info.replaced?.fingerprint).toBe(old.fingerprint);
    const statement = verifyReplacement(JSON.parse(info.replaced?.statement ?? ''));
    expect(statement).toMatchObject({ oldFingerprint: old.fingerprint, newFingerprint: info.fingerprint, oldPublicKeyPem: old.publicKeyPem, newPublicKeyPem: info.publicKeyPem });
    expect(await fs.readFile(path.join(keyDir(dir), 'key-replacement.json'), 'utf8')).toBe(info.replaced?.statement);
    // The old key is kept, byte for byte, and still opens with its passphrase.
    const retired = path.join(keyDir(dir), KEY_SUBDIRS.retired, old.fingerprint);
    expect(await fs.readFile(path.join(retired, 'private-key.json'))).toEqual(oldFile);
    expect(await fs.readFile(path.join(retired, 'public-key.pem'), 'utf8')).toBe(old.publicKeyPem);
    expect((await unlockKey(parseKeyFileText(await fs.readFile(path.join(retired, 'private-key.json'), 'utf8')), PASS)).fingerprint).toBe(old.fingerprint);
    await expect(fs.access(path.join(keyDir(dir), KEY_SUBDIRS.staging))).rejects.toThrow();
    // What exports unlock is now the new key, with the new passphrase only.
    const keys = createSigningKeys({ dataDir: dir });
    const signer = await keys.unlock(NEW_PASS);
    expect(signer.fingerprint).toBe(info.fingerprint);
    const sig = sign(null, Buffer.from('bag'), signer.privateKey);
    expect(verify(null, Buffer.from('bag'), createPublicKey(info.publicKeyPem), sig)).toBe(true);
    await expect(keys.unlock(PASS)).rejects.toMatchObject({ code: 'bundle:errors.wrongPassphrase' });
    expect(await ok('getSigningKey')).toEqual(info);
  });

  it('refuses a wrong old passphrase (counted: the third pauses) and a short new one, changing nothing', async () => {
    const { ok, call } = core(dir);
    const old = await ok<SigningKeyInfo>('createSigningKey', PASS);
    expect(errorCode(await call('replaceSigningKey', PASS, 'short'))).toBe('signing:errors.passphraseTooShort');
    expect(errorCode(await call('replaceSigningKey', 'wrong one!!', NEW_PASS))).toBe('bundle:errors.wrongPassphrase');
    expect(errorCode(await call('replaceSigningKey', 'wrong two!!', NEW_PASS))).toBe('bundle:errors.wrongPassphrase');
    expect(errorCode(await call('replaceSigningKey', 'wrong three', NEW_PASS))).toBe('signing:errors.paused');
    expect(errorCode(await call('replaceSigningKey', PASS, NEW_PASS))).toBe('signing:errors.paused');
    expect(await ok('getSigningKey')).toEqual(old);
    await expect(fs.access(path.join(keyDir(dir), KEY_SUBDIRS.retired))).rejects.toThrow();
  });

  it('leaves a whole, usable key after a crash at any step, the old one never lost', async () => {
    const template = path.join(dir, 'template');
    const old = await createSigningKeys({ dataDir: template, keyScrypt: SCRYPT }).handlers.createSigningKey(PASS);
    const oldBytes = await fs.readFile(path.join(keyDir(template), 'private-key.json'));
    // A dry run lists the steps (every file write of the swap), then each is a crash point in turn.
    const steps: string[] = [];
    const probe = path.join(dir, 'probe');
    await fs.cp(template, probe, { recursive: true });
    await createSigningKeys({ dataDir: probe, keyScrypt: SCRYPT, swapCheckpoint: (s) => void steps.push(s) }).handlers.replaceSigningKey(PASS, NEW_PASS);
    expect(steps).toEqual(expect.arrayContaining(['stage:key', 'stage:statement', 'retire:private-key.json', 'install:private-key.json', 'cleanup']));
    for (const [i, step] of steps.entries()) {
      const dataDir = path.join(dir, `crash-${i}`);
      await fs.cp(template, dataDir, { recursive: true });
      const crashing = createSigningKeys({
        dataDir,
        keyScrypt: SCRYPT,
        swapCheckpoint: (s) => {
          if (s === step) throw new Error(`crash after ${s}`);
        },
      });
      await expect(crashing.handlers.replaceSigningKey(PASS, NEW_PASS)).rejects.toThrow(`crash after ${step}`);
      // The next start of the app.
      const restarted = createSigningKeys({ dataDir, keyScrypt: SCRYPT });
      const info = await restarted.handlers.getSigningKey();
      if (!info) throw new Error(`no key after a crash at ${step}`);
      const publicKey = createPublicKey(info.publicKeyPem);
      expect(createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex')).toBe(info.fingerprint);
      const passphrase = info.fingerprint === old.fingerprint ? PASS : NEW_PASS;
      expect([step, (await restarted.unlock(passphrase)).fingerprint]).toEqual([step, info.fingerprint]);
      if (info.fingerprint !== old.fingerprint) {
        expect(verifyReplacement(JSON.parse(info.replaced?.statement ?? '')).oldFingerprint).toBe(old.fingerprint);
        const retired = path.join(keyDir(dataDir), KEY_SUBDIRS.retired, old.fingerprint);
        expect(await fs.readFile(path.join(retired, 'private-key.json'))).toEqual(oldBytes);
        expect([step, await fs.readFile(path.join(retired, 'public-key.pem'), 'utf8')]).toEqual([step, old.publicKeyPem]);
      } else {
        expect(await fs.readFile(path.join(keyDir(dataDir), 'private-key.json'))).toEqual(oldBytes);
      }
      await expect(fs.access(path.join(keyDir(dataDir), KEY_SUBDIRS.staging))).rejects.toThrow();
    }
  });
});

describe('backup and the keychain layer', () => {
  it('seals new keys with the wrappers present and uses them to unlock', async () => {
    const { wrapper, calls } = fakeKeychain();
    const { ok } = core(dir, [wrapper]);
    const info = await ok<SigningKeyInfo>('createSigningKey', PASS);
    expect(info).toMatchObject({ protectedByKeychain: true, keychainAvailable: true });
    expect((await readKeyFile(dir)).wrapping).toEqual([OS_KEYCHAIN]);
    expect(calls).toEqual({ wrap: 1, unwrap: 0 });
    // Without the keychain the passphrase alone cannot open it.
    await expect(unlockKey(await readKeyFile(dir), PASS)).rejects.toMatchObject({ code: 'bundle:errors.keyWrapperUnavailable' });
    const keys = createSigningKeys({ dataDir: dir, wrappers: [wrapper] });
    expect((await keys.unlock(PASS)).fingerprint).toBe(info.fingerprint);
    expect(calls.unwrap).toBe(1);
    // The keychain never stands in for the passphrase.
    await expect(keys.unlock('wrong passphrase')).rejects.toMatchObject({ code: 'bundle:errors.wrongPassphrase' });
  });

  it('backs up the key sealed by the passphrase alone, which opens with no wrapper at all', async () => {
    const { wrapper } = fakeKeychain();
    const { ok, call } = core(dir, [wrapper]);
    const info = await ok<SigningKeyInfo>('createSigningKey', PASS);
    expect(errorCode(await call('backupSigningKey', 'wrong passphrase'))).toBe('bundle:errors.wrongPassphrase');
    const backup = await ok<KeyBackup>('backupSigningKey', PASS);
    expect(backup.fileName).toBe(`scsa-key-${info.fingerprint.slice(0, 8)}.json`);
    const file = parseKeyFileText(backup.text);
    expect(file.wrapping).toEqual([]);
    expect(file.createdAt).toBe(info.createdAt);
    expect((await unlockKey(file, PASS)).fingerprint).toBe(info.fingerprint);
  });

  it('says what to do when the key file needs a keychain this computer or tool does not offer', async () => {
    const made = core(dir, [fakeKeychain().wrapper]);
    const info = await made.ok<SigningKeyInfo>('createSigningKey', PASS);
    const keyFileText = await fs.readFile(path.join(keyDir(dir), 'private-key.json'), 'utf8');
    // The same data folder where the keychain is missing (another computer, the web host).
    const moved = core(dir);
    expect(await moved.ok('getSigningKey')).toMatchObject({ fingerprint: info.fingerprint, protectedByKeychain: true, keychainAvailable: false });
    expect(errorCode(await moved.call('backupSigningKey', PASS))).toBe('signing:errors.keychainUnavailable');
    expect(errorCode(await moved.call('replaceSigningKey', PASS, NEW_PASS))).toBe('signing:errors.keychainUnavailable');
    await expect(createSigningKeys({ dataDir: dir }).unlock(PASS)).rejects.toMatchObject({ code: 'signing:errors.keychainUnavailable' });
    // Importing that file elsewhere fails the same way; another keychain's secret too.
    const other = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-signing-keys-other-'));
    try {
      expect(errorCode(await core(other).call('importSigningKey', keyFileText, PASS))).toBe('signing:errors.keychainUnavailable');
      expect(errorCode(await core(other, [fakeKeychain(99).wrapper]).call('importSigningKey', keyFileText, PASS))).not.toBe('ok');
    } finally {
      await fs.rm(other, { recursive: true, force: true });
    }
    // The words name the way out: the backup, or the computer that made the key.
    expect(enSigning.errors.keychainUnavailable).toMatch(/backup/i);
  });
});
