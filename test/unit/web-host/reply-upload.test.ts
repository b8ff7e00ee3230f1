// A reply file far larger than a reply can be (a 50 MB file chosen by mistake, here 6 MB over the
// 5 MB limit) is refused by the web host before the core reads it, with a message naming the file.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../../../core/log';
import { startWebHost, type WebHost } from '../../../web-host/server';
import { request, uploadParts } from './http-client';

let tmp: string;
let host: WebHost;

beforeEach(async () => {
  setLogSink(null);
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-web-reply-'));
  await fs.mkdir(path.join(tmp, 'web'));
  await fs.writeFile(path.join(tmp, 'web', 'index.html'), '<!doctype html>');
  host = await startWebHost({ rendererDir: path.join(tmp, 'web'), dataDir: path.join(tmp, 'data'), port: 0 });
});

afterEach(async () => {
  await host.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('web host: importing a reply file', () => {
  it('refuses a file over the reply limit with the translated reason, naming the file', async () => {
    const parts = uploadParts(['fra-2026'], Buffer.alloc(6 * 1024 * 1024, 32), 'huge.scsa-reply.json');
    const r = await request(host.port, {
      method: 'POST',
      path: '/api/upload/importReply',
      headers: { origin: `http://127.0.0.1:${host.port}`, 'x-scsa-token': host.token, 'content-type': 'application/json', ...parts.headers },
      body: parts.body,
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'merge:errors.replyFileTooLarge', params: { name: 'huge.scsa-reply.json', limit: 5 * 1024 * 1024 } } });
  });
});
