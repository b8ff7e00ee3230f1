import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HOST_ENTRY, ensureBuilt, makeTempDir, startHost, type RunningHost } from '../../e2e/harness';
import { callApi } from './http-client';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function freshHost(dataDir: string): Promise<RunningHost> {
  const host = await startHost(dataDir);
  cleanups.push(() => host.stop());
  return host;
}

beforeAll(async () => {
  await ensureBuilt();
});

describe('web host as a program (dist/web-host/host.cjs)', () => {
  it('prints its address as the first stdout line, with a new token every run', async () => {
    const data = await makeTempDir('data');
    cleanups.push(data.remove);
    const a = await freshHost(data.path);
    const b = await freshHost(data.path);
    expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.port).not.toBe(b.port);
    // The other run's token opens nothing here.
    expect((await callApi(a.port, b.token, 'getSettings')).status).toBe(403);
    expect((await callApi(a.port, a.token, 'getSettings')).status).toBe(200);
  });

  it('keeps the chosen language in DIR/settings.json across restarts', async () => {
    const data = await makeTempDir('data');
    cleanups.push(data.remove);
    const first = await freshHost(data.path);
    await callApi(first.port, first.token, 'setLanguage', ['ru']);
    expect(await first.stop()).toBe(0);
    const second = await freshHost(data.path);
    const res = await callApi(second.port, second.token, 'getSettings');
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { schemaVersion: 1, language: 'ru' } });
    const file = JSON.parse(await fs.readFile(path.join(data.path, 'settings.json'), 'utf8')) as { language: string };
    expect(file.language).toBe('ru');
  });

  it('stops cleanly on SIGINT', async () => {
    const data = await makeTempDir('data');
    cleanups.push(data.remove);
    const host = await startHost(data.path);
    const exited = new Promise<number | null>((resolve) => host.child.once('exit', (code) => resolve(code)));
    host.child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('without --data uses a new temporary folder and says which on stderr', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [HOST_ENTRY, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const first = await new Promise<string>((resolve) => child.stdout.setEncoding('utf8').once('data', (d: string) => resolve(d)));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(first)?.[1]);
    const token = /token=([0-9a-f]{64})/.exec(first)?.[1] ?? '';
    const info = JSON.parse((await callApi(port, token, 'getAppInfo')).body) as { value: { dataDir: string } };
    child.kill('SIGTERM');
    await exited;
    expect(err).toContain(info.value.dataDir);
    expect(path.basename(info.value.dataDir)).toMatch(/^scsa-web-/);
    await fs.rm(info.value.dataDir, { recursive: true, force: true });
  });

  it.each([['--port', 'abc'], ['--port', '70000'], ['--bogus'], ['--data']])('refuses bad arguments %j with exit 2 and no stack trace', (...args) => {
    const run = spawnSync(process.execPath, [HOST_ENTRY, ...args], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage:');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
