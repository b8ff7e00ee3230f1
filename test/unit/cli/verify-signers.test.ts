// scsa verify with two signers, one registered for the country and one not: the headline says the
// bundle is registered, and every signer is printed with its own status, so nobody has to guess
// which fingerprint is which. Run as a user runs it: the built command line in a child process.
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { CLI_ENTRY, ensureBuilt } from '../../e2e/harness';
import { printableFingerprint, type SigningKey } from '../../../core/keys';
import { exportFixture, makeFixture, newSigningKey, readZip, type Fixture } from '../bundle/fixture';
import { BagEdit } from '../bundle/hostile-corpus';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });
const STACK_LINE = /\n\s+at .+:\d+:\d+/;

let f: Fixture;
let approver: SigningKey;
let bag: BagEdit;

function scsa(args: string[]) {
  const { SCSA_LANG: _l, ...env } = process.env;
  const run = spawnSync(process.execPath, [CLI_ENTRY, ...args], { encoding: 'utf8', cwd: f.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  expect(run.stderr).not.toMatch(STACK_LINE);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(async () => {
  await ensureBuilt();
  f = await makeFixture([]);
  const draft = { ...f.draft, answers: { ...f.draft.answers, 'C.3': { files: [], links: [] } } };
  bag = BagEdit.of(await readZip(await exportFixture(f, { draft })));
  approver = await newSigningKey();
  await fs.writeFile(path.join(f.dir, 'cosigned.zip'), bag.cosign(approver).zip());
  await fs.writeFile(path.join(f.dir, 'broken.zip'), bag.cosign(approver, Buffer.from('not the tag manifest')).zip());
  await fs.writeFile(path.join(f.dir, 'registry.json'), JSON.stringify([{ country: 'FRA', fingerprint: f.key.fingerprint }]));
});
afterAll(async () => {
  await fs.rm(f.dir, { recursive: true, force: true });
});

/** The block printed for one signer: its status line, then its fingerprint. */
const block = (out: string, fingerprint: string) => {
  const grouped = printableFingerprint(fingerprint);
  const at = out.indexOf(grouped);
  expect(at, `fingerprint ${fingerprint.slice(0, 8)} printed`).toBeGreaterThan(0);
  const before = out.slice(0, at).trimEnd().split('\n');
  // The status line comes right before the fingerprint (and its plain form, when one is printed).
  return before[before.length - 1] === fingerprint ? before[before.length - 2] : before[before.length - 1];
};

it('with a registry: exit 0, each signer with its own status', () => {
  const r = scsa(['verify', 'cosigned.zip', '--registry', 'registry.json']);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('Valid: intact, and signed by a key registered for France (FRA).');
  expect(block(r.stdout, f.key.fingerprint)).toMatch(/^Signer [12] of 2: key registered for France \(FRA\)$/);
  expect(block(r.stdout, approver.fingerprint)).toMatch(/^Signer [12] of 2: key not registered for France \(FRA\)$/);
  // The one not registered is also printed whole, ready to be registered.
  expect(r.stdout).toContain(`${approver.fingerprint}\n`);
});

it('in French too, with the same structure', () => {
  const r = scsa(['verify', 'cosigned.zip', '--registry', 'registry.json', '--lang', 'fr']);
  expect(r.code).toBe(0);
  expect(block(r.stdout, f.key.fingerprint)).toMatch(/^Signataire [12] sur 2 : clé enregistrée pour France \(FRA\)$/);
  expect(block(r.stdout, approver.fingerprint)).toMatch(/^Signataire [12] sur 2 : clé non enregistrée pour France \(FRA\)$/);
});

it('without a registry: exit 3, both signatures hold, neither checked against a registry', () => {
  const r = scsa(['verify', 'cosigned.zip']);
  expect(r.code).toBe(3);
  expect(r.stdout).toContain('Intact and correctly signed.');
  expect(block(r.stdout, f.key.fingerprint)).toMatch(/signature holds \(no registry/);
  expect(block(r.stdout, approver.fingerprint)).toMatch(/signature holds \(no registry/);
  expect(r.stderr).toContain('No registry was given');
});

it('a co-signature that does not hold: exit 1, the reason, and which signer it is', () => {
  const r = scsa(['verify', 'broken.zip', '--registry', 'registry.json']);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('Invalid:');
  expect(block(r.stderr, approver.fingerprint)).toMatch(/^Signer [12] of 2: signature does not hold$/);
  expect(block(r.stderr, f.key.fingerprint)).toMatch(/^Signer [12] of 2: signature holds$/);
});
