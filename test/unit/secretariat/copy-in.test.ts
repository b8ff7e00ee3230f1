// The import's copy into .incoming/: which side failed decides whether one file is refused (its
// source cannot be read) or the import stops (the workspace cannot be written); nothing half-copied stays.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../../../core/secretariat';
import { SourceUnreadable, copyIn } from '../../../core/secretariat/store';
import { tempDir } from './fixture';

let dir: string;
let ws: Workspace;
let source: string;
const incoming = () => fs.readdir(path.join(ws.dir, '.incoming')).catch(() => [] as string[]);

beforeAll(async () => {
  dir = await tempDir('scsa-copy-in-');
  ws = await createWorkspace(path.join(dir, 'ws'));
  source = path.join(dir, 'bundle.zip');
  await fs.writeFile(source, Buffer.alloc(3 * 1024 * 1024 + 17, 7));
});
afterAll(async () => {
  await ws.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('copyIn', () => {
  it('copies the bytes into .incoming/ and makes them durable', async () => {
    const { temp, durable } = await copyIn(ws, source);
    await durable;
    expect(path.dirname(temp)).toBe(path.join(ws.dir, '.incoming'));
    expect((await fs.readFile(temp)).equals(await fs.readFile(source))).toBe(true);
    await fs.rm(temp);
  });

  it('a source that is gone is that file’s problem, with its code, and leaves nothing behind', async () => {
    const err = await copyIn(ws, path.join(dir, 'vanished.zip')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceUnreadable);
    expect((err as SourceUnreadable).code).toBe('ENOENT');
    expect(await incoming()).toEqual([]);
  });

  it('a workspace that cannot be written is the import’s failure, not the file’s', async () => {
    const folder = path.join(ws.dir, '.incoming');
    await fs.rm(folder, { recursive: true });
    // A file where the folder should be: every copy fails on the workspace's side.
    await fs.writeFile(folder, 'not a folder');
    try {
      const err = await copyIn(ws, source).catch((e: unknown) => e);
      expect(err).not.toBeInstanceOf(SourceUnreadable);
      expect((err as NodeJS.ErrnoException).code).toMatch(/^(ENOTDIR|ENOENT)$/);
    } finally {
      await fs.rm(folder);
      await fs.mkdir(folder);
    }
  });
});
