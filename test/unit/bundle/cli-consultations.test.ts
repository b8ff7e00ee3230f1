// `scsa export --reviews FILE`: the institutions consulted, from the focal point's reviews.json, go
// into submission.json; a record of another assessment or a damaged one is refused before anything
// is written, with a translated message.
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLI_ENTRY, ROOT, ensureBuilt } from '../../e2e/harness';
import { writeLedger } from '../../../core/review/ledger-file';
import { CONSULTED, twoRepliesLedger } from '../../fixtures/review/two-replies';
import { readZip, tempDir } from './fixture';

const PASS = 'correct horse battery';
const EXAMPLE = path.join(ROOT, 'core', 'checklist', 'examples', 'example-en.scsa.json');
let dir: string;
let draftId: string;
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

function scsa(args: string[]) {
  const { SCSA_LANG: _l, ...base } = process.env;
  const run = spawnSync(process.execPath, [CLI_ENTRY, ...args], { encoding: 'utf8', cwd: dir, env: { ...base, SCSA_PASSPHRASE: PASS }, stdio: ['ignore', 'pipe', 'pipe'] });
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(async () => {
  await ensureBuilt();
  dir = await tempDir('scsa-cli-consulted-');
  draftId = (JSON.parse(await fs.readFile(EXAMPLE, 'utf8')) as { id: string }).id;
  expect(scsa(['keygen', '--out', 'key']).code).toBe(0);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('scsa export --reviews', () => {
  it('carries both consulted institutions into submission.json and names them', async () => {
    await writeLedger(path.join(dir, 'reviews.json'), twoRepliesLedger(draftId));
    const r = scsa(['export', EXAMPLE, '--key', 'key', '--out', 'with.zip', '--reviews', 'reviews.json']);
    expect(r.code).toBe(0);
    for (const c of CONSULTED) expect(r.stdout).toContain(c.institution);
    const entry = (await readZip(path.join(dir, 'with.zip'))).find((e) => e.name.endsWith('/data/submission.json'));
    const submission = JSON.parse(entry?.bytes.toString('utf8') ?? '{}') as { consultations?: { institution: string; verdict: string }[] };
    expect(submission.consultations?.map((c) => [c.institution, c.verdict])).toEqual(CONSULTED.map((c) => [c.institution, c.verdict]));
  });

  it('refuses the record of reviews of another assessment, and writes nothing', async () => {
    await writeLedger(path.join(dir, 'other.json'), twoRepliesLedger('another-assessment'));
    const r = scsa(['export', EXAMPLE, '--key', 'key', '--out', 'other.zip', '--reviews', 'other.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('belongs to another assessment');
    expect(await fs.stat(path.join(dir, 'other.zip')).catch(() => null)).toBeNull();
  });

  it('refuses a damaged record of reviews with a message, in French too', async () => {
    await fs.writeFile(path.join(dir, 'broken.json'), '{"format": "scsa-reviews", ');
    const r = scsa(['export', EXAMPLE, '--key', 'key', '--out', 'broken.zip', '--reviews', 'broken.json', '--lang', 'fr']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('registre des examens');
    expect(scsa(['export', EXAMPLE, '--key', 'key', '--out', 'missing.zip', '--reviews', 'missing.json']).stderr).toContain('missing.json');
    expect(await fs.stat(path.join(dir, 'broken.zip')).catch(() => null)).toBeNull();
  });
});
