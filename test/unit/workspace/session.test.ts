// The app session's one open workspace: open for changes when possible, read-only otherwise, one piece of work at a time, lock released on close.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors';
import { createWorkspace, openWorkspace } from '../../../core/secretariat';
import { WorkspaceSession } from '../../../core/features/workspace/session';
import { readRecentWorkspaces } from '../../../core/features/workspace/recent';
import { makeCore, tempDir } from '../api/harness';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0)) await f();
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return err instanceof AppError ? err.code : String(err);
  }
  return 'no error';
}

describe('WorkspaceSession', () => {
  it('has nothing open at first, and says so in the analyst’s words', async () => {
    const session = new WorkspaceSession({ dataDir: null });
    expect(session.current()).toBeNull();
    expect(() => session.require()).toThrow(expect.objectContaining({ code: 'secretariat:errors.noWorkspaceOpen' }) as Error);
    expect(await codeOf(session.run(async () => 1))).toBe('secretariat:errors.noWorkspaceOpen');
  });

  it('creates a workspace, holds its lock, and releases it on close', async () => {
    const data = await tempDir('ws-data');
    const dir = path.join(await tempDir('ws'), 'new');
    const session = new WorkspaceSession({ dataDir: data });
    cleanup.push(() => session.dispose());
    const ws = await session.create(dir);
    expect(ws.writable).toBe(true);
    expect(session.require()).toBe(ws);
    // Another program cannot take it for writing while the session holds it…
    expect(await codeOf(openWorkspace(dir, { write: true }))).toBe('secretariat:errors.locked');
    await session.close();
    expect(session.current()).toBeNull();
    // …and can once it is closed.
    const other = await openWorkspace(dir, { write: true });
    await other.close();
    expect((await readRecentWorkspaces(data)).map((w) => w.dir)).toEqual([path.resolve(dir)]);
  });

  it('opens a workspace another program holds for reading only, with the reason', async () => {
    const dir = path.join(await tempDir('ws'), 'held');
    const other = await createWorkspace(dir);
    cleanup.push(() => other.close());
    const session = new WorkspaceSession({ dataDir: null });
    cleanup.push(() => session.dispose());
    const ws = await session.open(dir);
    expect(ws.writable).toBe(false);
    expect(session.readOnlyCause()?.code).toBe('secretariat:errors.locked');
    expect(await codeOf(session.change(async () => 1))).toBe('secretariat:errors.openedReadOnly');
    // Asked not to fall back, it says why it cannot write.
    expect(await codeOf(session.open(dir, false))).toBe('secretariat:errors.locked');
  });

  it('runs work one piece at a time, and closing waits for the work under way', async () => {
    const session = new WorkspaceSession({ dataDir: null });
    await session.create(path.join(await tempDir('ws'), 'w'));
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = session.change(async () => {
      order.push('first start');
      await gate;
      order.push('first end');
    });
    const second = session.run(async () => void order.push('second'));
    const closed = session.close().then(() => order.push('closed'));
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['first start']);
    release();
    await Promise.all([first, second, closed]);
    expect(order).toEqual(['first start', 'first end', 'second', 'closed']);
  });

  it('refuses a folder that is not a workspace, keeping nothing open', async () => {
    const dir = await tempDir('not-ws');
    await fs.writeFile(path.join(dir, 'notes.txt'), 'x');
    const session = new WorkspaceSession({ dataDir: null });
    expect(await codeOf(session.open(dir))).toBe('secretariat:errors.notAWorkspace');
    expect(await codeOf(session.create(dir))).toBe('secretariat:errors.folderNotEmpty');
    expect(session.current()).toBeNull();
  });
});

describe('workspace handlers through dispatch', () => {
  it('opens, reports and closes the session’s workspace; the recent list remembers it', async () => {
    const core = makeCore(await tempDir('ws-core'));
    cleanup.push(() => core.service.dispose());
    const dir = path.join(await tempDir('ws'), 'office');
    expect(await core.ok('getWorkspace')).toBeNull();
    const created = await core.ok<{ dir: string; writable: boolean; counts: { keys: number } }>('createWorkspace', dir);
    expect(created).toMatchObject({ dir: path.resolve(dir), writable: true, counts: { keys: 0 } });
    expect(core.service.workspace.current()?.dir).toBe(path.resolve(dir));
    await core.ok('closeWorkspace');
    expect(await core.ok('getWorkspace')).toBeNull();
    expect(await core.ok('listRecentWorkspaces')).toEqual([expect.objectContaining({ dir: path.resolve(dir) })]);
    const reopened = await core.ok<{ writable: boolean }>('openWorkspace', dir);
    expect(reopened.writable).toBe(true);
    const refused = await core.call('openWorkspace', '');
    expect(refused.ok).toBe(false);
  });
});
