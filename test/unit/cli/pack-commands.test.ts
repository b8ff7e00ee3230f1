// scsa pack build|check|diff|sign and scsa migrate, run as the secretariat runs them: the built
// command line in a child process, on the real pack's sources and a test-only revision of them.
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLI_ENTRY, ROOT, ensureBuilt } from '../../e2e/harness';
import { readPackContainer } from '../../../core/packs/container';
import { samplePackSource } from '../../../core/checklist/sample';
import { writeSaclRevisionSources, REAL_SOURCES } from '../../fixtures/packs/sacl-revision';
import { packBytes, signatureEntries, signedPack, testKey, zipOf } from '../../fixtures/packs/signing';

const STACK_LINE = /\n\s+at .+:\d+:\d+/;
const PASS = 'correct horse battery';
const EXAMPLE = path.join(ROOT, 'core', 'checklist', 'examples', 'example-en.scsa.json');
const SHIPPED = path.join(ROOT, 'core', 'checklist', 'packs', 'safer-cities-sacl.pack.json');
// Every unlock runs the full scrypt, on two cores shared by everything.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });
let dir = '';

function scsa(args: string[], env: Record<string, string> = {}) {
  const { SCSA_LANG: _l, SCSA_PASSPHRASE: _p, ...base } = process.env;
  const run = spawnSync(process.execPath, [CLI_ENTRY, ...args], { encoding: 'utf8', cwd: dir, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  expect(run.stderr).not.toMatch(STACK_LINE);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
const at = (name: string) => path.join(dir, name);
const read = (name: string) => fs.readFile(at(name), 'utf8');
const signer = testKey();

beforeAll(async () => {
  await ensureBuilt();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-cli-pack-'));
  await writeSaclRevisionSources(at('rev-src'));
  await fs.writeFile(at('signer.pub.pem'), signer.publicKeyPem);
  await fs.copyFile(EXAMPLE, at('draft.scsa.json'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('scsa pack build', () => {
  it('builds the shipped pack from core/checklist/packs/src byte for byte, and the revision from its sources', async () => {
    const r = scsa(['pack', 'build', REAL_SOURCES, '--out', 'sacl.pack.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('safer-cities-sacl, version 1.0.0');
    expect(await read('sacl.pack.json')).toBe(await fs.readFile(SHIPPED, 'utf8'));
    const rev = scsa(['pack', 'build', 'rev-src', '--out', 'rev.pack.json']);
    expect(rev.code).toBe(0);
    expect(rev.stdout).toContain('version 1.1.0, 9 sections, 85 items, languages ar, zh, en, fr, ru, es');
  });

  it('writes nothing for sources that do not make a pack; --out is required', async () => {
    await fs.mkdir(at('bad-src'));
    await fs.writeFile(at('bad-src/structure.json'), JSON.stringify({ id: 'x', version: '1.0.0', sections: [{ id: 'A', items: [{ id: 'A.1', type: 'text', relevance: "value('A.9') == 1" }] }] }));
    await fs.writeFile(at('bad-src/en.json'), JSON.stringify({ title: 'T', items: { 'A.1': { text: 'Q' } }, labels: {} }));
    const r = scsa(['pack', 'build', 'bad-src', '--out', 'bad.pack.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.pack.json was not written');
    expect(await fs.stat(at('bad.pack.json')).catch(() => null)).toBeNull();
    expect(scsa(['pack', 'build', 'rev-src']).code).toBe(2);
  });
});

describe('scsa pack check', () => {
  it('passes the shipped pack and the revision, with a summary', () => {
    const r = scsa(['pack', 'check', SHIPPED]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('safer-cities-sacl, version 1.0.0: 9 sections');
    expect(r.stdout).toContain('No problem found.');
    expect(scsa(['pack', 'check', 'rev.pack.json']).stdout).toContain('migration steps: 1');
  });

  it('lists every error: a rule that does not parse, a migration to a missing item, a missing translation; exit 1', async () => {
    const raw = JSON.parse(await read('rev.pack.json')) as { sections: { items: Record<string, unknown>[] }[]; title: Record<string, string>; migrations: { items: Record<string, unknown> }[] };
    raw.sections[0]!.items[2]!.relevance = "count('A.2' > 0";
    raw.migrations[0]!.items['D.14'] = { to: 'E.99' };
    delete raw.title.fr;
    await fs.writeFile(at('broken.pack.json'), JSON.stringify(raw));
    const r = scsa(['pack', 'check', 'broken.pack.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error: A rule in the checklist pack cannot be read (sections[0].items[2].relevance');
    expect(r.stdout).toContain('error: Translation missing: title.fr');
    expect(r.stdout).toContain('moves item D.14 to E.99, which is not an item of version 1.1.0');
    expect(r.stderr).toContain('3 errors');
  });

  it('refuses a pack with 10,000 items in one sentence', async () => {
    const raw = samplePackSource() as { sections: { items: { id: string }[] }[] };
    raw.sections = [{ ...raw.sections[0]!, items: Array.from({ length: 10_000 }, (_, i) => ({ ...raw.sections[0]!.items[0]!, id: `A.${i + 1}` })) }];
    await fs.writeFile(at('huge.pack.json'), JSON.stringify(raw));
    const r = scsa(['pack', 'check', 'huge.pack.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('The checklist pack has 10000 items; a pack must have fewer than 10000.');
  });

  it('refuses a file of 50 MB before reading it, and a pack whose migrations go round in a circle', async () => {
    await fs.writeFile(at('big.pack.json'), '');
    await fs.truncate(at('big.pack.json'), 50 * 1024 * 1024);
    const big = scsa(['pack', 'check', 'big.pack.json']);
    expect([big.code, big.stderr]).toEqual([1, expect.stringContaining('too large: a pack must be smaller than 50 MB')]);
    const raw = JSON.parse(await read('rev.pack.json')) as { migrations: unknown[] };
    raw.migrations = [{ from: '1.0.0', to: '1.0.5', items: {} }, { from: '1.0.5', to: '1.0.0', items: {} }];
    await fs.writeFile(at('loop.pack.json'), JSON.stringify(raw));
    const loop = scsa(['pack', 'check', 'loop.pack.json']);
    expect(loop.code).toBe(1);
    expect(loop.stdout).toContain('go round in a circle');
  });
});

describe('scsa pack diff', () => {
  it('lists what changed, following the migrations; --json for scripts', () => {
    const r = scsa(['pack', 'diff', 'safer-cities-sacl@1.0.0', 'rev.pack.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('moved: D.14 → E.9 (section D → E)');
    expect(r.stdout).toContain('type changed: A.4 (yes/no → single choice)');
    expect(r.stdout).toContain('choices changed: A.2 (renamed: lg_associations → local_government_associations)');
    expect(r.stdout).toContain('2 added, 2 removed, 2 moved, 3 reworded, 2 with another type, 2 with other choices.');
    const json = JSON.parse(scsa(['pack', 'diff', SHIPPED, 'rev.pack.json', '--json']).stdout) as { counts: Record<string, number>; viaMigrations: boolean };
    expect(json).toMatchObject({ viaMigrations: true, counts: { added: 2, removed: 2 } });
    expect(scsa(['pack', 'diff', SHIPPED, SHIPPED]).stdout).toContain('No difference.');
  });
});

describe('scsa pack sign', () => {
  beforeAll(() => {
    expect(scsa(['keygen', '--out', 'key'], { SCSA_PASSPHRASE: PASS }).code).toBe(0);
  });

  it('signs a checked pack into a container over the exact bytes of pack.json', async () => {
    const r = scsa(['pack', 'sign', 'rev.pack.json', '--key', 'key', '--out', 'rev.scsa-pack'], { SCSA_PASSPHRASE: PASS });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Signed safer-cities-sacl, version 1.1.0: rev.scsa-pack');
    const container = await readPackContainer(at('rev.scsa-pack'));
    expect(container.packBytes.toString('utf8')).toBe(await read('rev.pack.json'));
    expect(container.signatures).toHaveLength(1);
    const check = scsa(['pack', 'check', 'rev.scsa-pack']);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('a key not in this application\'s trust list');
  });

  it('refuses a pack with errors before asking for the passphrase, and writes nothing', async () => {
    const r = scsa(['pack', 'sign', 'broken.pack.json', '--key', 'key', '--out', 'broken.scsa-pack']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('has errors and was not signed');
    expect(await fs.stat(at('broken.scsa-pack')).catch(() => null)).toBeNull();
    expect(scsa(['pack', 'sign', 'rev.scsa-pack', '--key', 'key', '--out', 'again.scsa-pack']).stderr).toContain('already a signed pack');
  });
});

describe('scsa migrate', () => {
  beforeAll(async () => {
    await fs.writeFile(at('trusted.scsa-pack'), await signedPack(JSON.parse(await read('rev.pack.json')), signer));
  });

  it('refuses a pack signed by a key the build does not trust, and changes nothing', async () => {
    const before = await read('draft.scsa.json');
    const r = scsa(['migrate', 'draft.scsa.json', '--to', 'trusted.scsa-pack']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`signed by a key this application does not trust (fingerprint ${signer.fingerprint})`);
    expect(await read('draft.scsa.json')).toBe(before);
    const fr = scsa(['migrate', 'draft.scsa.json', '--to', 'trusted.scsa-pack', '--lang', 'fr']);
    expect(fr.stderr).toContain('une clé à laquelle l’application ne fait pas confiance');
  });

  it('--dry-run shows the preview item by item and writes nothing', async () => {
    const before = await read('draft.scsa.json');
    const r = scsa(['migrate', 'draft.scsa.json', '--to', 'trusted.scsa-pack', '--trust', 'signer.pub.pem', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('draft.scsa.json: checklist safer-cities-sacl, version 1.0.0 → 1.1.0');
    expect(r.stdout).toContain('D.14 → E.9 — moved — answer kept');
    expect(r.stdout).toContain('A.4 — type or choices changed — answer converted — please check');
    expect(r.stdout).toContain('D.4 — removed — answer kept under “answers to questions no longer in the checklist”');
    expect(r.stdout).toContain('Dry run: nothing was written.');
    expect(await read('draft.scsa.json')).toBe(before);
  });

  it('writes the moved draft as the next revision, with the removed question\'s answer kept; --json for scripts', async () => {
    const r = scsa(['migrate', 'draft.scsa.json', '--to', 'trusted.scsa-pack', '--trust', 'signer.pub.pem', '--out', 'moved.scsa.json', '--json']);
    expect(r.code).toBe(0);
    const preview = JSON.parse(r.stdout) as { to: { version: string }; answers: Record<string, number>; written: { file: string; revision: number } };
    expect(preview).toMatchObject({ to: { version: '1.1.0' }, answers: { retained: 1 }, written: { file: 'moved.scsa.json', revision: 2 } });
    const original = JSON.parse(await read('draft.scsa.json')) as { answers: Record<string, unknown> };
    const moved = JSON.parse(await read('moved.scsa.json')) as { schemaVersion: number; revision: number; checklist: unknown; answers: Record<string, unknown>; retiredAnswers: { itemId: string; answer: unknown; reason: string; options?: { id: string; label: Record<string, string> }[] }[] };
    expect(moved).toMatchObject({ schemaVersion: 3, revision: 2, checklist: { id: 'safer-cities-sacl', version: '1.1.0' } });
    expect(moved.retiredAnswers).toEqual([expect.objectContaining({ itemId: 'D.4', reason: 'removed', answer: original.answers['D.4'] })]);
    // The removed choice keeps the words of the option chosen, in the old version's six languages.
    expect(moved.retiredAnswers[0]?.options?.map((o) => o.id)).toEqual([original.answers['D.4']]);
    expect(Object.keys(moved.retiredAnswers[0]?.options?.[0]?.label ?? {}).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    expect(moved.answers['E.9']).toEqual(original.answers['D.14']);
  });

  it('refuses, changing nothing: a changed pack, another checklist, the same version, a version with no migration', async () => {
    const before = await read('draft.scsa.json');
    // The trusted pack with one changed version number under its original signature.
    const container = await readPackContainer(at('trusted.scsa-pack'));
    const altered = packBytes({ ...JSON.parse(container.packBytes.toString('utf8')), version: '1.1.1' });
    await fs.writeFile(at('tampered.scsa-pack'), await zipOf({ 'pack.json': altered, ...signatureEntries(signer, container.signatures[0]!.signature) }));
    const t = scsa(['migrate', 'draft.scsa.json', '--to', 'tampered.scsa-pack', '--trust', 'signer.pub.pem']);
    expect([t.code, t.stderr]).toEqual([1, expect.stringContaining('was changed after it was signed')]);
    const other = scsa(['migrate', 'draft.scsa.json', '--to', 'safer-cities-sample@0.1.0']);
    expect([other.code, other.stderr]).toEqual([1, expect.stringContaining('another checklist, not a new version of it')]);
    const same = scsa(['migrate', 'draft.scsa.json', '--to', 'safer-cities-sacl@1.0.0']);
    expect([same.code, same.stderr]).toEqual([1, expect.stringContaining('already on safer-cities-sacl, version 1.0.0')]);
    const rev = JSON.parse(await read('rev.pack.json')) as { migrations: { from: string }[] };
    rev.migrations[0]!.from = '0.9.0';
    await fs.writeFile(at('stranger.scsa-pack'), await signedPack(rev, signer));
    const none = scsa(['migrate', 'draft.scsa.json', '--to', 'stranger.scsa-pack', '--trust', 'signer.pub.pem']);
    expect([none.code, none.stderr]).toEqual([1, expect.stringContaining('does not say how to move answers from version 1.0.0')]);
    const unsigned = scsa(['migrate', 'draft.scsa.json', '--to', 'rev.pack.json']);
    expect([unsigned.code, unsigned.stderr]).toEqual([1, expect.stringContaining('is not signed')]);
    expect(await read('draft.scsa.json')).toBe(before);
  });

  it('usage: --to is required; a --trust file that is not a public key is a usage error', () => {
    expect(scsa(['migrate', 'draft.scsa.json']).code).toBe(2);
    const r = scsa(['migrate', 'draft.scsa.json', '--to', 'trusted.scsa-pack', '--trust', 'draft.scsa.json']);
    expect(r.code).toBe(2);
  });
});
