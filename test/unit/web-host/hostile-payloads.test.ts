// Hostile API bodies over HTTP (issue 14.1): nesting that used to crash a request with HTTP 500 is a
// 4xx with a translatable reason, the amplifying portable copy is refused, and the host keeps serving.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../../../core/log';
import { MAX_PAYLOAD_DEPTH } from '../../../core/api/dispatch';
import { MAX_ANSWER_DEPTH } from '../../../core/draft/limits';
import { startWebHost, type WebHost } from '../../../web-host/server';
import { callApi, request } from './http-client';
import { amplifyingDraftText, deepSaveBody } from '../../fixtures/hostile/corpus';

let tmp: string;
let host: WebHost;

beforeEach(async () => {
  setLogSink(null);
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-host-hostile-'));
  await fs.mkdir(path.join(tmp, 'renderer'));
  await fs.writeFile(path.join(tmp, 'renderer', 'index.html'), '<!doctype html><title>home</title>');
  await fs.mkdir(path.join(tmp, 'data'));
  host = await startWebHost({ rendererDir: path.join(tmp, 'renderer'), dataDir: path.join(tmp, 'data'), port: 0 });
});

afterEach(async () => {
  await host.close();
  await fs.rm(tmp, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

const post = (method: string, body: string) =>
  request(host.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${host.port}`, 'x-scsa-token': host.token },
    body,
  });

async function createAssessment(): Promise<string> {
  const res = await callApi(host.port, host.token, 'createAssessment', [{ countryCode: 'FRA', responseLanguage: 'en' }, { id: 'safer-cities-sample', version: '0.1.0' }]);
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { value: { draft: { id: string } } }).value.draft.id;
}

describe('web host: hostile payloads', () => {
  it.each([5_000, 100_000, 500_000])('a save nested %i deep is a 400 errors.tooDeep, and the host keeps serving', async (depth) => {
    const id = await createAssessment();
    const res = await post('saveAnswers', deepSaveBody(id, depth));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'errors.tooDeep', params: { limit: MAX_PAYLOAD_DEPTH } } });
    // The same connection pool, the next call: still answered, and the draft untouched.
    const saved = await callApi(host.port, host.token, 'saveAnswers', [id, { 'A.1': 'still here' }]);
    expect(saved.status).toBe(200);
    expect(JSON.parse(saved.body)).toMatchObject({ ok: true, value: { revision: 1 } });
    expect((await request(host.port, { path: `/?token=${host.token}` })).status).toBe(200);
  });

  it('a body deeper than it is long allows is refused unread (413), not parsed', async () => {
    const res = await post('saveAnswers', deepSaveBody('x', 2_000_000));
    expect(res.status).toBe(413);
  });

  it('the 430 KB copy nested 1,000 deep is refused naming the item, and nothing is created', async () => {
    const res = await callApi(host.port, host.token, 'importCopy', [{ fileName: 'deep.scsa.json', text: amplifyingDraftText() }]);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'drafts:errors.answerTooDeep', params: { itemId: 'Z.1', limit: MAX_ANSWER_DEPTH, file: 'deep.scsa.json' } } });
    const list = await callApi(host.port, host.token, 'listAssessments');
    expect(JSON.parse(list.body)).toEqual({ ok: true, value: [] });
    const files = await fs.readdir(path.join(tmp, 'data'), { recursive: true });
    expect(files.filter((f) => f.endsWith('.scsa.json'))).toEqual([]);
  });
});
