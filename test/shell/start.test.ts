// `npm start`: one clear line when Electron cannot be launched, saying why (dependencies not
// installed, install script not approved, download skipped, download failed) and what to do;
// otherwise build and launch it on the app folder.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronMessage, electronStatus, scriptApproval, type ElectronStatus } from '../../scripts/electron-status.mjs';

const root = path.resolve(__dirname, '../..');
let tmp = '';

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-start-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** The environment of this process without the Electron variables a CI run may have set. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  delete env.ELECTRON_OVERRIDE_DIST_PATH;
  return { ...env, ...extra };
}

function start(env: Record<string, string>, args: string[] = []): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['scripts/start.mjs', ...args], {
    cwd: root,
    env: cleanEnv(env),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function oneLine(result: { status: number | null; stdout: string; stderr: string }): string {
  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/\n\s+at /);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0] ?? '';
}

/** A project folder with the electron package installed (no binary) and the given allowScripts. */
async function project(allowScripts: Record<string, boolean> | undefined, binary = false): Promise<string> {
  const dir = path.join(tmp, 'project');
  const electron = path.join(dir, 'node_modules', 'electron');
  await fs.mkdir(electron, { recursive: true });
  await fs.writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'p', allowScripts }));
  await fs.writeFile(path.join(electron, 'package.json'), JSON.stringify({ name: 'electron', version: '41.7.1', main: 'index.js' }));
  if (binary) {
    await fs.mkdir(path.join(electron, 'dist'));
    await fs.writeFile(path.join(electron, 'dist', 'electron'), '', { mode: 0o755 });
    await fs.writeFile(path.join(electron, 'path.txt'), 'electron');
  }
  return dir;
}

function message(status: ElectronStatus): string {
  if (status.kind === 'ready') throw new Error('expected Electron to be missing');
  return electronMessage(status);
}

describe('npm start', () => {
  it('with the download skipped by ELECTRON_SKIP_BINARY_DOWNLOAD, says so and how to get it: one line, exit 1', () => {
    // The electron package resolves its binary under this folder; an empty folder stands for no binary.
    const line = oneLine(start({ ELECTRON_OVERRIDE_DIST_PATH: tmp, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }));
    expect(line).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD is set');
    expect(line).toContain('npm rebuild electron');
    expect(line).toContain('npm run web');
    expect(line).not.toMatch(/run `npm install`/);
  });

  it('with the binary missing otherwise (a failed download), points to `npm rebuild electron`, not to `npm install` again', () => {
    const line = oneLine(start({ ELECTRON_OVERRIDE_DIST_PATH: tmp }));
    expect(line).toMatch(/download .*failed/);
    expect(line).toContain('npm rebuild electron');
    expect(line).toContain('npm run web');
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

describe('why Electron is missing', () => {
  it('no node_modules (npm install never completed, or rolled back after a failed download): npm install, or skip the download and use the browser', async () => {
    await fs.writeFile(path.join(tmp, 'package.json'), '{}');
    const status = electronStatus(tmp, {});
    expect(status.kind).toBe('no-dependencies');
    const line = message(status);
    expect(line).toContain('`npm install`');
    expect(line).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install');
    expect(line).toContain('npm run web');
  });

  it('install script not approved, or denied, in allowScripts: says so and how to approve it', async () => {
    const policies: Array<Record<string, boolean> | undefined> = [undefined, { esbuild: false }, { electron: false }, { 'electron@41.7.0': true }, { electron: true, 'electron@41.7.1': false }];
    for (const allowScripts of policies) {
      await fs.rm(path.join(tmp, 'project'), { recursive: true, force: true });
      const status = electronStatus(await project(allowScripts), { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
      expect(status.kind, JSON.stringify(allowScripts)).toBe('script-not-approved');
      const line = message(status);
      expect(line).toContain('allowScripts does not approve electron@41.7.1');
      expect(line).toContain('npm install-scripts approve electron');
      expect(line).toContain('npm rebuild electron');
    }
  });

  it('approved (by name or pinned): skipped when ELECTRON_SKIP_BINARY_DOWNLOAD is set, a failed download otherwise; ready with the binary', async () => {
    const approving: Array<Record<string, boolean>> = [{ electron: true }, { 'electron@41.7.1': true }, { 'electron@41.7.0 || 41.7.1': true }];
    for (const allowScripts of approving) {
      await fs.rm(path.join(tmp, 'project'), { recursive: true, force: true });
      const dir = await project(allowScripts);
      expect(electronStatus(dir, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }).kind).toBe('download-skipped');
      expect(electronStatus(dir, {}).kind).toBe('download-missing');
    }
    await fs.rm(path.join(tmp, 'project'), { recursive: true, force: true });
    const dir = await project({ electron: true }, true);
    expect(electronStatus(dir, {})).toEqual({ kind: 'ready', binary: path.join(dir, 'node_modules', 'electron', 'dist', 'electron') });
  });

  it('reads allowScripts as npm does: a denial wins, ranges approve nothing', () => {
    expect(scriptApproval({ electron: true }, 'electron', '41.7.1')).toBe(true);
    expect(scriptApproval({ 'electron@*': true }, 'electron', '41.7.1')).toBe(true);
    expect(scriptApproval({ 'electron@^41.0.0': true }, 'electron', '41.7.1')).toBeNull();
    expect(scriptApproval({ 'electron-winstaller': true }, 'electron', '41.7.1')).toBeNull();
    expect(scriptApproval({ electron: true, 'electron@41.7.1': false }, 'electron', '41.7.1')).toBe(false);
    expect(scriptApproval({ '@scope/pkg@1.0.0': true }, '@scope/pkg', '1.0.0')).toBe(true);
    expect(scriptApproval(undefined, 'electron', '41.7.1')).toBeNull();
  });
});
