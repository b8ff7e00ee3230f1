// `npm start`: one clear line when Electron is missing; otherwise build and launch it on the app folder.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
let tmp = '';

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-start-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

function start(env: Record<string, string>, args: string[] = []): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['scripts/start.mjs', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm start', () => {
  it('says in one line that Electron is missing, how to fix it, and to use npm run web; exit 1', () => {
    // The electron package resolves its binary under this folder; an empty folder stands for a failed download.
    const result = start({ ELECTRON_OVERRIDE_DIST_PATH: tmp });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Electron is not installed/);
    expect(lines[0]).toContain('npm install');
    expect(lines[0]).toContain('npm run web');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  // With --no-build: rebuilding dist/ here would pull it from under tests running alongside (npm test
  // has just built it). The build step itself is `scripts/build.mjs`, run by npm test.
  it('launches Electron on the app folder when the binary is there, passing the exit code and arguments on, never as plain Node', async () => {
    const record = path.join(tmp, 'launched.txt');
    const binary = path.join(tmp, 'electron');
    await fs.writeFile(binary, `#!/bin/sh\nprintf '%s\\n' "$PWD" "\${ELECTRON_RUN_AS_NODE:-unset}" "$@" > "${record}"\nexit 3\n`, { mode: 0o755 });
    const result = start({ ELECTRON_OVERRIDE_DIST_PATH: tmp, ELECTRON_RUN_AS_NODE: '1' }, ['--no-build', '--lang=fr']);
    expect(result.status, result.stderr).toBe(3);
    expect((await fs.readFile(record, 'utf8')).split('\n').slice(0, 4)).toEqual([root, 'unset', root, '--lang=fr']);
  });
});
