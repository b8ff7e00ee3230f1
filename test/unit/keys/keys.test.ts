// The focal point's signing key: sealed at rest, unlocked only with the passphrase, imported, replaced.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateKeyPairSync, sign, verify, createPublicKey, createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DEFAULT_SCRYPT,
  KEY_FILES,
  fingerprintOf,
  generateKey,
  importPrivateKeyPem,
  loadKeyFile,
  parsePrivateKeyPem,
  parsePublicKeyPem,
  printableFingerprint,
  saveKey,
  saveReplacement,
  signReplacement,
  unlockKey,
  verifyReplacement,
  type KeyWrapper,
} from '../../../core/keys';
import { AppError } from '../../../core/errors';
import { setLogSink } from '../../../core/log';

setLogSink(null);

const FAST = { scrypt: { N: 2 ** 14, r: 8, p: 1 } };
const PASS = 'correct horse battery';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-keys-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  throw new Error('expected an AppError');
}

describe('a new key', () => {
  it('is stored sealed: the file holds neither the passphrase nor the private key, and unlocks to a key that signs', async () => {
    const sealed = await generateKey(PASS, FAST);
    await saveKey(dir, sealed);
    const text = await fs.readFile(path.join(dir, KEY_FILES.privateKey), 'utf8');
    expect(text).not.toContain(PASS);
    expect(text).not.toContain('PRIVATE KEY');
    const key = await unlockKey(await loadKeyFile(dir), PASS);
    const sig = sign(null, Buffer.from('hello'), key.privateKey);
    expect(verify(null, Buffer.from('hello'), createPublicKey(await fs.readFile(path.join(dir, KEY_FILES.publicKey), 'utf8')), sig)).toBe(true);
    expect(key.fingerprint).toBe(sealed.fingerprint);
  });

  it('has a fingerprint that is the SHA-256 of the DER SPKI, printable as 8 groups of 8', async () => {
    const sealed = await generateKey(PASS, FAST);
    const der = createPublicKey(sealed.publicKeyPem).export({ type: 'spki', format: 'der' });
    expect(sealed.fingerprint).toBe(createHash('sha256').update(der).digest('hex'));
    const printable = printableFingerprint(sealed.fingerprint);
    expect(printable.split(/\s+/)).toHaveLength(8);
    expect(printable.replace(/\s+/g, '')).toBe(sealed.fingerprint);
    const onDisk = dir;
    await saveKey(onDisk, sealed);
    expect(await fs.readFile(path.join(onDisk, KEY_FILES.fingerprint), 'utf8')).toContain(printable);
  });

  it('uses the default memory-hard cost when none is given, and records it in the file', async () => {
    const sealed = await generateKey(PASS);
    expect(sealed.keyFile.kdf).toMatchObject({ name: 'scrypt', N: DEFAULT_SCRYPT.N, r: 8, p: 1 });
    await expect(unlockKey(sealed.keyFile, PASS)).resolves.toMatchObject({ fingerprint: sealed.fingerprint });
  });

  it('refuses a short passphrase', async () => {
    expect(await codeOf(generateKey('short', FAST))).toBe('bundle:errors.passphraseTooShort');
  });

  it('is never written over an existing key', async () => {
    await saveKey(dir, await generateKey(PASS, FAST));
    const before = await fs.readFile(path.join(dir, KEY_FILES.privateKey));
    expect(await codeOf(saveKey(dir, await generateKey(PASS, FAST)))).toBe('bundle:errors.keyExists');
    expect(await fs.readFile(path.join(dir, KEY_FILES.privateKey))).toEqual(before);
  });
});

describe('unlocking', () => {
  it('says "wrong passphrase" for a wrong passphrase', async () => {
    const sealed = await generateKey(PASS, FAST);
    expect(await codeOf(unlockKey(sealed.keyFile, 'correct horse battery!'))).toBe('bundle:errors.wrongPassphrase');
  });

  it('treats the passphrase in Unicode normal form (é typed two ways unlocks the same key)', async () => {
    const sealed = await generateKey('passé-partout', FAST);
    await expect(unlockKey(sealed.keyFile, 'passe\u0301-partout')).resolves.toBeTruthy();
  });

  it('fails when a header field is altered (the parameters are bound to the ciphertext)', async () => {
    const sealed = await generateKey(PASS, FAST);
    const other = await generateKey(PASS, FAST);
    expect(await codeOf(unlockKey({ ...sealed.keyFile, fingerprint: other.fingerprint }, PASS))).toBe('bundle:errors.wrongPassphrase');
  });

  it('needs every wrapping layer the file names (room for the OS keychain)', async () => {
    const xor: KeyWrapper = {
      id: 'test-xor',
      wrap: async (b) => Buffer.from(b.map((x) => x ^ 0x5a)),
      unwrap: async (b) => Buffer.from(b.map((x) => x ^ 0x5a)),
    };
    const sealed = await generateKey(PASS, { ...FAST, wrappers: [xor] });
    expect(sealed.keyFile.wrapping).toEqual(['test-xor']);
    expect(await codeOf(unlockKey(sealed.keyFile, PASS))).toBe('bundle:errors.keyWrapperUnavailable');
    await expect(unlockKey(sealed.keyFile, PASS, [xor])).resolves.toMatchObject({ fingerprint: sealed.fingerprint });
  });
});

describe('a key file from elsewhere', () => {
  const write = async (text: string) => {
    const file = path.join(dir, 'private-key.json');
    await fs.writeFile(file, text);
    return file;
  };

  it('an RSA PEM is refused as a key file, clearly', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    expect(await codeOf(loadKeyFile(await write(rsa)))).toBe('bundle:errors.keyFileInvalid');
  });

  it('garbage, JSON of another shape, or a future version are refused', async () => {
    expect(await codeOf(loadKeyFile(await write('\u0000\u0001garbage')))).toBe('bundle:errors.keyFileInvalid');
    expect(await codeOf(loadKeyFile(await write('{"hello":1}')))).toBe('bundle:errors.keyFileInvalid');
    const sealed = await generateKey(PASS, FAST);
    await write(JSON.stringify({ ...sealed.keyFile, schemaVersion: 2 }));
    await expect(loadKeyFile(dir)).rejects.toMatchObject({ code: 'bundle:errors.keyFileInvalid', params: { problem: 'futureVersion' } });
  });

  it('a key file asking for absurd scrypt memory is refused before any work', async () => {
    const sealed = await generateKey(PASS, FAST);
    await write(JSON.stringify({ ...sealed.keyFile, kdf: { ...sealed.keyFile.kdf, N: 2 ** 30 } }));
    expect(await codeOf(loadKeyFile(dir))).toBe('bundle:errors.keyKdfRefused');
  });

  it('a missing key folder says so', async () => {
    expect(await codeOf(loadKeyFile(path.join(dir, 'nope')))).toBe('bundle:errors.keyNotFound');
  });
});

describe('importing a PEM private key', () => {
  it('takes an Ed25519 PKCS#8 key made by another tool and keeps its fingerprint', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const sealed = await importPrivateKeyPem(pem, PASS, FAST);
    expect(sealed.fingerprint).toBe(fingerprintOf(publicKey));
    expect((await unlockKey(sealed.keyFile, PASS)).fingerprint).toBe(sealed.fingerprint);
  });

  it('refuses RSA (PKCS#1 and PKCS#8), EC, OpenSSH-looking and garbage input with distinct reasons', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    expect(await codeOf(importPrivateKeyPem(rsa.export({ type: 'pkcs1', format: 'pem' }).toString(), PASS, FAST))).toBe('bundle:errors.keyNotPkcs8');
    expect(await codeOf(importPrivateKeyPem(rsa.export({ type: 'pkcs8', format: 'pem' }).toString(), PASS, FAST))).toBe('bundle:errors.keyNotEd25519');
    expect(await codeOf(importPrivateKeyPem(ec.export({ type: 'pkcs8', format: 'pem' }).toString(), PASS, FAST))).toBe('bundle:errors.keyNotEd25519');
    expect(await codeOf(importPrivateKeyPem('-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n', PASS, FAST))).toBe('bundle:errors.keyNotPkcs8');
    expect(await codeOf(importPrivateKeyPem('not a key', PASS, FAST))).toBe('bundle:errors.keyUnreadable');
    expect(await codeOf(importPrivateKeyPem('-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n', PASS, FAST))).toBe('bundle:errors.keyUnreadable');
  });
});

describe('replacing a key', () => {
  it('the old key signs a statement naming the new fingerprint, written next to the new key', async () => {
    const oldKey = await unlockKey((await generateKey(PASS, FAST)).keyFile, PASS);
    const next = await generateKey(PASS, FAST);
    const newDir = path.join(dir, 'new');
    await saveKey(newDir, next);
    const file = await saveReplacement(newDir, signReplacement(oldKey, next, new Date('2026-11-01T10:00:00Z')));
    expect(path.dirname(file)).toBe(newDir);
    const statement = verifyReplacement(JSON.parse(await fs.readFile(file, 'utf8')));
    expect(statement).toMatchObject({ oldFingerprint: oldKey.fingerprint, newFingerprint: next.fingerprint, date: '2026-11-01T10:00:00.000Z' });
  });

  it('a statement naming another new key, or signed by another key, is rejected', async () => {
    const oldKey = await unlockKey((await generateKey(PASS, FAST)).keyFile, PASS);
    const next = await generateKey(PASS, FAST);
    const intruder = await generateKey(PASS, FAST);
    const signed = signReplacement(oldKey, next);
    const swapped = { ...signed, statement: { ...signed.statement, newFingerprint: intruder.fingerprint, newPublicKeyPem: intruder.publicKeyPem } };
    expect(() => verifyReplacement(swapped)).toThrow(expect.objectContaining({ params: { problem: 'signature' } }));
    expect(() => verifyReplacement({ ...signed, statement: { ...signed.statement, newFingerprint: intruder.fingerprint } })).toThrow(
      expect.objectContaining({ params: { problem: 'fingerprint' } }),
    );
    expect(() => verifyReplacement({ nonsense: true })).toThrow(expect.objectContaining({ code: 'bundle:errors.replacementInvalid' }));
  });

  it('a statement that carries private key text where a public key belongs is rejected, although its public half matches', () => {
    const oldPair = generateKeyPairSync('ed25519');
    const oldKey = { privateKey: oldPair.privateKey, publicKey: oldPair.publicKey, publicKeyPem: oldPair.publicKey.export({ type: 'spki', format: 'pem' }).toString(), fingerprint: fingerprintOf(oldPair.publicKey) };
    const newPair = generateKeyPairSync('ed25519');
    const newPrivatePem = newPair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    // Signed honestly by the old key, so only the kind of PEM text is wrong.
    const signed = signReplacement(oldKey, { publicKeyPem: newPrivatePem, fingerprint: fingerprintOf(newPair.publicKey) });
    expect(() => verifyReplacement(signed)).toThrow(expect.objectContaining({ code: 'bundle:errors.replacementInvalid', params: { problem: 'publicKey' } }));
    expect(() => parsePublicKeyPem(newPrivatePem)).toThrow(expect.objectContaining({ code: 'bundle:errors.publicKeyInvalid' }));
    expect(parsePublicKeyPem(oldKey.publicKeyPem).asymmetricKeyType).toBe('ed25519');
  });

  it('another tool\'s PEM key is read without sealing anything, with the fingerprint an import keeps', async () => {
    const pair = generateKeyPairSync('ed25519');
    const pem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(parsePrivateKeyPem(pem).fingerprint).toBe(fingerprintOf(pair.publicKey));
    expect((await importPrivateKeyPem(pem, PASS, FAST)).fingerprint).toBe(fingerprintOf(pair.publicKey));
    expect(() => parsePrivateKeyPem(pair.publicKey.export({ type: 'spki', format: 'pem' }).toString())).toThrow(expect.objectContaining({ code: 'bundle:errors.keyNotPkcs8' }));
  });
});
