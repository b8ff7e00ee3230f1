// Bad input to the workspace feature: each a clear message, nothing lost, the rest of a batch imported.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, pollJob, tempDir, type TestCore } from '../api/harness';
import { makeKit, type Kit } from '../secretariat/fixture';

let kit: Kit;
let core: TestCore;

async function importPaths(paths: string[], dryRun = false): Promise<{ path: string; decision: string; reason?: { code: string }; country?: string; file?: string }[]> {
  const { jobId } = await core.ok<{ jobId: string }>('startWorkspaceImport', { paths, dryRun });
  for (;;) {
    const r = await pollJob<{ state: string; decisions: never[]; error?: unknown }>(core.call, jobId);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    if (r.value.state === 'done') return r.value.decisions;
    if (r.value.state === 'failed') throw new Error(JSON.stringify(r.value.error));
    await new Promise((res) => setTimeout(res, 20));
  }
}

beforeAll(async () => {
  kit = await makeKit();
  core = makeCore(await tempDir('ws-bad'));
}, 60_000);
afterAll(async () => core.service.dispose());

describe('bad input in the workspace', () => {
  it('a folder of 10,000 files is left aside with its reason; the other bundles of the batch are imported', async () => {
    const ws = path.join(await tempDir('ws-bad-a'), 'w');
    await kit.workspace(ws).then((w) => w.close());
    await core.ok('openWorkspace', ws);
    const crowded = path.join(kit.dir, 'crowded');
    await fs.mkdir(crowded);
    for (let i = 0; i < 10_000; i += 500) await Promise.all(Array.from({ length: 500 }, (_, j) => fs.writeFile(path.join(crowded, `f${i + j}.txt`), '')));
    const good = await kit.bundle({ country: 'KEN' });
    const decisions = await importPaths([crowded, good]);
    expect(decisions).toEqual([
      expect.objectContaining({ path: crowded, decision: 'rejected', reason: expect.objectContaining({ code: 'secretariat:reasons.folderTooLarge' }) }),
      expect.objectContaining({ path: good, decision: 'imported', country: 'KEN' }),
    ]);
  });

  it('a bundle signed by a key registered for another country is held, with that reason', async () => {
    const other = await kit.bundle({ country: 'MAR', key: kit.keys.fra });
    const [d] = await importPaths([other]);
    expect(d).toMatchObject({ decision: 'held', reason: { code: 'secretariat:reasons.otherCountry' } });
  });

  it('a damaged index.json is rebuilt when the workspace opens, with a notice, and nothing is lost', async () => {
    const status = await core.ok<{ dir: string; counts: { submissions: number } }>('getWorkspace');
    await core.ok('closeWorkspace');
    await fs.writeFile(path.join(status.dir, 'index.json'), '{"format": "scsa-workspace-index", "schemaVe');
    const reopened = await core.ok<{ notices: { code: string }[]; counts: { submissions: number } }>('openWorkspace', status.dir);
    expect(reopened.notices.map((n) => n.code)).toContain('secretariat:notices.indexRebuilt');
    expect(reopened.counts.submissions).toBe(status.counts.submissions);
    // Told once.
    expect((await core.ok<{ notices: unknown[] }>('getWorkspace')).notices).toEqual([]);
  });

  it('two submissions of the same revision are a conflict; the analyst picks the current one', async () => {
    const a = await kit.bundle({ country: 'FRA', revision: 5, date: '2026-06-01' });
    const b = await kit.bundle({ country: 'FRA', revision: 5, date: '2026-06-02' });
    const decisions = await importPaths([a, b]);
    expect(decisions.map((d) => d.decision)).toEqual(['imported', 'conflict']);
    const list = async () => (await core.ok<{ series: { country: string; conflict: boolean; currentFile: string }[] }>('listWorkspaceSubmissions')).series.find((s) => s.country === 'FRA');
    expect((await list())?.conflict).toBe(true);
    const chosen = decisions[1]?.file as string;
    await core.ok('chooseCurrentSubmission', chosen);
    expect(await list()).toMatchObject({ conflict: false, currentFile: chosen });
  });

  it('a workspace another program holds opens for reading only; changes are refused in words, a dry run still works', async () => {
    const dir = path.join(await tempDir('ws-bad-b'), 'w');
    const held = await kit.workspace(dir);
    try {
      const status = await core.ok<{ writable: boolean; readOnlyCause?: { code: string } }>('openWorkspace', dir);
      expect(status).toMatchObject({ writable: false, readOnlyCause: { code: 'secretariat:errors.locked' } });
      expect(await core.call('startWorkspaceImport', { paths: [kit.dir], dryRun: false })).toMatchObject({ ok: false, error: { code: 'secretariat:errors.openedReadOnly' } });
      expect(await core.call('revokeRegistryKey', { fingerprint: kit.keys.fra.fingerprint })).toMatchObject({ ok: false, error: { code: 'secretariat:errors.openedReadOnly' } });
      const dry = await importPaths([await kit.bundle({ country: 'FRA', revision: 9 })], true);
      expect(dry.map((d) => d.decision)).toEqual(['imported']);
    } finally {
      await held.close();
    }
  });

  it('refuses an import with nothing chosen, and a folder path that is not a workspace', async () => {
    expect(await core.call('startWorkspaceImport', { dryRun: true })).toMatchObject({ ok: false, error: { code: 'secretariat:errors.nothingToImport' } });
    expect(await core.call('openWorkspace', kit.dir)).toMatchObject({ ok: false, error: { code: 'secretariat:errors.notAWorkspace' } });
  });
});
