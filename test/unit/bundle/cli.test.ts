// scsa keygen, export and verify, run as a user runs them: the built command line in a child process.
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLI_ENTRY, ROOT, ensureBuilt } from '../../e2e/harness';
import { serializeDraft } from '../../../core/store/read';
import { KEY_FILES } from '../../../core/keys';
import { makeFixture, readZip, tempDir } from './fixture';

const STACK_LINE = /\n\s+at .+:\d+:\d+/;
const PASS = 'correct horse battery';
const EXAMPLE = path.join(ROOT, 'core', 'checklist', 'examples', 'example-en.scsa.json');
let dir: string;

function scsa(args: string[], env: Record<string, string> = {}) {
  const { SCSA_LANG: _l, SCSA_PASSPHRASE: _p, ...base } = process.env;
  // stdin is not a terminal here: the commands must never wait for a prompt.
  const run = spawnSync(process.execPath, [CLI_ENTRY, ...args], { encoding: 'utf8', cwd: dir, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  expect(run.stderr).not.toMatch(STACK_LINE);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
const withPass = { SCSA_PASSPHRASE: PASS };
// An export renders the real PDF report (fonts, layout) in a fresh process, and every unlock runs the
// full scrypt: allow for a busy machine (two cores shared by everything) in every test of this file.
const EXPORT_TIMEOUT = 120_000;
vi.setConfig({ testTimeout: EXPORT_TIMEOUT, hookTimeout: EXPORT_TIMEOUT });
const hex = (text: string) => /\b[0-9a-f]{64}\b/.exec(text)?.[0];

beforeAll(async () => {
  await ensureBuilt();
  dir = await tempDir('scsa-cli-bundle-');
  expect(scsa(['keygen', '--out', 'key'], withPass).code).toBe(0);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('scsa keygen', () => {
  it('made a sealed key whose fingerprint it printed; a second keygen into the folder changes nothing', async () => {
    const fingerprint = (await fs.readFile(path.join(dir, 'key', KEY_FILES.fingerprint), 'utf8')).split('\n')[1];
    const before = await fs.readFile(path.join(dir, 'key', KEY_FILES.privateKey));
    const again = scsa(['keygen', '--out', 'key'], withPass);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(await fs.readFile(path.join(dir, 'key', KEY_FILES.privateKey))).toEqual(before);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(before.toString()).not.toContain(PASS);
  });

  it('without SCSA_PASSPHRASE and without a terminal it is a usage error, and no key is made', async () => {
    const r = scsa(['keygen', '--out', 'other']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SCSA_PASSPHRASE');
    expect(await fs.stat(path.join(dir, 'other')).catch(() => null)).toBeNull();
  });

  it('without --out it is a usage error', () => {
    expect(scsa(['keygen'], withPass).code).toBe(2);
  });
});

describe('scsa export and verify on the example assessment', () => {
  it('exports, then verify says 3 (not registered) with the fingerprint, 0 with a registry, 1 once tampered', async () => {
    await fs.mkdir(path.join(dir, 'out'));
    const exported = scsa(['export', EXAMPLE, '--key', 'key', '--out', 'out', '--revision', '2'], withPass);
    expect(exported.code).toBe(0);
    const [name] = await fs.readdir(path.join(dir, 'out'));
    expect(name).toMatch(/^XXX_safer-cities-sacl_v1\.0\.0_r2_\d{4}-\d{2}-\d{2}\.zip$/);
    const bundle = path.join('out', name as string);

    const unregistered = scsa(['verify', bundle]);
    expect(unregistered.code).toBe(3);
    const fingerprint = hex(unregistered.stdout);
    expect(fingerprint).toBe((await fs.readFile(path.join(dir, 'key', KEY_FILES.fingerprint), 'utf8')).split('\n')[1]);

    await fs.writeFile(path.join(dir, 'registry.json'), JSON.stringify([{ country: 'XXX', fingerprint, name: 'Example focal point' }]));
    expect(scsa(['verify', bundle, '--registry', 'registry.json']).code).toBe(0);
    await fs.writeFile(path.join(dir, 'other-registry.json'), JSON.stringify([{ country: 'FRA', fingerprint }]));
    expect(scsa(['verify', bundle, '--registry', 'other-registry.json']).code).toBe(3);

    const bytes = await fs.readFile(path.join(dir, bundle));
    // The signature is stored uncompressed, so its bytes can be found and flipped in the zip itself.
    const sig = (await readZip(bytes)).find((e) => e.name.endsWith('.sig'));
    const tampered = Buffer.from(bytes);
    const sigAt = tampered.indexOf(sig?.bytes ?? Buffer.alloc(64));
    expect(sigAt).toBeGreaterThan(0);
    tampered[sigAt] = (tampered[sigAt] ?? 0) ^ 1;
    await fs.writeFile(path.join(dir, 'tampered.zip'), tampered);
    const bad = scsa(['verify', 'tampered.zip', '--lang', 'fr']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Non valable');
    expect(bad.stderr).toContain('signature');
  }, EXPORT_TIMEOUT);

  it('a wrong passphrase from the environment fails at once, leaving no bundle', async () => {
    const r = scsa(['export', EXAMPLE, '--key', 'key', '--out', 'wrong.zip'], { SCSA_PASSPHRASE: 'not the passphrase' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('passphrase is wrong');
    expect(await fs.stat(path.join(dir, 'wrong.zip')).catch(() => null)).toBeNull();
  });

  it('a key file from another tool is refused clearly', async () => {
    await fs.mkdir(path.join(dir, 'foreign'));
    await fs.writeFile(path.join(dir, 'foreign', KEY_FILES.privateKey), '-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n');
    const r = scsa(['export', EXAMPLE, '--key', 'foreign', '--out', 'foreign.zip'], withPass);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not a key file written by this application');
  });

  it('a bad registry file, a missing bundle argument, and a missing file', async () => {
    await fs.writeFile(path.join(dir, 'bad-registry.json'), '{"not": "a list"}');
    expect(scsa(['verify', 'x.zip', '--registry', 'bad-registry.json']).code).toBe(2);
    expect(scsa(['verify']).code).toBe(2);
    const missing = scsa(['verify', 'nowhere.zip']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('does not exist');
  });
});

describe('scsa export of a portable draft with attachments', () => {
  it('takes the attachments from the companion folder; a missing one is named and nothing is written', async () => {
    const f = await makeFixture();
    try {
      const draftFile = path.join(dir, 'fra.scsa.json');
      await fs.writeFile(draftFile, serializeDraft(f.draft));
      await fs.cp(f.attachmentsDir, path.join(dir, 'fra.scsa-attachments'), { recursive: true });
      const ok = scsa(['export', 'fra.scsa.json', '--key', 'key', '--out', 'fra.zip'], withPass);
      expect(ok.code).toBe(0);
      expect(scsa(['verify', 'fra.zip']).code).toBe(3);
      const names = (await readZip(path.join(dir, 'fra.zip'))).map((e) => e.name);
      expect(names.filter((n) => n.includes('/data/attachments/'))).toHaveLength(2);

      await fs.rm(path.join(dir, 'fra.scsa-attachments', f.draft.attachments[1]?.sha256 ?? ''));
      const refused = scsa(['export', 'fra.scsa.json', '--key', 'key', '--out', 'fra-2.zip'], withPass);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('photo.jpg');
      expect(refused.stderr).toContain('C.3');
      expect(await fs.stat(path.join(dir, 'fra-2.zip')).catch(() => null)).toBeNull();
    } finally {
      await fs.rm(f.dir, { recursive: true, force: true });
    }
  }, EXPORT_TIMEOUT);

  it('an incomplete draft is refused with the list of items', async () => {
    const f = await makeFixture([]);
    try {
      const { 'A.1': _gone, ...answers } = f.draft.answers;
      await fs.writeFile(path.join(dir, 'incomplete.scsa.json'), serializeDraft({ ...f.draft, answers: { ...answers, 'C.3': { files: [], links: [] } } }));
      const r = scsa(['export', 'incomplete.scsa.json', '--key', 'key', '--out', 'incomplete.zip'], withPass);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('A.1');
      expect(r.stderr).toContain('scsa validate incomplete.scsa.json');
    } finally {
      await fs.rm(f.dir, { recursive: true, force: true });
    }
  });
});
