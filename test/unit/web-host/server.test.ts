import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../../../core/log';
import { startWebHost, type WebHost } from '../../../web-host/server';
import { MAX_BODY_BYTES } from '../../../web-host/api-route';
import { callApi, request } from './http-client';

let tmp: string;
let host: WebHost;
let dataDir: string;

beforeEach(async () => {
  setLogSink(null);
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-host-'));
  const web = path.join(tmp, 'renderer');
  dataDir = path.join(tmp, 'data');
  await fs.mkdir(path.join(web, 'assets'), { recursive: true });
  await fs.mkdir(dataDir);
  await fs.writeFile(path.join(web, 'index.html'), '<!doctype html><title>home</title>');
  await fs.writeFile(path.join(web, 'assets', 'app.js'), 'console.log(1)');
  await fs.writeFile(path.join(web, 'assets', 'app.css'), 'body{}');
  await fs.writeFile(path.join(web, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  await fs.writeFile(path.join(web, 'assets', 'font.ttf'), Buffer.from([0, 1, 0, 0]));
  await fs.writeFile(path.join(web, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await fs.writeFile(path.join(tmp, 'secret.txt'), 'not for the browser');
  await fs.symlink(path.join(tmp, 'secret.txt'), path.join(web, 'assets', 'link.txt'));
  host = await startWebHost({ rendererDir: web, dataDir, port: 0 });
});

afterEach(async () => {
  await host.close();
  await fs.rm(tmp, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

describe('web host: static files', () => {
  it('prints an address on 127.0.0.1 with a 64-hex-digit token, and serves index.html at /', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[0-9a-f]{64}$/);
    const res = await request(host.port, { path: `/?token=${host.token}` });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>home</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('sends the security headers on pages and on refusals', async () => {
    for (const res of [await request(host.port), await request(host.port, { path: '/missing.js' })]) {
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it.each([
    ['/assets/app.js', 'text/javascript; charset=utf-8'],
    ['/assets/app.css', 'text/css; charset=utf-8'],
    ['/assets/font.woff2', 'font/woff2'],
    ['/assets/font.ttf', 'font/ttf'],
    ['/assets/logo.svg', 'image/svg+xml'],
  ])('serves %s as %s', async (file, type) => {
    const res = await request(host.port, { path: file });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
  });

  it.each(['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/%2E%2E%2F%2E%2E%2Fsecret.txt', '/..%5csecret.txt', '/assets/link.txt', '/%00index.html'])(
    'refuses a path that leaves the app folder: %s',
    async (p) => {
      const res = await request(host.port, { path: p });
      expect(res.status).toBe(403);
      expect(res.body).not.toContain('not for the browser');
    },
  );

  it('lists no folders and answers 404 for missing files', async () => {
    expect((await request(host.port, { path: '/assets' })).status).toBe(404);
    expect((await request(host.port, { path: '/assets/' })).status).toBe(404);
    expect((await request(host.port, { path: '/nothing.html' })).status).toBe(404);
  });

  it('refuses to change anything with a static path (405)', async () => {
    const res = await request(host.port, { method: 'PUT', path: '/index.html', body: 'x' });
    expect(res.status).toBe(405);
  });
});

describe('web host: who may talk to it', () => {
  it('listens on 127.0.0.1 only', async () => {
    // 127.0.0.2 is also this machine: a server bound to every address would accept it.
    const outcome = await new Promise<string>((resolve) => {
      const socket = net.connect({ host: '127.0.0.2', port: host.port });
      socket.once('connect', () => { socket.destroy(); resolve('connected'); });
      socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    });
    expect(outcome).toBe('ECONNREFUSED');
  });

  it.each([`localhost:PORT`, `evil.example:PORT`, `127.0.0.1`, `127.0.0.1:1`, `127.0.0.1:PORT.evil.example`])(
    'refuses Host %s for pages and for the API (DNS rebinding)',
    async (hostHeader) => {
      const value = hostHeader.replace('PORT', String(host.port));
      expect((await request(host.port, { headers: { host: value } })).status).toBe(403);
      const api = await callApi(host.port, host.token, 'getSettings', [], { host: value });
      expect(api.status).toBe(403);
    },
  );

  it('never writes the token to its log, even when refusing an address that carries it', async () => {
    const lines: string[] = [];
    setLogSink((line) => lines.push(line));
    await request(host.port, { path: `/?token=${host.token}`, headers: { host: `localhost:${host.port}` } });
    await callApi(host.port, 'f'.repeat(64), 'getSettings');
    setLogSink(null);
    expect(lines.join('\n')).toContain('refused');
    expect(lines.join('\n')).not.toContain(host.token);
  });

  it.each(['http://evil.example', 'http://localhost:PORT', 'https://127.0.0.1:PORT', 'null'])('refuses Origin %s', async (origin) => {
    const value = origin.replace('PORT', String(host.port));
    const res = await callApi(host.port, host.token, 'getSettings', [], { origin: value });
    expect(res.status).toBe(403);
    expect((await request(host.port, { headers: { origin: value } })).status).toBe(403);
  });

  it('refuses API calls with no token or a wrong one, and answers the right one', async () => {
    expect((await callApi(host.port, null, 'getSettings')).status).toBe(403);
    const wrong = host.token.slice(0, -1) + (host.token.endsWith('0') ? '1' : '0');
    expect((await callApi(host.port, wrong, 'getSettings')).status).toBe(403);
    expect((await callApi(host.port, host.token.slice(0, 10), 'getSettings')).status).toBe(403);
    const ok = await callApi(host.port, host.token, 'getSettings');
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: { schemaVersion: 1, language: 'en' } });
  });

  it('accepts a call without Origin (not a browser) when the token is right', async () => {
    const res = await request(host.port, {
      method: 'POST',
      path: '/api/getAppInfo',
      headers: { 'x-scsa-token': host.token },
      body: '{"args":[]}',
    });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { ok: boolean; value: { runtime: string; dataDir: string } };
    expect(body.value.runtime).toBe('web');
    expect(body.value.dataDir).toBe(dataDir);
  });
});

describe('web host: the API', () => {
  it('remembers the chosen language in the data folder', async () => {
    const res = await callApi(host.port, host.token, 'setLanguage', ['ar']);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { schemaVersion: 1, language: 'ar' } });
    const onDisk = JSON.parse(await fs.readFile(path.join(dataDir, 'settings.json'), 'utf8')) as { language: string };
    expect(onDisk.language).toBe('ar');
    expect(JSON.parse((await callApi(host.port, host.token, 'getSettings')).body)).toMatchObject({ value: { language: 'ar' } });
  });

  it('answers arguments that break the contract with an error envelope, not a crash', async () => {
    const res = await callApi(host.port, host.token, 'setLanguage', ['xx']);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
  });

  it('answers 404 for an unknown method and 405 for a GET', async () => {
    expect((await callApi(host.port, host.token, 'deleteEverything')).status).toBe(404);
    expect((await callApi(host.port, host.token, 'constructor')).status).toBe(404);
    const get = await request(host.port, { path: '/api/getSettings', headers: { 'x-scsa-token': host.token } });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
  });

  it.each(['{"args":', 'not json', '{"args":"en"}', '[]', ''])('answers 400 to the body %j', async (body) => {
    const res = await request(host.port, {
      method: 'POST',
      path: '/api/getSettings',
      headers: { 'x-scsa-token': host.token },
      body,
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
  });

  it('refuses a body over the size limit', async () => {
    const big = JSON.stringify({ args: ['x'.repeat(MAX_BODY_BYTES)] });
    const res = await request(host.port, {
      method: 'POST',
      path: '/api/setLanguage',
      headers: { 'x-scsa-token': host.token },
      body: big,
    });
    expect(res.status).toBe(413);
  });
});
