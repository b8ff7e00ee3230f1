// Importing bundles into a workspace: one decision per file, each kept, nothing written twice.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addKey, chooseCurrent, importBundles, loadIndex, openWorkspace, revokeKey, submissionSeries, type ImportDecision, type ImportProgress } from '../../../core/secretariat';
import { readZip, writeZip } from '../bundle/fixture';
import { makeKit, filesUnder, tempDir, type Kit } from './fixture';

let kit: Kit;
beforeAll(async () => {
  kit = await makeKit();
});

const kinds = (ds: ImportDecision[]) => ds.map((d) => d.decision);
const logLines = async (dir: string) =>
  (await fs.readFile(path.join(dir, 'import-log.jsonl'), 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { decision: string; path: string; file?: string; reason?: { code: string } });

/** A copy of a bundle with one payload file changed after signing. */
async function tampered(bundle: string): Promise<string> {
  const items = await readZip(bundle);
  const target = items.find((i) => i.name.endsWith('data/submission.json'));
  if (!target) throw new Error('no submission.json');
  target.bytes = Buffer.from(target.bytes.toString('utf8').replace('Lyon', 'Lyom'));
  const out = bundle.replace(/\.zip$/, '-tampered.zip');
  await fs.writeFile(out, await writeZip(items));
  return out;
}

describe('import decisions', () => {
  it('imports a first bundle, files it under its country by its identifier, and logs it', async () => {
    const ws = await kit.workspace();
    const id = randomUUID();
    const b = await kit.bundle({ id });
    const { decisions } = await importBundles(ws, [b]);
    expect(kinds(decisions)).toEqual(['imported']);
    expect(decisions[0]?.file).toBe(`submissions/FRA/${id}.zip`);
    expect(await fs.readFile(ws.path(`submissions/FRA/${id}.zip`))).toEqual(await fs.readFile(b));
    expect(decisions[0]?.signers).toEqual([{ fingerprint: kit.keys.fra.fingerprint, role: 'focal-point', name: 'Point focal France' }]);
    expect(await logLines(ws.dir)).toEqual([expect.objectContaining({ decision: 'imported', path: b, file: `submissions/FRA/${id}.zip` })]);
    await ws.close();
  });

  it('a later revision supersedes; an earlier one arriving late is imported but not current', async () => {
    const ws = await kit.workspace();
    const [r1, r2, r3] = [await kit.bundle({ revision: 1 }), await kit.bundle({ revision: 2 }), await kit.bundle({ revision: 3 })];
    const first = await importBundles(ws, [r2, r3, r1]);
    expect(kinds(first.decisions)).toEqual(['imported', 'supersedes', 'imported']);
    expect(first.decisions[1]?.other).toBe(first.decisions[0]?.file);
    const series = submissionSeries(await loadIndex(ws), ws.info);
    expect(series).toHaveLength(1);
    expect(series[0]?.current.submissionRevision).toBe(3);
    expect(series[0]?.revisions.map((r) => r.submissionRevision)).toEqual([1, 2, 3]);
    await ws.close();
  });

  it('the same file again is a duplicate: nothing is written but its log line', async () => {
    const ws = await kit.workspace();
    const b = await kit.bundle();
    await importBundles(ws, [b]);
    const before = await filesUnder(ws.dir);
    const stored = await fs.readFile(ws.path((await loadIndex(ws)).submissions[0]?.file ?? ''));
    const again = await importBundles(ws, [b]);
    expect(kinds(again.decisions)).toEqual(['duplicate']);
    expect(await filesUnder(ws.dir)).toEqual(before);
    expect(await fs.readFile(ws.path((await loadIndex(ws)).submissions[0]?.file ?? ''))).toEqual(stored);
    expect((await logLines(ws.dir)).map((l) => l.decision)).toEqual(['imported', 'duplicate']);
    await ws.close();
  });

  it('same country, checklist and revision with another identifier is a conflict: both kept, the analyst picks', async () => {
    const ws = await kit.workspace();
    const a = await kit.bundle({ revision: 2 });
    const b = await kit.bundle({ revision: 2 });
    const { decisions } = await importBundles(ws, [a, b]);
    expect(kinds(decisions)).toEqual(['imported', 'conflict']);
    expect(decisions[1]?.reason?.code).toBe('secretariat:reasons.sameRevision');
    const index = await loadIndex(ws);
    expect(index.submissions).toHaveLength(2);
    expect(submissionSeries(index, ws.info)[0]?.conflict).toBe(true);
    await chooseCurrent(ws, index, decisions[1]?.file ?? '');
    const picked = submissionSeries(index, ws.info)[0];
    expect(picked?.conflict).toBe(false);
    expect(picked?.current.file).toBe(decisions[1]?.file);
    await ws.close();
    // The pick is kept in workspace.json.
    const reopened = await openWorkspace(ws.dir);
    expect(submissionSeries(index, reopened.info)[0]?.current.file).toBe(decisions[1]?.file);
  });

  it('a bundle whose key is not registered is held, with its note; registering the key files it', async () => {
    const ws = await kit.workspace();
    const b = await kit.bundle({ key: kit.keys.stranger });
    const { decisions } = await importBundles(ws, [b]);
    expect(kinds(decisions)).toEqual(['held']);
    expect(decisions[0]?.reason).toEqual({ code: 'secretariat:reasons.notRegistered', params: { country: 'FRA' } });
    const held = decisions[0]?.file ?? '';
    expect(held).toMatch(/^held\/[0-9a-f]{64}\.zip$/);
    expect(await fs.readFile(ws.path(held))).toEqual(await fs.readFile(b));
    expect(JSON.parse(await fs.readFile(ws.path(held.replace(/\.zip$/, '.json')), 'utf8'))).toMatchObject({ decision: 'held', source: b, kept: true });

    const change = await addKey(ws, { country: 'FRA', pem: kit.keys.stranger.publicKeyPem, fingerprint: kit.keys.stranger.fingerprint, name: 'Second key' });
    expect(kinds(change.held)).toEqual(['imported']);
    expect(await filesUnder(path.join(ws.dir, 'held'))).toEqual([]);
    const index = await loadIndex(ws);
    expect(index.held).toEqual([]);
    expect(await fs.readFile(ws.path(index.submissions[0]?.file ?? ''))).toEqual(await fs.readFile(b));
    expect((await logLines(ws.dir)).map((l) => l.decision)).toEqual(['held', 'imported']);
    await ws.close();
  });

  it('a bundle for a country its key is not registered for is held, naming the country the key is for', async () => {
    const ws = await kit.workspace();
    const b = await kit.bundle({ country: 'KEN', key: kit.keys.fra });
    const { decisions } = await importBundles(ws, [b]);
    expect(kinds(decisions)).toEqual(['held']);
    expect(decisions[0]?.reason).toEqual({ code: 'secretariat:reasons.otherCountry', params: { country: 'KEN', countries: 'FRA' } });
    await ws.close();
  });

  it('a bundle signed after its key was revoked is held as such', async () => {
    const ws = await kit.workspace();
    await revokeKey(ws, kit.keys.fra.fingerprint, { date: '2026-06-01' });
    const { decisions } = await importBundles(ws, [await kit.bundle({ date: '2026-07-01' })]);
    expect(decisions[0]?.reason?.code).toBe('secretariat:reasons.keyRevoked');
    await ws.close();
  });

  it('rejects a tampered bundle, a zip that is not a bundle and a file that is not a zip, keeping each with its first reason; the rest is imported', async () => {
    const ws = await kit.workspace();
    const good = await kit.bundle();
    const bad = await tampered(await kit.bundle());
    const notBundle = path.join(kit.dir, 'holiday-photos.zip');
    await fs.writeFile(notBundle, await writeZip([{ name: 'IMG_0001.jpg', bytes: Buffer.from('not really a photo') }]));
    const notZip = path.join(kit.dir, 'letter.zip');
    await fs.writeFile(notZip, 'Dear secretariat,\n');
    const { decisions } = await importBundles(ws, [bad, notBundle, good, notZip]);
    expect(kinds(decisions)).toEqual(['rejected', 'rejected', 'imported', 'rejected']);
    expect(decisions.map((d) => d.reason?.code)).toEqual(['bundle:verify.hashMismatch', 'bundle:verify.outsideTopFolder', undefined, 'bundle:verify.notZip']);
    for (const d of decisions.filter((x) => x.decision === 'rejected')) {
      expect(d.file).toMatch(/^rejected\/[0-9a-f]{64}\.zip$/);
      expect(await fs.readFile(ws.path(d.file ?? ''))).toEqual(await fs.readFile(d.path));
      expect(JSON.parse(await fs.readFile(ws.path((d.file ?? '').replace(/\.zip$/, '.json')), 'utf8')).reason).toEqual(d.reason);
    }
    expect((await loadIndex(ws)).rejected).toHaveLength(3);
    // Again: the same decisions, and no second copy of anything.
    const before = await filesUnder(ws.dir);
    expect(kinds((await importBundles(ws, [bad, notBundle, good, notZip])).decisions)).toEqual(['rejected', 'rejected', 'duplicate', 'rejected']);
    expect(await filesUnder(ws.dir)).toEqual(before);
    await ws.close();
  });

  it('imports folders recursively, .zip files only, and a second import of the same folder finds only duplicates', async () => {
    const ws = await kit.workspace();
    const folder = await tempDir('scsa-inbox-');
    await kit.bundle({ revision: 1 }, folder);
    await kit.bundle({ country: 'KEN', revision: 1 }, path.join(folder, 'kenya'));
    await kit.bundle({ country: 'KEN', revision: 2 }, path.join(folder, 'kenya', 'later'));
    await fs.writeFile(path.join(folder, 'README.txt'), 'bundles received by e-mail');
    const first = await importBundles(ws, [folder]);
    expect(kinds(first.decisions).sort()).toEqual(['imported', 'imported', 'supersedes']);
    expect(first.skipped).toBe(1);
    const snapshot = await filesUnder(ws.dir);
    const second = await importBundles(ws, [folder]);
    expect(kinds(second.decisions)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect((await filesUnder(ws.dir)).filter((f) => f !== 'import-log.jsonl')).toEqual(snapshot.filter((f) => f !== 'import-log.jsonl'));
    await ws.close();
  });

  it('a folder of 10,000 files is refused whole with its reason; the rest of the batch is imported', async () => {
    const ws = await kit.workspace();
    const crowded = await tempDir('scsa-crowded-');
    await Promise.all(Array.from({ length: 10_000 }, (_, i) => fs.writeFile(path.join(crowded, `scan-${i}.zip`), '')));
    const good = await kit.bundle();
    const { decisions } = await importBundles(ws, [crowded, good]);
    expect(decisions.map((d) => [d.path, d.decision])).toEqual([
      [crowded, 'rejected'],
      [good, 'imported'],
    ]);
    expect(decisions[0]?.reason).toEqual({ code: 'secretariat:reasons.folderTooLarge', params: { path: crowded, limit: 5000 } });
    expect(await fs.readdir(path.join(ws.dir, 'rejected'))).toEqual([]);
    expect((await fs.readdir(crowded)).length).toBe(10_000);
    await ws.close();
  });

  it('refuses a path inside the workspace itself and a folder too deep, and imports the rest', async () => {
    const ws = await kit.workspace();
    const root = await tempDir('scsa-deep-');
    await kit.bundle({ revision: 1 }, path.join(root, ...Array.from({ length: 10 }, (_, i) => `level-${i}`)));
    const shallow = await kit.bundle({ revision: 2 });
    const { decisions } = await importBundles(ws, [ws.dir, root, shallow]);
    expect(decisions[1]?.path).toBe(path.join(root, ...Array.from({ length: 9 }, (_, i) => `level-${i}`)));
    expect(decisions.map((d) => [d.decision, d.reason?.code])).toEqual([
      ['rejected', 'secretariat:reasons.insideWorkspace'],
      ['rejected', 'secretariat:reasons.tooDeep'],
      ['imported', undefined],
    ]);
    await ws.close();
  });

  it('a dry run decides the same but writes nothing, and needs no lock', async () => {
    const ws = await kit.workspace();
    await importBundles(ws, [await kit.bundle({ revision: 1 })]);
    const batch = [await kit.bundle({ revision: 2 }), await kit.bundle({ key: kit.keys.stranger, revision: 3 }), path.join(kit.dir, 'missing.zip')];
    const before = await filesUnder(ws.dir);
    const reader = await openWorkspace(ws.dir);
    const dry = await importBundles(reader, batch, { dryRun: true });
    expect(kinds(dry.decisions)).toEqual(['rejected', 'supersedes', 'held']);
    expect(await filesUnder(ws.dir)).toEqual(before);
    const real = await importBundles(ws, batch);
    expect(kinds(real.decisions)).toEqual(kinds(dry.decisions));
    await ws.close();
  });

  it('reports progress by bytes, never backwards, ending at the total', async () => {
    const ws = await kit.workspace();
    const batch = [await kit.bundle({ revision: 1 }), await kit.bundle({ revision: 2 })];
    const seen: ImportProgress[] = [];
    await importBundles(ws, batch, { onProgress: (p) => seen.push(p) });
    const total = (await Promise.all(batch.map((b) => fs.stat(b)))).reduce((n, s) => n + s.size, 0);
    expect(seen.every((p, i) => i === 0 || p.bytesDone >= (seen[i - 1] as ImportProgress).bytesDone)).toBe(true);
    expect(seen[seen.length - 1]).toMatchObject({ bytesDone: total, bytesTotal: total, bundlesDone: 2, bundlesTotal: 2 });
    await ws.close();
  });
});
