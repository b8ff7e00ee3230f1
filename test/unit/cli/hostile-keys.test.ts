// Key files asking for scrypt settings beyond the budget, given to every command that opens a key
// file (`export --key`, `keygen --replace`) or might (`keygen --import`): refused with the translated
// reason before any passphrase is tried, nothing written. The files: test/fixtures/hostile/keys/.
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLI_ENTRY, ROOT, ensureBuilt } from '../../e2e/harness';

const STACK_LINE = /\n\s+at .+:\d+:\d+/;
const PASS = 'correct horse battery';
const EXAMPLE = path.join(ROOT, 'core', 'checklist', 'examples', 'example-en.scsa.json');
const HOSTILE = path.join(ROOT, 'test', 'fixtures', 'hostile', 'keys');
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let dir: string;

function scsa(args: string[], env: Record<string, string> = {}) {
  const { SCSA_LANG: _l, SCSA_PASSPHRASE: _p, SCSA_OLD_PASSPHRASE: _o, ...base } = process.env;
  const run = spawnSync(process.execPath, [CLI_ENTRY, ...args], { encoding: 'utf8', cwd: dir, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  expect(run.stderr).not.toMatch(STACK_LINE);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(async () => {
  await ensureBuilt();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-cli-hostile-keys-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('a key file asking for 4 GiB of scrypt memory (N = 2^20, r = 32)', () => {
  const key = path.join(HOSTILE, 'scrypt-4gib');

  it('scsa export --key refuses it, in the chosen language, and writes no bundle', async () => {
    const en = scsa(['export', EXAMPLE, '--key', key, '--out', 'en.zip'], { SCSA_PASSPHRASE: PASS });
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('scrypt settings this application does not accept');
    expect(en.stderr).toContain('4096 MiB');
    expect(en.stderr).not.toContain('passphrase is wrong');
    const fr = scsa(['export', EXAMPLE, '--key', key, '--out', 'fr.zip', '--lang', 'fr'], { SCSA_PASSPHRASE: PASS });
    expect(fr.code).toBe(1);
    expect(fr.stderr).toContain('paramètres scrypt');
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('scsa keygen --replace refuses it before asking for any passphrase, and makes no key', async () => {
    const r = scsa(['keygen', '--out', 'next', '--replace', key], { SCSA_PASSPHRASE: PASS, SCSA_OLD_PASSPHRASE: PASS });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('scrypt settings this application does not accept');
    expect(await fs.stat(path.join(dir, 'next')).catch(() => null)).toBeNull();
  });

  it('scsa keygen --import never opens it: a key file of this app is not something to import', async () => {
    const r = scsa(['keygen', '--out', 'imported', '--import', path.join(key, 'private-key.json')], { SCSA_PASSPHRASE: PASS });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('already a key file of this application');
    expect(await fs.stat(path.join(dir, 'imported')).catch(() => null)).toBeNull();
  });
});

it.each(['scrypt-512mib', 'scrypt-r-2tib', 'scrypt-p-work', 'scrypt-p-million', 'scrypt-n-not-power-of-two', 'scrypt-key-length-1gib'])(
  'scsa export --key %s is refused with the scrypt reason',
  (name) => {
    const r = scsa(['export', EXAMPLE, '--key', path.join(HOSTILE, name), '--out', `${name}.zip`], { SCSA_PASSPHRASE: PASS });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('scrypt settings this application does not accept');
  },
);
