// An approver adds a signature to an exported bundle; the workspace replaces the stored file.
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors';
import { verifyBundle } from '../../../core/bundle';
import { addKey, countersignBundle, CountersignRefusedError, importBundles, loadIndex } from '../../../core/secretariat';
import { readZip, writeZip } from '../bundle/fixture';
import { makeKit, tempDir, type Kit } from './fixture';

let kit: Kit;
beforeAll(async () => {
  kit = await makeKit();
});

const has = (tool: string) => spawnSync(tool, ['-h']).error === undefined;

describe('countersigning a bundle', () => {
  it('adds the approver signature and changes nothing else: same files, same tag manifest, both signatures hold', async () => {
    const original = await kit.bundle();
    const out = path.join(await tempDir(), 'countersigned.zip');
    const result = await countersignBundle({ source: original, signer: kit.keys.approver, out });
    expect(result.fingerprints).toEqual([kit.keys.approver.fingerprint, kit.keys.fra.fingerprint].sort());
    const before = await readZip(original);
    const after = await readZip(out);
    const content = (items: typeof before) => new Map(items.filter((i) => !i.name.endsWith('/')).map((i) => [i.name, i.bytes.toString('base64')]));
    const added = [...content(after).keys()].filter((n) => !content(before).has(n));
    expect(added.map((n) => n.replace(/^[^/]+\//, '')).sort()).toEqual([`signatures/${kit.keys.approver.fingerprint}.pub.pem`, `signatures/${kit.keys.approver.fingerprint}.sig`]);
    for (const [name, bytes] of content(before)) expect(content(after).get(name)).toBe(bytes);
    const verdict = await verifyBundle(out);
    expect(verdict.status).toBe('valid-unregistered');
    expect(verdict.fingerprints).toEqual(result.fingerprints);
  });

  it.skipIf(!has('unzip') || !has('openssl'))('the added signature checks with openssl over the unchanged tag manifest', async () => {
    const out = path.join(await tempDir(), 'countersigned.zip');
    await countersignBundle({ source: await kit.bundle(), signer: kit.keys.approver, out });
    const into = await tempDir();
    execFileSync('unzip', ['-q', out, '-d', into]);
    const [top] = await fs.readdir(into);
    const fp = kit.keys.approver.fingerprint;
    const args = ['pkeyutl', '-verify', '-pubin', '-inkey', `signatures/${fp}.pub.pem`, '-rawin', '-in', 'tagmanifest-sha256.txt', '-sigfile', `signatures/${fp}.sig`];
    expect(spawnSync('openssl', args, { cwd: path.join(into, top as string) }).status).toBe(0);
  });

  it('refuses an invalid bundle with verify\'s reason, a second signature by the same key, and an existing output', async () => {
    const items = await readZip(await kit.bundle());
    const pdf = items.find((i) => i.name.endsWith('data/report.pdf'));
    if (pdf) pdf.bytes = Buffer.concat([pdf.bytes, Buffer.from(' ')]);
    const broken = path.join(kit.dir, 'broken.zip');
    await fs.writeFile(broken, await writeZip(items));
    const dir = await tempDir();
    const err = await countersignBundle({ source: broken, signer: kit.keys.approver, out: path.join(dir, 'a.zip') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CountersignRefusedError);
    expect((err as CountersignRefusedError).reason.code).toBe('bundle:verify.hashMismatch');

    const good = await kit.bundle();
    const again = await countersignBundle({ source: good, signer: kit.keys.fra, out: path.join(dir, 'b.zip') }).catch((e: unknown) => e);
    expect((again as AppError).code).toBe('secretariat:errors.alreadySigned');
    await fs.writeFile(path.join(dir, 'c.zip'), 'x');
    const exists = await countersignBundle({ source: good, signer: kit.keys.approver, out: path.join(dir, 'c.zip') }).catch((e: unknown) => e);
    expect((exists as AppError).code).toBe('bundle:errors.outputExists');
    expect(await fs.readdir(dir)).toEqual(['c.zip']);
  });
});

describe('importing a countersigned bundle', () => {
  it('replaces the stored file, keeps the old one\'s facts in the log, and lists each signer with its role', async () => {
    const ws = await kit.workspace();
    await addKey(ws, { country: 'FRA', pem: kit.keys.approver.publicKeyPem, fingerprint: kit.keys.approver.fingerprint, role: 'approver', name: 'Ministre' });
    const original = await kit.bundle();
    const countersigned = path.join(await tempDir(), 'countersigned.zip');
    await countersignBundle({ source: original, signer: kit.keys.approver, out: countersigned });
    const first = await importBundles(ws, [original]);
    const second = await importBundles(ws, [countersigned, original]);
    expect(second.decisions.map((d) => d.decision)).toEqual(['countersigned', 'duplicate']);
    const stored = first.decisions[0]?.file ?? '';
    expect(second.decisions[0]?.file).toBe(stored);
    expect(await fs.readFile(ws.path(stored))).toEqual(await fs.readFile(countersigned));
    expect(second.decisions[0]?.signers).toEqual(
      expect.arrayContaining([
        { fingerprint: kit.keys.fra.fingerprint, role: 'focal-point', name: 'Point focal France' },
        { fingerprint: kit.keys.approver.fingerprint, role: 'approver', name: 'Ministre' },
      ]),
    );
    const log = (await fs.readFile(path.join(ws.dir, 'import-log.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(log[1]).toMatchObject({ decision: 'countersigned', file: stored, replaced: { file: stored, fingerprints: [kit.keys.fra.fingerprint] } });
    expect((await loadIndex(ws)).submissions).toEqual([expect.objectContaining({ file: stored, fingerprints: [kit.keys.approver.fingerprint, kit.keys.fra.fingerprint].sort() })]);
    await ws.close();
  });
});
