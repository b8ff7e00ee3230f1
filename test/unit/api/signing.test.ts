// The focal point's signing key and signed submissions through the API, in a temp data folder.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../core/api/dispatch';
import { createCoreService, type CoreService } from '../../../core/api/service';
import type { ApiMethod, ApiResult } from '../../../core/api/contract';
import { FileSettingsStore } from '../../../core/settings/file-store';
import { setLogSink } from '../../../core/log';
import { PASSPHRASE_PAUSE_MS, PassphraseGuard } from '../../../core/api/signing-keys';
import { META, tempDir } from './harness';

type Key = { fingerprint: string; printable: string; publicKeyPem: string; createdAt: string };
type Bundle = { fileName: string; base64: string; submissionRevision: number; externalIdentifier: string; fingerprint: string };
type Check = { status: string; fingerprints: string[]; reason?: { code: string; params?: Record<string, unknown> } };

const PASS = 'correct horse battery';
let dir: string;
let service: CoreService;
const call = (method: ApiMethod, ...args: unknown[]): Promise<ApiResult<unknown>> => dispatch(service.handlers, method, args);
async function ok<T>(method: ApiMethod, ...args: unknown[]): Promise<T> {
  const r = await call(method, ...args);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

beforeEach(async () => {
  setLogSink(null);
  dir = await tempDir('signing');
  // The lowest scrypt cost core/keys accepts, so each unlock takes milliseconds here.
  service = createCoreService({ dataDir: dir, runtime: 'web', settings: new FileSettingsStore(dir), snapshotIntervalMs: 0, keyScrypt: { N: 2 ** 14, r: 8, p: 1 } });
});

afterEach(async () => {
  await service.dispose();
  await fs.rm(dir, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

async function exampleBundle(): Promise<{ key: Key; bundle: Bundle; id: string }> {
  const key = await ok<Key>('createSigningKey', PASS);
  const opened = await ok<{ draft: { id: string } }>('openExample', 'en');
  const bundle = await ok<Bundle>('exportSubmission', opened.draft.id, PASS);
  return { key, bundle, id: opened.draft.id };
}

describe('signing key', () => {
  it('has none at first, creates one in the data folder, and refuses a second', async () => {
    expect(await ok('getSigningKey')).toBeNull();
    const key = await ok<Key>('createSigningKey', PASS);
    expect(key.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(key.printable.replace(/\s+/g, '')).toBe(key.fingerprint);
    expect(key.publicKeyPem).toContain('BEGIN PUBLIC KEY');
    expect(await fs.readFile(path.join(dir, 'keys', 'public-key.pem'), 'utf8')).toBe(key.publicKeyPem);
    expect(await ok('getSigningKey')).toEqual(key);
    expect(await call('createSigningKey', 'another long passphrase')).toEqual({ ok: false, error: { code: 'signing:errors.keyExists' } });
    expect(await ok('getSigningKey')).toEqual(key);
  });

  it('refuses a short passphrase with a translated error and creates nothing', async () => {
    expect(await call('createSigningKey', 'short')).toEqual({ ok: false, error: { code: 'signing:errors.passphraseTooShort', params: { min: 10 } } });
    expect(await ok('getSigningKey')).toBeNull();
  });
});

describe('exportSubmission', () => {
  it('refuses an incomplete assessment with the list of items', async () => {
    await ok<Key>('createSigningKey', PASS);
    const created = await ok<{ draft: { id: string } }>('createAssessment', META);
    const r = await call('exportSubmission', created.draft.id, PASS);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('bundle:errors.incomplete');
    const problems = await ok<Array<{ itemId: string }>>('validateAssessment', created.draft.id);
    expect(r.error.params?.count).toBe(problems.length);
    expect(String(r.error.params?.items).split(', ')).toEqual(problems.map((p) => p.itemId));
  });

  it('refuses without a key', async () => {
    const opened = await ok<{ draft: { id: string } }>('openExample', 'en');
    expect(await call('exportSubmission', opened.draft.id, PASS)).toEqual({ ok: false, error: { code: 'signing:errors.noKey' } });
  });

  it('signs the training example; the bundle verifies, unregistered then registered; revisions count up', async () => {
    const { key, bundle, id } = await exampleBundle();
    expect(bundle.fileName).toMatch(/^XXX_.+_v.+_r1_\d{4}-\d{2}-\d{2}\.zip$/);
    expect(Buffer.from(bundle.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(bundle.fingerprint).toBe(key.fingerprint);
    const unregistered = await ok<Check>('verifySubmission', bundle.base64);
    expect(unregistered).toMatchObject({ status: 'valid-unregistered', fingerprints: [key.fingerprint] });
    const registry = JSON.stringify([{ country: 'XXX', fingerprint: key.printable }]);
    expect(await ok<Check>('verifySubmission', bundle.base64, registry)).toMatchObject({ status: 'valid-registered', fingerprints: [key.fingerprint] });
    const other = JSON.stringify([{ country: 'FRA', fingerprint: key.fingerprint }]);
    expect((await ok<Check>('verifySubmission', bundle.base64, other)).status).toBe('valid-unregistered');

    const second = await ok<Bundle>('exportSubmission', id, PASS);
    expect(second.submissionRevision).toBe(2);
    expect(second.fileName).toContain('_r2_');
    const log = JSON.parse(await fs.readFile(path.join(dir, 'submissions', `${id}.json`), 'utf8'));
    expect(log.exports.map((e: { submissionRevision: number }) => e.submissionRevision)).toEqual([1, 2]);
  });

  it('answers a wrong passphrase, then pauses after the third wrong one, even for the right one', async () => {
    await ok<Key>('createSigningKey', PASS);
    const opened = await ok<{ draft: { id: string } }>('openExample', 'en');
    for (let i = 0; i < 2; i++) {
      expect(await call('exportSubmission', opened.draft.id, 'not the passphrase')).toEqual({ ok: false, error: { code: 'bundle:errors.wrongPassphrase' } });
    }
    const third = await call('exportSubmission', opened.draft.id, 'not the passphrase');
    expect(third).toMatchObject({ ok: false, error: { code: 'signing:errors.paused' } });
    expect(await call('exportSubmission', opened.draft.id, PASS)).toMatchObject({ ok: false, error: { code: 'signing:errors.paused' } });
    await expect(fs.readdir(path.join(dir, 'submissions'))).rejects.toThrow();
  });
});

describe('verifySubmission', () => {
  it('calls a tampered bundle invalid, with a reason', async () => {
    const { bundle } = await exampleBundle();
    const bytes = Buffer.from(bundle.base64, 'base64');
    // Flip one byte in the middle of the archive (inside the stored PDF or a JSON entry).
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 0x20;
    const r = await ok<Check>('verifySubmission', bytes.toString('base64'));
    expect(r.status).toBe('invalid');
    expect(r.reason?.code).toMatch(/^bundle:verify\./);
  });

  it('calls something that is not a zip invalid, and refuses a broken registry', async () => {
    const r = await ok<Check>('verifySubmission', Buffer.from('hello, not a zip').toString('base64'));
    expect(r.status).toBe('invalid');
    expect(r.reason?.code).toMatch(/^bundle:verify\./);
    const bad = await call('verifySubmission', Buffer.from('x').toString('base64'), '{not json');
    expect(bad).toMatchObject({ ok: false, error: { code: 'bundle:errors.registryInvalid' } });
    expect(await call('verifySubmission', '***')).toEqual({ ok: false, error: { code: 'signing:errors.notABundle' } });
  });
});

describe('wrong passphrase pause', () => {
  const code = (fn: () => void): string | null => {
    try {
      fn();
      return null;
    } catch (err) {
      return (err as { code?: string }).code ?? 'thrown';
    }
  };

  it('pauses after three wrong passphrases within a minute, and lets the user try again once the pause is over', () => {
    let t = 1_000_000;
    const guard = new PassphraseGuard(() => t);
    expect(guard.wrong().code).toBe('bundle:errors.wrongPassphrase');
    t += 10_000;
    expect(guard.wrong().code).toBe('bundle:errors.wrongPassphrase');
    t += 10_000;
    const third = guard.wrong();
    expect(third.code).toBe('signing:errors.paused');
    expect(third.params).toEqual({ seconds: PASSPHRASE_PAUSE_MS / 1000 });
    t += PASSPHRASE_PAUSE_MS - 1000;
    expect(code(() => guard.check())).toBe('signing:errors.paused');
    t += 1000;
    expect(code(() => guard.check())).toBeNull();
    // The count starts afresh after a pause.
    expect(guard.wrong().code).toBe('bundle:errors.wrongPassphrase');
  });

  it('does not count wrong passphrases older than a minute', () => {
    let t = 0;
    const guard = new PassphraseGuard(() => t);
    guard.wrong();
    guard.wrong();
    t += 61_000;
    expect(guard.wrong().code).toBe('bundle:errors.wrongPassphrase');
    expect(code(() => guard.check())).toBeNull();
  });
});
