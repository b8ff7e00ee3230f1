import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../../../core/log';
import { startWebHost, type WebHost } from '../../../web-host/server';
import { cacheControlOf } from '../../../web-host/static-files';
import { request } from './http-client';

let tmp: string;
let host: WebHost;

beforeEach(async () => {
  setLogSink(null);
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-host-cache-'));
  const web = path.join(tmp, 'renderer');
  await fs.mkdir(path.join(web, 'assets'), { recursive: true });
  await fs.writeFile(path.join(web, 'index.html'), '<!doctype html><title>home</title>');
  await fs.writeFile(path.join(web, 'assets', 'boot-CedvgJRj.js'), 'console.log(1)');
  await fs.writeFile(path.join(web, 'assets', 'app.js'), 'console.log(2)');
  host = await startWebHost({ rendererDir: web, dataDir: path.join(tmp, 'data'), port: 0 });
});

afterEach(async () => {
  await host.close();
  await fs.rm(tmp, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

describe('web host: caching of the renderer files', () => {
  it('lets the browser keep files named after their content, and checks the page every time', async () => {
    expect((await request(host.port, { path: '/assets/boot-CedvgJRj.js' })).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await request(host.port, { path: '/' })).headers['cache-control']).toBe('no-cache');
    expect((await request(host.port, { path: '/assets/app.js' })).headers['cache-control']).toBe('no-cache');
  });

  it('keeps only hashed names under assets/', () => {
    expect(cacheControlOf('/assets/noto-sans-latin-400-normal-BTkUljjl.woff2')).toContain('immutable');
    expect(cacheControlOf('/index.html')).toBe('no-cache');
    expect(cacheControlOf('/favicon.svg')).toBe('no-cache');
    expect(cacheControlOf('/assets/sub/x-CedvgJRj.js')).toBe('no-cache');
  });
});
