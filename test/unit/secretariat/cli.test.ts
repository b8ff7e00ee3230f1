// scsa registry, import and countersign, run as the secretariat runs them: the built command line.
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLI_ENTRY, ensureBuilt } from '../../e2e/harness';
import { generateKey, printableFingerprint, saveKey, signReplacement, unlockKey, type SigningKey } from '../../../core/keys';
import { FAST, PASS, readZip, writeZip } from '../bundle/fixture';
import { makeKit, filesUnder, tempDir, type Kit } from './fixture';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });
const STACK_LINE = /\n\s+at .+:\d+:\d+/;

let kit: Kit;
let dir: string;
let approverDir: string;
let approver: SigningKey;

function scsa(args: string[], env: Record<string, string> = {}) {
  const { SCSA_LANG: _l, SCSA_PASSPHRASE: _p, ...base } = process.env;
  const run = spawnSync(process.execPath, [CLI_ENTRY, ...args], { encoding: 'utf8', cwd: dir, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  expect(run.stderr).not.toMatch(STACK_LINE);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
const jsonLines = (text: string) => text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

async function pemFile(key: SigningKey, name: string): Promise<string> {
  const file = path.join(dir, `${name}.pub.pem`);
  await fs.writeFile(file, key.publicKeyPem);
  return file;
}

beforeAll(async () => {
  await ensureBuilt();
  kit = await makeKit();
  dir = await tempDir('scsa-cli-ws-');
  const sealed = await generateKey(PASS, FAST);
  approverDir = path.join(dir, 'approver-key');
  await saveKey(approverDir, sealed);
  approver = await unlockKey(sealed.keyFile, PASS);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('scsa registry', () => {
  it('add makes the workspace, takes the fingerprint as printed in the letter, and lists the key', async () => {
    const typed = printableFingerprint(kit.keys.fra.fingerprint).toUpperCase();
    const r = scsa(['registry', 'add', '--workspace', 'ws1', '--country', 'FRA', '--pem', await pemFile(kit.keys.fra, 'fra'), '--fingerprint', typed, '--name', 'Point focal']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Created a new workspace');
    expect(r.stdout).toContain('Registered for FRA as focal point:');
    const list = scsa(['registry', 'list', '--workspace', 'ws1']);
    expect(list.stdout).toContain(printableFingerprint(kit.keys.fra.fingerprint).replace('\n', ' '));
    expect(JSON.parse(scsa(['registry', 'list', '--workspace', 'ws1', '--json']).stdout)).toEqual([expect.objectContaining({ country: 'FRA', role: 'focal-point', name: 'Point focal' })]);
  });

  it('refuses a PEM that does not match the typed fingerprint: exit 1, nothing registered, in the chosen language', async () => {
    const r = scsa(['registry', 'add', '--workspace', 'ws1', '--country', 'KEN', '--pem', await pemFile(kit.keys.ken, 'ken'), '--fingerprint', kit.keys.fra.fingerprint, '--lang', 'fr']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ne correspond pas à l’empreinte saisie');
    expect(JSON.parse(scsa(['registry', 'list', '--workspace', 'ws1', '--json']).stdout)).toHaveLength(1);
  });

  it('usage mistakes exit 2 with the help pointer', () => {
    for (const args of [['registry', 'frobnicate', '--workspace', 'ws1'], ['registry', 'add', '--workspace', 'ws1', '--country', 'FRA'], ['registry', 'list', '--workspace', 'ws1', '--pem', 'x'], ['registry', 'revoke', '--workspace', 'ws1'], ['import', 'x.zip']]) {
      const r = scsa(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('--help');
    }
  });
});

describe('scsa import', () => {
  it('gives one JSON line per file with its decision, exits 1 when one is rejected, and finds only duplicates the second time', async () => {
    const inbox = path.join(dir, 'inbox');
    const r1 = await kit.bundle({ revision: 1 }, inbox);
    await kit.bundle({ revision: 2 }, path.join(inbox, 'later'));
    await kit.bundle({ key: kit.keys.stranger, revision: 3 }, inbox);
    await fs.copyFile(r1, path.join(inbox, 'later', 'copy-of-r1.zip'));
    const bad = path.join(dir, 'bad.zip');
    const items = await readZip(r1);
    (items.find((i) => i.name.endsWith('data/report.pdf')) ?? { bytes: Buffer.alloc(0) }).bytes = Buffer.from('%PDF changed');
    await fs.writeFile(bad, await writeZip(items));

    const first = scsa(['import', '--workspace', 'ws1', '--json', inbox, bad]);
    expect(first.code).toBe(1);
    const lines = jsonLines(first.stdout);
    const byName = (name: string) => lines.find((l) => path.basename(String(l.path)) === name);
    expect(lines).toHaveLength(5);
    expect(byName(path.basename(r1))).toMatchObject({ decision: 'imported', country: 'FRA', submissionRevision: 1, signers: [{ fingerprint: kit.keys.fra.fingerprint, role: 'focal-point' }] });
    expect(lines.map((l) => l.decision).sort()).toEqual(['duplicate', 'held', 'imported', 'rejected', 'supersedes']);
    expect(byName('bad.zip')).toMatchObject({ decision: 'rejected', reason: 'The content of data/report.pdf was changed after signing.', reasonCode: 'bundle:verify.hashMismatch' });
    expect(lines.find((l) => l.decision === 'held')?.reason).toBe('no key that signed it is registered for FRA.');
    expect(String(lines.find((l) => l.decision === 'imported')?.externalIdentifier)).toMatch(/^urn:uuid:/);

    const before = await filesUnder(path.join(dir, 'ws1', 'submissions'));
    const again = scsa(['import', '--workspace', 'ws1', '--json', path.join(inbox, 'later'), r1]);
    expect(again.code).toBe(0);
    expect(jsonLines(again.stdout).map((l) => l.decision)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(await filesUnder(path.join(dir, 'ws1', 'submissions'))).toEqual(before);
  });

  it('in plain text names each decision and signer, and summarises; a dry run writes nothing', async () => {
    const b = await kit.bundle({ revision: 4 });
    const before = await filesUnder(path.join(dir, 'ws1'));
    const dry = scsa(['import', '--workspace', 'ws1', '--dry-run', b]);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain('Dry run');
    expect(dry.stdout).toContain(`supersedes: ${b} (FRA, submission revision 4)`);
    expect(dry.stdout).toContain(`signed by ${printableFingerprint(kit.keys.fra.fingerprint).replace('\n', ' ')}: focal point, Point focal`);
    expect(dry.stderr).toContain('Decisions: supersedes 1.');
    expect(await filesUnder(path.join(dir, 'ws1'))).toEqual(before);
  });

  it('registering the held bundle\'s key files it, and says so', async () => {
    const r = scsa(['registry', 'add', '--workspace', 'ws1', '--country', 'FRA', '--pem', await pemFile(kit.keys.stranger, 'stranger'), '--fingerprint', kit.keys.stranger.fingerprint]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Held bundles checked again: 1; filed now: 1.');
    expect(r.stdout).toMatch(/^supersedes: .+ \(FRA, submission revision 3\) → submissions\/FRA\/[0-9a-f-]{36}\.zip$/m);
    expect(await fs.readdir(path.join(dir, 'ws1', 'held'))).toEqual([]);
  });

  it('refuses a workspace another process is writing: exit 1, who holds it', async () => {
    await fs.writeFile(path.join(dir, 'ws1', '.lock'), JSON.stringify({ pid: process.pid, host: os.hostname(), at: '2026-12-01T10:00:00.000Z' }));
    try {
      const r = scsa(['import', '--workspace', 'ws1', await kit.bundle({ revision: 9 })]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`process ${process.pid}`);
    } finally {
      await fs.rm(path.join(dir, 'ws1', '.lock'));
    }
  });
});

describe('scsa countersign, then import and verify', () => {
  it('adds the approver signature; import replaces the stored bundle; both list each signer with its role', async () => {
    const original = await kit.bundle({ revision: 1 });
    expect(scsa(['import', '--workspace', 'ws2', original]).code).toBe(0);
    const pem = await pemFile(approver, 'approver');
    const fra = await pemFile(kit.keys.fra, 'fra');
    expect(scsa(['registry', 'add', '--workspace', 'ws2', '--country', 'FRA', '--pem', fra, '--fingerprint', kit.keys.fra.fingerprint, '--name', 'Point focal']).code).toBe(0);
    expect(scsa(['registry', 'add', '--workspace', 'ws2', '--country', 'FRA', '--pem', pem, '--fingerprint', approver.fingerprint, '--role', 'approver', '--name', 'Ministre']).code).toBe(0);

    const cs = scsa(['countersign', original, '--key', approverDir, '--out', 'countersigned.zip'], { SCSA_PASSPHRASE: PASS });
    expect(cs.code).toBe(0);
    expect(cs.stdout).toContain('Countersigned bundle written: countersigned.zip');
    const again = scsa(['countersign', path.join(dir, 'countersigned.zip'), '--key', approverDir, '--out', 'twice.zip'], { SCSA_PASSPHRASE: PASS });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already signed');

    const imported = scsa(['import', '--workspace', 'ws2', 'countersigned.zip']);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^countersigned: /m);
    expect(imported.stdout).toContain(': approver, Ministre');
    expect(imported.stdout).toContain(': focal point, Point focal');

    const verified = scsa(['verify', 'countersigned.zip', '--registry', path.join('ws2', 'registry.json')]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('  approver, Ministre');
    expect(verified.stdout).toContain('  focal point, Point focal');
  });

  it('revoke and apply-replacement change the registry and are logged', async () => {
    const statement = path.join(dir, 'key-replacement.json');
    await fs.writeFile(statement, JSON.stringify(signReplacement(kit.keys.fra, kit.keys.ken, new Date('2026-12-01T09:00:00Z'))));
    const replaced = scsa(['registry', 'apply-replacement', statement, '--workspace', 'ws2']);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain('valid until 2026-12-01');
    expect(replaced.stdout).toContain('valid from 2026-12-01');
    const revoked = scsa(['registry', 'revoke', kit.keys.ken.fingerprint, '--date', '2027-01-01', '--workspace', 'ws2', '--lang', 'es']);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain('Revocada para FRA desde el 2027-01-01:');
    const log = (await fs.readFile(path.join(dir, 'ws2', 'registry-log.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l).action);
    expect(log).toEqual(['add', 'add', 'replace', 'revoke']);
  });
});
