// Creating and opening a workspace: the lock, the derived index, and the disk's own failures.
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors';
import { createWorkspace, importBundles, loadIndex, openWorkspace } from '../../../core/secretariat';
import { filesUnder, makeKit, tempDir, type Kit } from './fixture';

let kit: Kit;
beforeAll(async () => {
  kit = await makeKit();
});

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** A small tmpfs of our own (root only): a disk that can really be full or read-only. */
const mounts: string[] = [];
async function smallDisk(bytes: number): Promise<string | null> {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const dir = await tempDir('scsa-disk-');
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir]).status !== 0) return null;
  mounts.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of mounts) spawnSync('umount', ['-l', dir]);
});

describe('a workspace folder', () => {
  it('is created with the layout of docs/formats/workspace.md', async () => {
    const ws = await createWorkspace(path.join(await tempDir(), 'workspace'));
    expect(await filesUnder(ws.dir)).toEqual(['.lock', 'registry.json', 'workspace.json']);
    for (const d of ['submissions', 'held', 'rejected']) expect((await fs.stat(path.join(ws.dir, d))).isDirectory()).toBe(true);
    expect(JSON.parse(await fs.readFile(path.join(ws.dir, 'workspace.json'), 'utf8'))).toMatchObject({ format: 'scsa-workspace', schemaVersion: 1 });
    await ws.close();
    expect(await fs.stat(path.join(ws.dir, '.lock')).catch(() => null)).toBeNull();
  });

  it('is not made in a folder that holds other files, nor opened where there is none', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, 'thesis.docx'), 'x');
    expect((await failure(createWorkspace(dir))).code).toBe('secretariat:errors.folderNotEmpty');
    expect((await failure(openWorkspace(dir))).code).toBe('secretariat:errors.notAWorkspace');
    expect((await failure(openWorkspace(path.join(dir, 'nowhere')))).code).toBe('secretariat:errors.notFound');
  });

  it('can be written by one process at a time; readers need no lock', async () => {
    const ws = await kit.workspace();
    const second = await failure(openWorkspace(ws.dir, { write: true }));
    expect(second.code).toBe('secretariat:errors.locked');
    expect(second.params).toMatchObject({ pid: process.pid });
    const reader = await openWorkspace(ws.dir);
    expect(reader.registry).toHaveLength(2);
    await ws.close();
    const next = await openWorkspace(ws.dir, { write: true });
    await next.close();
  });

  it('refuses a workspace written by a newer version', async () => {
    const ws = await kit.workspace();
    await ws.close();
    const info = JSON.parse(await fs.readFile(path.join(ws.dir, 'workspace.json'), 'utf8'));
    await fs.writeFile(path.join(ws.dir, 'workspace.json'), JSON.stringify({ ...info, schemaVersion: 2 }));
    expect((await failure(openWorkspace(ws.dir))).code).toBe('secretariat:errors.workspaceNewer');
  });
});

describe('the index', () => {
  it('damaged, is rebuilt from the stored bundles, with a notice; nothing is lost', async () => {
    const ws = await kit.workspace();
    await importBundles(ws, [await kit.bundle({ revision: 1 }), await kit.bundle({ country: 'KEN' }), await kit.bundle({ key: kit.keys.stranger })]);
    const good = await loadIndex(ws);
    await ws.close();
    await fs.writeFile(path.join(ws.dir, 'index.json'), '{"format": "scsa-workspace-index", "submissions": [');
    const again = await openWorkspace(ws.dir, { write: true });
    const rebuilt = await loadIndex(again);
    expect(again.notices).toEqual([{ code: 'secretariat:notices.indexRebuilt', params: { problem: 'json' } }]);
    const strip = (i: typeof good) => ({ submissions: i.submissions, held: i.held.map(({ receivedAt: _r, ...h }) => h) });
    expect(strip(rebuilt)).toEqual(strip(good));
    // Saved again, and read as it is next time.
    const third = await openWorkspace(ws.dir);
    await loadIndex(third);
    expect(third.notices).toEqual([]);
    await again.close();
  });

  it('stale (a bundle placed but not yet indexed when the import was killed), is brought up to date', async () => {
    const ws = await kit.workspace();
    await importBundles(ws, [await kit.bundle()]);
    const stale = await fs.readFile(path.join(ws.dir, 'index.json'));
    await importBundles(ws, [await kit.bundle({ country: 'KEN' })]);
    await fs.writeFile(path.join(ws.dir, 'index.json'), stale);
    expect((await loadIndex(ws)).submissions.map((s) => s.country).sort()).toEqual(['FRA', 'KEN']);
    expect(ws.notices).toEqual([]);
    await ws.close();
  });
});

describe('the registry', () => {
  it('damaged, is restored from its log with a notice, never emptied', async () => {
    const ws = await kit.workspace();
    await ws.close();
    await fs.writeFile(path.join(ws.dir, 'registry.json'), 'not json');
    const again = await openWorkspace(ws.dir, { write: true });
    expect(again.registry.map((k) => k.country).sort()).toEqual(['FRA', 'KEN']);
    expect(again.notices).toEqual([{ code: 'secretariat:notices.registryRebuilt', params: { problem: 'json', count: 2 } }]);
    expect((await fs.readdir(ws.dir)).some((n) => /^registry\.corrupt-.+\.json$/.test(n))).toBe(true);
    await again.close();
  });
});

describe('the disk', () => {
  it('read-only: opening to write says so; reading and a dry run still work', async () => {
    const disk = await smallDisk(4 * 1024 * 1024);
    const dir = disk ?? (await tempDir());
    const ws = await kit.workspace(path.join(dir, 'ws'));
    await importBundles(ws, [await kit.bundle()]);
    await ws.close();
    if (disk) expect(spawnSync('mount', ['-o', 'remount,ro', disk]).status).toBe(0);
    else await fs.chmod(ws.dir, 0o555);
    try {
      const err = await failure(openWorkspace(ws.dir, { write: true }));
      expect(err.code).toBe('secretariat:errors.readOnly');
      expect(err.params).toEqual({ dir: ws.dir });
      const reader = await openWorkspace(ws.dir);
      expect((await loadIndex(reader)).submissions).toHaveLength(1);
      const dry = await importBundles(reader, [await kit.bundle({ revision: 2 })], { dryRun: true });
      expect(dry.decisions.map((d) => d.decision)).toEqual(['supersedes']);
    } finally {
      if (disk) spawnSync('mount', ['-o', 'remount,rw', disk]);
      else await fs.chmod(ws.dir, 0o755);
    }
  });

  it.runIf(process.platform === 'linux' && process.getuid?.() === 0)('full: the import stops with a clear message, keeps what it filed, leaves no partial file', async () => {
    const disk = await smallDisk(1024 * 1024);
    if (!disk) throw new Error('cannot mount a tmpfs here');
    const ws = await kit.workspace(path.join(disk, 'ws'));
    const first = await kit.bundle({ revision: 1 });
    await importBundles(ws, [first]);
    // Fill the disk to the last byte.
    const filler = path.join(disk, 'filler');
    const handle = await fs.open(filler, 'w');
    const block = Buffer.alloc(4096);
    for (;;) {
      const ok = await handle.write(block).then(() => true, () => false);
      if (!ok) break;
    }
    await handle.close();
    const err = await failure(importBundles(ws, [await kit.bundle({ revision: 2 })]));
    expect(err.code).toBe('secretariat:errors.diskFull');
    expect(await fs.readdir(path.join(ws.dir, '.incoming'))).toEqual([]);
    await fs.rm(filler);
    const index = await loadIndex(ws);
    expect(index.submissions.map((s) => s.submissionRevision)).toEqual([1]);
    await ws.close();
  });
});
