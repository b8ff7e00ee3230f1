// scsa validate and scsa pdf on a draft whose checklist is a version installed in the app: found
// through --data (the app's data folder), each installed file checked as the app checks it.
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearInstalledPacks, findPack } from '../../../core/checklist/registry';
import { newDraft } from '../../../core/draft/create';
import { installPack } from '../../../core/packs/install';
import { moveDraft } from '../../../core/revisions';
import { serializeDraft } from '../../../core/store/read';
import { CLI_ENTRY, ensureBuilt } from '../../e2e/harness';
import { pdftotext } from '../pdf/pdf-tools';
import { sampleRevisionSource } from '../../fixtures/packs/sample-revision';
import { signedPack, testKey, trustOf } from '../../fixtures/packs/signing';
import enCli from '../../../locales/en/cli.json';

const secretariat = testKey();
let dir = '';
let data = '';
let pub = '';
let draftFile = '';

function scsa(args: string[]) {
  const { SCSA_LANG: _ignored, ...base } = process.env;
  const r = spawnSync(process.execPath, [CLI_ENTRY, ...args], { encoding: 'utf8', cwd: dir, env: base });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  await ensureBuilt();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-cli-installed-'));
  data = path.join(dir, 'app-data');
  pub = path.join(dir, 'secretariat.pub.pem');
  await fs.writeFile(pub, secretariat.publicKeyPem);
  clearInstalledPacks();
  await installPack(await signedPack(sampleRevisionSource(), secretariat), { dataDir: data, trust: trustOf(secretariat) });
  // A draft moved to the installed 0.2.0, with an answer kept aside (B.3 was removed).
  const old = findPack({ id: 'safer-cities-sample', version: '0.1.0' })!;
  const draft = { ...newDraft({ countryCode: 'KEN', responseLanguage: 'en' }, old.pack), answers: { 'A.1': 'Ministry of Cities', 'B.1': 'not_implemented', 'B.3': 'A plan for 2027' } };
  const moved = moveDraft(draft, old, findPack({ id: 'safer-cities-sample', version: '0.2.0' })!).draft;
  clearInstalledPacks();
  draftFile = path.join(dir, 'moved.scsa.json');
  await fs.writeFile(draftFile, serializeDraft(moved));
}, 120_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('a draft on an installed checklist version', () => {
  it('without --data: the version is not found, and the message says how to name the data folder', () => {
    const r = scsa(['validate', draftFile]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(enCli.validate.packNotFoundHint);
  });

  it('validate --data: read against the installed version (a key this build does not ship is named with --trust)', () => {
    const r = scsa(['validate', draftFile, '--data', data, '--trust', pub]);
    expect(r.stderr).not.toContain('safer-cities-sample 0.2.0');
    expect(r.stdout).toContain(enCli.validate.incomplete.split('{{')[0]);
    expect(r.code).toBe(1);
  });

  it('an installed file signed by a key not trusted is not used, and the reason is said', () => {
    const r = scsa(['validate', draftFile, '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(enCli.data.packNotUsed.split('{{')[0]);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('pdf --data: the report is written, with the kept answer in its annex', async () => {
    const out = path.join(dir, 'moved.pdf');
    const r = scsa(['pdf', draftFile, '--out', out, '--data', data, '--trust', pub]);
    expect(r.code).toBe(0);
    expect((await fs.readFile(out)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdftotext(out).replace(/\s+/g, ' ')).toContain('A plan for 2027');
  }, 120_000);

  it('--data that is not a folder: one sentence, exit 1', () => {
    const r = scsa(['validate', draftFile, '--data', path.join(dir, 'nowhere')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`scsa: ${enCli.data.notAFolder.replace('{{dir}}', path.join(dir, 'nowhere'))}`);
  });
});
