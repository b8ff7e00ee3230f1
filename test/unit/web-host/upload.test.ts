import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncomingFile, UploadHandlers } from '../../../core/api/contract';
import { AppError } from '../../../core/errors';
import { setLogSink } from '../../../core/log';
import { startWebHost, type WebHost } from '../../../web-host/server';
import { MAX_BODY_BYTES } from '../../../web-host/api-route';
import { request, uploadParts } from './http-client';

let tmp: string;
let host: WebHost;
let received: Array<{ id: string; name: string; mediaType: string; bytes: Buffer }>;

/** Stands in for the core: reads the stream to the end, as the real store does, and describes it. */
const fakeIntake: UploadHandlers['addAttachment'] = async (source: IncomingFile, id: string) => {
  const chunks: Buffer[] = [];
  for await (const chunk of source.stream()) chunks.push(Buffer.from(chunk));
  const bytes = Buffer.concat(chunks);
  if (source.name === 'too-big.bin') throw new AppError('errors.attachmentTooLarge', { max: 10 });
  received.push({ id, name: source.name, mediaType: source.mediaType, bytes });
  return {
    attachment: { sha256: createHash('sha256').update(bytes).digest('hex'), name: source.name, size: bytes.length, mediaType: source.mediaType },
    revision: 7,
  };
};

async function start(addAttachment?: UploadHandlers['addAttachment']): Promise<void> {
  host = await startWebHost({ rendererDir: path.join(tmp, 'web'), dataDir: path.join(tmp, 'data'), port: 0, ...(addAttachment ? { uploads: { addAttachment } } : {}) });
}

/** POST /api/upload/addAttachment as the page sends it; `params` and `name` undefined leave those parts out. */
function upload(what: { params?: unknown[]; name?: string; headers?: Record<string, string> }, file: Buffer | string, withToken = true) {
  const parts = uploadParts(what.params ?? [], file, what.name ?? 'x');
  const headers: Record<string, string> = { ...parts.headers };
  if (what.params === undefined) headers['x-params-length'] = '0';
  if (what.name === undefined) delete headers['x-file-name'];
  return request(host.port, {
    method: 'POST',
    path: '/api/upload/addAttachment',
    headers: { origin: `http://127.0.0.1:${host.port}`, ...(withToken ? { 'x-scsa-token': host.token } : {}), ...headers, ...what.headers },
    body: what.params === undefined ? file : parts.body,
  });
}

beforeEach(async () => {
  setLogSink(null);
  received = [];
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-upload-'));
  await fs.mkdir(path.join(tmp, 'web'));
  await fs.writeFile(path.join(tmp, 'web', 'index.html'), '<!doctype html>');
});

afterEach(async () => {
  await host.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('web host: attachment upload (POST /api/upload/addAttachment, the id and then the file as the body)', () => {
  it('streams the exact bytes, larger than any JSON call may be, with the name in any script', async () => {
    await start(fakeIntake);
    const bytes = Buffer.alloc(MAX_BODY_BYTES * 3, 0);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 256;
    const name = 'تقرير تدقيق السلامة – 安全审计.pdf';
    const res = await upload({ params: ['fra-2026-a1'], name, headers: { 'content-type': 'application/pdf; charset=binary' } }, bytes);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { ok: boolean; value: { attachment: { sha256: string; name: string; size: number }; revision: number } };
    expect(body.ok).toBe(true);
    expect(body.value.attachment).toMatchObject({ name, size: bytes.length });
    expect(received).toHaveLength(1);
    expect(received[0]?.id).toBe('fra-2026-a1');
    expect(received[0]?.mediaType).toBe('application/pdf; charset=binary');
    expect(received[0]?.bytes.equals(bytes)).toBe(true);
  });

  it('passes the core\'s refusal back as a translatable error', async () => {
    await start(fakeIntake);
    const res = await upload({ params: ['fra-2026-a1'], name: 'too-big.bin' }, 'xxxxxxxxxxxxxxxxxxxx');
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'errors.attachmentTooLarge', params: { max: 10 } } });
  });

  it('needs the token like every API call', async () => {
    await start(fakeIntake);
    const res = await upload({ params: ['fra-2026-a1'], name: 'a.txt' }, 'hello', false);
    expect(res.status).toBe(403);
    expect(received).toEqual([]);
  });

  it.each([
    [{ name: 'a.txt' }],
    [{ params: ['../../etc'], name: 'a.txt' }],
    [{ params: ['fra-2026-a1', 'extra'], name: 'a.txt' }],
    [{ params: ['fra-2026-a1'] }],
    [{ params: ['fra-2026-a1'], name: 'a.txt', headers: { 'x-file-name': '%E0%A4%A' } }],
    [{ params: ['fra-2026-a1'], name: 'x'.repeat(1025) }],
    [{ params: ['fra-2026-a1'], name: 'a.txt', headers: { 'x-params-length': '-1' } }],
    [{ params: ['fra-2026-a1'], name: 'a.txt', headers: { 'x-params-length': '999999' } }],
  ])('refuses missing or malformed details %j with 400, reading nothing', async (what) => {
    await start(fakeIntake);
    const res = await upload(what, 'hello');
    expect(res.status).toBe(400);
    expect(received).toEqual([]);
  });

  it('answers 405 to a GET, and 404 for an upload the contract does not describe (the old second path included)', async () => {
    await start(fakeIntake);
    expect((await request(host.port, { path: '/api/upload/addAttachment', headers: { 'x-scsa-token': host.token } })).status).toBe(405);
    for (const p of ['/api/upload/nothing', '/api/upload/fra-2026-a1', '/api/addAttachment']) {
      const res = await request(host.port, { method: 'POST', path: p, headers: { 'x-scsa-token': host.token, 'x-file-name': 'a.txt' }, body: 'hello' });
      expect(res.status, p).toBe(404);
    }
    expect(received).toEqual([]);
  });
});

describe('web host: attachments into the real core', () => {
  async function createAssessment(): Promise<string> {
    const res = await request(host.port, {
      method: 'POST',
      path: '/api/createAssessment',
      headers: { 'x-scsa-token': host.token, 'content-type': 'application/json' },
      body: JSON.stringify({ args: [{ countryCode: 'FRA', responseLanguage: 'fr' }] }),
    });
    const body = JSON.parse(res.body) as { ok: boolean; value: { draft: { id: string } } };
    expect(body.ok).toBe(true);
    return body.value.draft.id;
  }

  it('stores a file sent the way the page sends it (POST /api/upload/addAttachment) and reports its hash', async () => {
    host = await startWebHost({ rendererDir: path.join(tmp, 'web'), dataDir: path.join(tmp, 'data'), port: 0 });
    const id = await createAssessment();
    const bytes = Buffer.from('Plan local de sécurité — Lyon, 2025\n'.repeat(1000));
    const res = await upload({ params: [id], name: 'plan de sécurité.txt', headers: { 'content-type': 'text/plain' } }, bytes);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { ok: boolean; value: { attachment: { sha256: string; name: string; size: number; mediaType: string } } };
    expect(body.ok).toBe(true);
    expect(body.value.attachment).toEqual({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      name: 'plan de sécurité.txt',
      size: bytes.length,
      mediaType: 'text/plain',
    });
  });

  it('passes the core\'s size limit back as an error envelope', async () => {
    host = await startWebHost({ rendererDir: path.join(tmp, 'web'), dataDir: path.join(tmp, 'data'), port: 0, maxAttachmentBytes: 1000 });
    const id = await createAssessment();
    const res = await upload({ params: [id], name: 'big.bin' }, Buffer.alloc(200_000, 1));
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { ok: boolean; error: { code: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('drafts:errors.attachmentTooLarge');
  });
});
