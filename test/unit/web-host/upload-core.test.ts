// The upload route over the real core: the web client's addAttachment → POST /api/upload/<id> → the draft store.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../../../core/log';
import { startWebHost, type WebHost } from '../../../web-host/server';
import { createWebApi } from '../../../renderer/src/api/web-api';
import { callApi, request, uploadParts } from './http-client';

const LIMIT = 256 * 1024;
let tmp: string;
let dataDir: string;
let host: WebHost;

beforeEach(async () => {
  setLogSink(null);
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-upload-core-'));
  dataDir = path.join(tmp, 'data');
  await fs.mkdir(path.join(tmp, 'web'));
  await fs.mkdir(dataDir);
  await fs.writeFile(path.join(tmp, 'web', 'index.html'), '<!doctype html>');
  host = await startWebHost({ rendererDir: path.join(tmp, 'web'), dataDir, port: 0, maxAttachmentBytes: LIMIT });
});

afterEach(async () => {
  await host.close();
  await fs.rm(tmp, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

/** The page's own client, with fetch pointed at the host (a page would use relative URLs). */
function pageApi(token: string | null = host.token) {
  const base = `http://127.0.0.1:${host.port}`;
  return createWebApi({ token, fetch: (input, init) => fetch(base + String(input), init) });
}

async function createAssessment(): Promise<string> {
  const res = await callApi(host.port, host.token, 'createAssessment', [{ countryCode: 'MAR', responseLanguage: 'ar' }, { id: 'safer-cities-sample', version: '0.1.0' }]);
  return (JSON.parse(res.body) as { value: { draft: { id: string } } }).value.draft.id;
}

const bytesOf = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7) % 256);

describe('web host upload into the real core', () => {
  it('stores a file sent by the page client, by hash, and lists it in the draft once', async () => {
    const id = await createAssessment();
    const content = bytesOf(LIMIT - 1);
    const file = new File([content], 'محضر الاجتماع.pdf', { type: 'application/pdf' });
    const first = await pageApi().addAttachment(file, id);
    const sha256 = createHash('sha256').update(content).digest('hex');
    expect(first).toEqual({ ok: true, value: { attachment: { sha256, name: 'محضر الاجتماع.pdf', size: LIMIT - 1, mediaType: 'application/pdf' }, revision: 1 } });
    expect(await pageApi().addAttachment(new File([content], 'again.pdf'), id)).toMatchObject({ ok: true, value: { revision: 1, attachment: { sha256 } } });
    const stored = await fs.readFile(path.join(dataDir, 'assessments', id, 'attachments', sha256));
    expect(stored.equals(Buffer.from(content))).toBe(true);
    const draft = JSON.parse(await fs.readFile(path.join(dataDir, 'assessments', id, 'draft.scsa.json'), 'utf8')) as { attachments: unknown[] };
    expect(draft.attachments).toHaveLength(1);
  });

  it('refuses a file over the limit with the core\'s translatable error, keeping nothing, and stays usable', async () => {
    const id = await createAssessment();
    const r = await pageApi().addAttachment(new File([bytesOf(LIMIT * 4)], 'big.bin'), id);
    expect(r).toEqual({ ok: false, error: { code: 'drafts:errors.attachmentTooLarge', params: { name: 'big.bin', limit: LIMIT } } });
    expect(await fs.readdir(path.join(dataDir, 'assessments', id, 'attachments'))).toEqual([]);
    const small = await pageApi().addAttachment(new File(['small'], 'small.txt', { type: 'text/plain' }), id);
    expect(small, JSON.stringify(small)).toMatchObject({ ok: true });
  });

  it('needs the token, the right Host and Origin, and reads nothing otherwise', async () => {
    const id = await createAssessment();
    expect(await pageApi('wrong-token').addAttachment(new File(['x'], 'x.txt'), id)).toEqual({ ok: false, error: { code: 'errors.forbidden' } });
    const parts = uploadParts([id], 'x', 'x.txt');
    const headers = { 'x-scsa-token': host.token, 'content-type': 'text/plain', ...parts.headers };
    const path_ = '/api/upload/addAttachment';
    const body = parts.body;
    expect((await request(host.port, { method: 'POST', path: path_, body, headers: { ...headers, host: `localhost:${host.port}` } })).status).toBe(403);
    expect((await request(host.port, { method: 'POST', path: path_, headers: { ...headers, origin: 'https://evil.example' }, body })).status).toBe(403);
    const ok = await request(host.port, { method: 'POST', path: path_, headers: { ...headers, origin: `http://127.0.0.1:${host.port}` }, body });
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { attachment: { name: 'x.txt', size: 1 } } });
    const draft = JSON.parse(await fs.readFile(path.join(dataDir, 'assessments', id, 'draft.scsa.json'), 'utf8')) as { attachments: unknown[] };
    expect(draft.attachments).toHaveLength(1);
  });

  it('refuses an upload to an assessment that is not open, or with a bad id, with an envelope', async () => {
    const id = await createAssessment();
    await callApi(host.port, host.token, 'closeAssessment', [id]);
    expect(await pageApi().addAttachment(new File(['x'], 'x.txt'), id)).toMatchObject({ ok: false, error: { code: 'drafts:errors.notOpen' } });
    expect(await pageApi().addAttachment(new File(['x'], 'x.txt'), '../../etc')).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
  });

  it('releases the locks of open drafts when the host closes', async () => {
    const id = await createAssessment();
    const lock = path.join(dataDir, 'assessments', id, '.lock');
    await expect(fs.access(lock)).resolves.toBeUndefined();
    await host.close();
    await expect(fs.access(lock)).rejects.toThrow();
    host = await startWebHost({ rendererDir: path.join(tmp, 'web'), dataDir, port: 0 });
    expect(JSON.parse((await callApi(host.port, host.token, 'openAssessment', [id])).body)).toMatchObject({ ok: true });
  });
});
