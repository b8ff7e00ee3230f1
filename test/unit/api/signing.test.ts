// The focal point's signing key and signed submissions through the API, in a temp data folder.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../core/api/dispatch';
import { createCoreService, type CoreService } from '../../../core/api/service';
import type { ApiMethod, ApiResult } from '../../../core/api/contract';
import { FileSettingsStore } from '../../../core/settings/file-store';
import { setLogSink } from '../../../core/log';
import { PASSPHRASE_PAUSE_MS, PassphraseGuard } from '../../../core/features/keys/handlers';
import { META, diskFile, pollJob, tempDir } from './harness';

type Key = { fingerprint: string; printable: string; publicKeyPem: string; createdAt: string };
type Bundle = { fileName: string; size: number; submissionRevision: number; externalIdentifier: string; fingerprint: string };
type Check = { status: string; fingerprints: string[]; reason?: { code: string; params?: Record<string, unknown> } };
type Job = { kind: string; state: string; progress: number; submission?: Bundle; check?: Check; error?: { code: string } };

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

/** Poll a bundle job as the renderer does, keeping every progress value seen, until it ends. */
async function finish(jobId: string, seen: number[] = []): Promise<Job> {
  for (;;) {
    const polled = await pollJob<Job>(call, jobId);
    if (!polled.ok) throw new Error(JSON.stringify(polled.error));
    const job = polled.value;
    seen.push(job.progress);
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function exportDone(id: string, seen: number[] = []): Promise<Bundle> {
  const { jobId } = await ok<{ jobId: string }>('exportSubmission', id, PASS);
  const job = await finish(jobId, seen);
  if (job.state !== 'done' || !job.submission) throw new Error(`export failed: ${JSON.stringify(job.error)}`);
  return job.submission;
}

/** Check a file through the core's file handler (what both transports call), to the verdict. */
async function checkFile(file: string, registry?: string): Promise<Check> {
  const { jobId } = await service.uploads.checkBundleFile(diskFile(file), registry);
  const job = await finish(jobId);
  if (!job.check) throw new Error(`check failed: ${JSON.stringify(job.error)}`);
  return job.check;
}

const keptPath = (id: string, bundle: Bundle) => path.join(dir, 'submissions', id, bundle.fileName);

async function exampleBundle(): Promise<{ key: Key; bundle: Bundle; id: string; file: string }> {
  const key = await ok<Key>('createSigningKey', PASS);
  const opened = await ok<{ draft: { id: string } }>('openExample', 'en');
  const bundle = await exportDone(opened.draft.id);
  return { key, bundle, id: opened.draft.id, file: keptPath(opened.draft.id, bundle) };
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

  it('signs the training example into the data folder under its final name, no temp file left; the result carries no bytes', async () => {
    const seen: number[] = [];
    const key = await ok<Key>('createSigningKey', PASS);
    const opened = await ok<{ draft: { id: string } }>('openExample', 'en');
    const bundle = await exportDone(opened.draft.id, seen);
    expect(bundle.fileName).toMatch(/^XXX_.+_v.+_r1_\d{4}-\d{2}-\d{2}\.zip$/);
    expect(Object.keys(bundle).sort()).toEqual(['externalIdentifier', 'fileName', 'fingerprint', 'size', 'submissionRevision']);
    expect(bundle.fingerprint).toBe(key.fingerprint);
    const folder = path.join(dir, 'submissions', opened.draft.id);
    expect(await fs.readdir(folder)).toEqual([bundle.fileName]);
    const bytes = await fs.readFile(path.join(folder, bundle.fileName));
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.length).toBe(bundle.size);
    // Progress only grows, and the finished job says 1.
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((p, i) => i === 0 || p >= (seen[i - 1] ?? 0))).toBe(true);
  });

  it('the kept bundle verifies in place, unregistered then registered; revisions count up and are listed', async () => {
    const { key, bundle, id, file } = await exampleBundle();
    expect(await checkFile(file)).toMatchObject({ status: 'valid-unregistered', fingerprints: [key.fingerprint] });
    const registry = JSON.stringify([{ country: 'XXX', fingerprint: key.printable }]);
    expect(await checkFile(file, registry)).toMatchObject({ status: 'valid-registered', fingerprints: [key.fingerprint] });
    const other = JSON.stringify([{ country: 'FRA', fingerprint: key.fingerprint }]);
    expect((await checkFile(file, other)).status).toBe('valid-unregistered');

    const second = await exportDone(id);
    expect(second.submissionRevision).toBe(2);
    expect(second.fileName).toContain('_r2_');
    const log = JSON.parse(await fs.readFile(path.join(dir, 'submissions', `${id}.json`), 'utf8'));
    expect(log.exports.map((e: { submissionRevision: number }) => e.submissionRevision)).toEqual([1, 2]);
    // The export screen's list: both, with their sizes; a file removed by hand shows as gone.
    await fs.rm(file);
    const listed = await ok<Array<{ fileName: string; size: number | null; submissionRevision: number }>>('listSubmissions', id);
    expect(listed.map((k) => [k.submissionRevision, k.fileName, k.size])).toEqual([
      [1, bundle.fileName, null],
      [2, second.fileName, second.size],
    ]);
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

describe('checkBundleFile', () => {
  it('calls a tampered copy invalid, with a reason', async () => {
    const { file } = await exampleBundle();
    const bytes = await fs.readFile(file);
    // Flip one byte in the middle of the archive (inside the stored PDF or a JSON entry).
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 0x20;
    const tampered = path.join(dir, 'tampered.zip');
    await fs.writeFile(tampered, bytes);
    const r = await checkFile(tampered);
    expect(r.status).toBe('invalid');
    expect(r.reason?.code).toMatch(/^bundle:verify\./);
  });

  it('calls something that is not a zip invalid, refuses a broken registry at once, and runs the clean-up either way', async () => {
    const junk = path.join(dir, 'junk.zip');
    await fs.writeFile(junk, 'hello, not a zip');
    const r = await checkFile(junk);
    expect(r.status).toBe('invalid');
    expect(r.reason?.code).toMatch(/^bundle:verify\./);
    let cleaned = 0;
    await expect(service.uploads.checkBundleFile(diskFile(junk, () => cleaned++), '{not json')).rejects.toMatchObject({ code: 'bundle:errors.registryInvalid' });
    expect(cleaned).toBe(1);
    const { jobId } = await service.uploads.checkBundleFile(diskFile(junk, () => cleaned++), undefined);
    await finish(jobId);
    await vi.waitFor(() => expect(cleaned).toBe(2));
  });

  it('answers an unknown job id with a translated error', async () => {
    expect(await call('getJob', '6f1c7d0e-8a57-4c1b-9d1e-0b6f5d1d2a11')).toEqual({ ok: false, error: { code: 'errors.jobNotFound' } });
    expect(await call('getJob', 'not-a-uuid')).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
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
