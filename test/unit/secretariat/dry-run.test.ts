// A dry run decides every file of a batch exactly as the import that follows it, in the same order
// (later files judged against the earlier ones of the same batch), and writes nothing at all.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CLI_ENTRY, ensureBuilt } from '../../e2e/harness';
import { addKey, countersignBundle, importBundles, openWorkspace, type ImportDecision } from '../../../core/secretariat';
import { filesUnder, makeKit, tempDir, type Kit } from './fixture';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let kit: Kit;
beforeAll(async () => {
  kit = await makeKit();
});

/** Every file of the workspace with a hash of its bytes: a listing and the contents at once. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of await filesUnder(dir)) out[f] = createHash('sha256').update(await fs.readFile(path.join(dir, f))).digest('hex');
  return out;
}

/** What a dry run can promise about a file: the decision, why, and which stored submission it concerns. */
const promised = (d: ImportDecision) => ({ path: d.path, decision: d.decision, reason: d.reason ?? null, other: d.other ?? null, country: d.facts?.country ?? null });

/**
 * One batch with a decision of every kind that depends on the files before it in the batch: FRA
 * revision 1, its revision 2, a copy of revision 1, revision 1 countersigned by FRA's approver,
 * another copy of revision 1 (now covered by the countersigned one), another revision 2 (a
 * conflict), a bundle signed by an unregistered key and a copy of it (held both times), a file
 * that is not a bundle, KEN
 * revision 1, and a different bundle with KEN's identifier (a conflict).
 */
async function mixedBatch(): Promise<{ batch: string[]; expected: ImportDecision['decision'][] }> {
  const dir = await tempDir('scsa-batch-');
  const rev1 = await kit.bundle({ revision: 1 }, dir);
  const rev2 = await kit.bundle({ revision: 2 }, dir);
  const copy = path.join(dir, 'copy-of-rev1.zip');
  await fs.copyFile(rev1, copy);
  const countersigned = path.join(dir, 'countersigned-rev1.zip');
  await countersignBundle({ source: rev1, signer: kit.keys.approver, out: countersigned });
  const rival = await kit.bundle({ revision: 2 }, dir);
  const stranger = await kit.bundle({ country: 'FRA', key: kit.keys.stranger, revision: 3 }, dir);
  const rev1Again = path.join(dir, 'rev1-again.zip');
  await fs.copyFile(rev1, rev1Again);
  const strangerAgain = path.join(dir, 'stranger-again.zip');
  await fs.copyFile(stranger, strangerAgain);
  const notABundle = path.join(dir, 'notes.zip');
  await fs.writeFile(notABundle, 'not a zip at all');
  const kenId = '6f1c2b9a-3d4e-4f50-8a61-7b8c9d0e1f23';
  const ken = await kit.bundle({ country: 'KEN', id: kenId, date: '2026-03-01' }, dir);
  const kenOther = await kit.bundle({ country: 'KEN', id: kenId, date: '2026-03-02' }, dir);
  return {
    batch: [rev1, rev2, copy, countersigned, rev1Again, rival, stranger, notABundle, strangerAgain, ken, kenOther],
    expected: ['imported', 'supersedes', 'duplicate', 'countersigned', 'duplicate', 'conflict', 'held', 'rejected', 'held', 'imported', 'conflict'],
  };
}

async function workspaceWithApprover() {
  const ws = await kit.workspace();
  await addKey(ws, { country: 'FRA', pem: kit.keys.approver.publicKeyPem, fingerprint: kit.keys.approver.fingerprint, role: 'approver', name: 'Ministre' });
  return ws;
}

describe('a dry run over a batch that decides its own later files', () => {
  it('decides every file as the real import then does, file by file, from an unlocked read-only opening, and writes nothing', async () => {
    const ws = await workspaceWithApprover();
    const { batch, expected } = await mixedBatch();
    const before = await snapshot(ws.dir);
    const reader = await openWorkspace(ws.dir);
    const seen: ImportDecision[] = [];
    const dry = await importBundles(reader, batch, { dryRun: true, onDecision: (d) => seen.push(d) });
    await reader.close();
    expect(await snapshot(ws.dir)).toEqual(before);
    expect(dry.decisions.map((d) => d.decision)).toEqual(expected);
    expect(seen).toEqual(dry.decisions);
    // Nothing was stored, so nothing says where it is kept.
    expect(dry.decisions.every((d) => d.file === undefined && d.sha256 === undefined)).toBe(true);

    const real = await importBundles(ws, batch);
    expect(real.decisions.map((d) => d.decision)).toEqual(expected);
    expect(dry.decisions.map(promised)).toEqual(real.decisions.map(promised));
    // The files the dry run named as superseded, duplicated, countersigned or in conflict are the ones the import stored.
    const stored = new Set(real.decisions.map((d) => d.file));
    for (const d of dry.decisions) if (d.other) expect(stored.has(d.other)).toBe(true);
    await ws.close();
  });

  it('from the app\'s locked opening, with the index to rebuild, still writes nothing and decides as the import', async () => {
    const ws = await workspaceWithApprover();
    const first = await kit.bundle({ revision: 1 });
    await importBundles(ws, [first]);
    // The index is derived: missing, a load rebuilds it (and a writable workspace saves it, except in a dry run).
    await fs.rm(path.join(ws.dir, 'index.json'));
    const { batch } = await mixedBatch();
    const withStored = [first, ...batch];
    const before = await snapshot(ws.dir);
    const dry = await importBundles(ws, withStored, { dryRun: true });
    expect(await snapshot(ws.dir)).toEqual(before);
    // The stored one again, then the batch's revision 1 under another identifier: a conflict with the stored one.
    expect(dry.decisions.slice(0, 3).map((d) => d.decision)).toEqual(['duplicate', 'conflict', 'supersedes']);
    const real = await importBundles(ws, withStored);
    expect(dry.decisions.map(promised)).toEqual(real.decisions.map(promised));
    await ws.close();
  });

  it('the same bundle twice in one dry run: the second copy is a duplicate of the first', async () => {
    const ws = await kit.workspace();
    const bundle = await kit.bundle();
    // The same path twice is read once; the same bundle in two places is two files.
    const twin = path.join(await tempDir(), path.basename(bundle));
    await fs.copyFile(bundle, twin);
    const dry = await importBundles(ws, [bundle, twin], { dryRun: true });
    expect(dry.decisions.map((d) => d.decision)).toEqual(['imported', 'duplicate']);
    const real = await importBundles(ws, [bundle, twin]);
    expect(real.decisions.map((d) => d.decision)).toEqual(['imported', 'duplicate']);
    expect(dry.decisions[1]?.other).toBe(real.decisions[0]?.file);
    await ws.close();
  });
});

describe('scsa import --dry-run', () => {
  it('prints, file by file, the decisions the import then prints, and writes nothing', async () => {
    await ensureBuilt();
    const ws = await workspaceWithApprover();
    await ws.close();
    const { batch, expected } = await mixedBatch();
    const scsa = (extra: string[]) => {
      const { SCSA_LANG: _l, ...env } = process.env;
      const r = spawnSync(process.execPath, [CLI_ENTRY, 'import', '--workspace', ws.dir, '--json', ...extra, ...batch], { encoding: 'utf8', env });
      return { code: r.status, lines: r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
    };
    const before = await snapshot(ws.dir);
    const dry = scsa(['--dry-run']);
    expect(await snapshot(ws.dir)).toEqual(before);
    const real = scsa([]);
    expect(dry.code).toBe(1); // notes.zip is rejected, in both
    expect(real.code).toBe(1);
    expect(dry.lines.map((l) => l.decision)).toEqual(expected);
    const said = (l: Record<string, unknown>) => ({ path: l.path, decision: l.decision, reason: l.reason ?? null, country: l.country ?? null, revision: l.submissionRevision ?? null });
    expect(dry.lines.map(said)).toEqual(real.lines.map(said));
  });
});
