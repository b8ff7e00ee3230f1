// The web host hands bundles over as files: kept bundles download through one-use addresses, and
// "Check a bundle" streams the chosen file to a temp file that is checked and then deleted.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLogSink } from '../../../core/log';
import { startWebHost, type WebHost } from '../../../web-host/server';
import { DOWNLOAD_TTL_MS, DownloadDesk } from '../../../core/api/downloads';
import { exportFixture, makeFixture, type Fixture } from '../bundle/fixture';
import { callApi, request, uploadParts } from './http-client';

let tmp: string;
let host: WebHost;
let fx: Fixture;
let bundle: string;
const ID = 'fra-2026';

type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string } };

beforeEach(async () => {
  setLogSink(null);
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-web-bundles-'));
  await fs.mkdir(path.join(tmp, 'web'));
  await fs.writeFile(path.join(tmp, 'web', 'index.html'), '<!doctype html>');
  // The temp files of checks go under this test's own folder, so the test can see them go.
  await fs.mkdir(path.join(tmp, 'system-temp'));
  vi.stubEnv('TMPDIR', path.join(tmp, 'system-temp'));
  // A real signed bundle, kept where the app's export puts it.
  fx = await makeFixture();
  bundle = await exportFixture(fx, { out: await mkdirp(path.join(tmp, 'data', 'submissions', ID)) });
  host = await startWebHost({ rendererDir: path.join(tmp, 'web'), dataDir: path.join(tmp, 'data'), port: 0 });
});

afterEach(async () => {
  await host.close();
  vi.unstubAllEnvs();
  await fs.rm(tmp, { recursive: true, force: true });
  await fs.rm(fx.dir, { recursive: true, force: true });
});

/** The check uploads' temp folders still there. */
async function checkTemps(): Promise<string[]> {
  return (await fs.readdir(path.join(tmp, 'system-temp'))).filter((name) => name.startsWith('scsa-upload-'));
}

async function mkdirp(dir: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  return dir;
}

const own = () => ({ origin: `http://127.0.0.1:${host.port}` });

/** `downloadSubmission` as the page calls it: a one-use ticket, or an error. */
function askLink(body: { assessmentId: string; fileName: string }, token: string | null = host.token) {
  return callApi(host.port, token, 'downloadSubmission', [body.assessmentId, body.fileName]);
}

/** The address the page's client builds from a ticket (renderer/src/api/web-api.ts downloadUrl). */
async function link(fileName = path.basename(bundle)): Promise<string> {
  const r = await askLink({ assessmentId: ID, fileName });
  const env = JSON.parse(r.body) as Envelope<{ token: string; fileName: string }>;
  if (!env.ok) throw new Error(`no link: ${r.status} ${r.body}`);
  return `/download/${env.value.token}/${encodeURIComponent(env.value.fileName)}`;
}

/** GET as an anchor does: no token header, no Origin (a same-origin navigation). */
function fetchBytes(urlPath: string, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, unknown>; bytes: Buffer }>((resolve, reject) => {
    import('node:http').then(({ default: http }) => {
      const req = http.request({ host: '127.0.0.1', port: host.port, method, path: urlPath, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    }, reject);
  });
}

describe('web host: downloading a kept bundle', () => {
  it('needs the API token to get an address; the address serves the exact bytes once, as an attachment', async () => {
    expect((await askLink({ assessmentId: ID, fileName: path.basename(bundle) }, null)).status).toBe(403);
    expect((await askLink({ assessmentId: ID, fileName: path.basename(bundle) }, 'not-the-token')).status).toBe(403);
    const url = await link();
    expect(url).toMatch(/^\/download\/[0-9a-f]{64}\//);
    expect(url).not.toContain(host.token);
    const got = await fetchBytes(url);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/zip');
    expect(got.headers['content-disposition']).toBe(`attachment; filename="${path.basename(bundle)}"`);
    expect(got.bytes.equals(await fs.readFile(bundle))).toBe(true);
    // One use only.
    expect((await fetchBytes(url)).status).toBe(404);
  });

  it('refuses traversal and other files: no address for them, and no file for a forged address', async () => {
    for (const fileName of ['../fra-2026.json', '..', '%2e%2e', 'settings.json', `.${path.basename(bundle)}.abc.partial`, `${path.basename(bundle)}/x`]) {
      expect(JSON.parse((await askLink({ assessmentId: ID, fileName })).body), fileName).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
    }
    for (const assessmentId of ['..', '../keys', 'FRA 2026']) {
      expect(JSON.parse((await askLink({ assessmentId, fileName: path.basename(bundle) })).body), assessmentId).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
    }
    const url = await link();
    const token = url.split('/')[2] ?? '';
    for (const forged of [
      `/download/${token}/..%2f..%2fsettings.json`,
      `/download/${token}/../../settings.json`,
      `/download/${token}/XXX_other_v1_r1_2026-01-01.zip`,
      `/download/${'0'.repeat(64)}/${path.basename(bundle)}`,
      `/download/${token}`,
      `/submissions/${ID}/${path.basename(bundle)}`,
    ]) {
      const r = await fetchBytes(forged);
      expect(r.status, forged).not.toBe(200);
      expect(r.bytes.includes(Buffer.from('PK'))).toBe(false);
    }
  });

  it('serves only GET, only to its own Host, and no symlink planted under a bundle name', async () => {
    expect((await fetchBytes(await link(), 'DELETE')).status).toBe(405);
    const url = await link();
    expect((await request(host.port, { path: url, host: 'localhost' })).status).toBe(403);
    const name = 'XXX_safer-cities_v1.0.0_r9_2026-01-01.zip';
    await fs.symlink(path.join(tmp, 'data', 'settings.json'), path.join(tmp, 'data', 'submissions', ID, name));
    expect((await fetchBytes(await link(name))).status).toBe(404);
  });

  it('forgets an address after its minute', async () => {
    let now = 1_000;
    const desk = new DownloadDesk(() => now);
    const opened: string[] = [];
    const source = (fileName: string) => ({ fileName, mediaType: 'application/zip', open: async () => (opened.push(fileName), null) });
    const a = desk.issue(source('a.zip'));
    const b = desk.issue(source('b.zip'));
    now += DOWNLOAD_TTL_MS;
    expect(await desk.take(a.token, 'a.zip')).toBeNull();
    expect(await desk.take(b.token, 'a.zip')).toBeNull();
    expect(opened).toEqual([]);
  });
});

describe('web host: checking an uploaded bundle', () => {
  async function check(body: Buffer, registry = '', token: string | null = host.token) {
    const parts = uploadParts(registry === '' ? [] : [registry], body, 'bundle.zip');
    return request(host.port, {
      method: 'POST',
      path: '/api/upload/checkBundleFile',
      headers: { ...own(), 'content-type': 'application/octet-stream', ...parts.headers, ...(token === null ? {} : { 'x-scsa-token': token }) },
      body: parts.body,
    });
  }

  async function verdict(r: { status: number; body: string }) {
    const started = JSON.parse(r.body) as Envelope<{ jobId: string }>;
    if (!started.ok) throw new Error(r.body);
    for (;;) {
      const status = JSON.parse((await callApi(host.port, host.token, 'getJob', [started.value.jobId])).body) as Envelope<{ state: string }>;
      if (!status.ok) throw new Error('no status');
      if (status.value.state === 'done') {
        const taken = JSON.parse((await callApi(host.port, host.token, 'takeJobResult', [started.value.jobId])).body) as Envelope<{ check?: { status: string; fingerprints: string[] } }>;
        if (!taken.ok) throw new Error('no result');
        return { ...status.value, ...taken.value };
      }
      if (status.value.state !== 'running' && status.value.state !== 'queued') return status.value as { state: string; check?: { status: string; fingerprints: string[] } };
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('checks the streamed bundle with and without a registry, and deletes the temp file afterwards', async () => {
    const bytes = await fs.readFile(bundle);
    expect((await verdict(await check(bytes))).check).toMatchObject({ status: 'valid-unregistered', fingerprints: [fx.key.fingerprint] });
    const registry = JSON.stringify([{ country: 'FRA', fingerprint: fx.key.fingerprint }]);
    expect((await verdict(await check(bytes, registry))).check).toMatchObject({ status: 'valid-registered' });
    const flipped = Buffer.from(bytes);
    const at = Math.floor(flipped.length / 2);
    flipped[at] = (flipped[at] ?? 0) ^ 0x01;
    expect((await verdict(await check(flipped))).check?.status).toBe('invalid');
    await vi.waitFor(async () => expect(await checkTemps()).toEqual([]));
  });

  it('refuses a check without the token or with a malformed registry length, keeping nothing', async () => {
    expect((await check(Buffer.from('PK'), '', null)).status).toBe(403);
    const bad = await request(host.port, {
      method: 'POST',
      path: '/api/upload/checkBundleFile',
      headers: { ...own(), 'x-scsa-token': host.token, 'x-params-length': '-1', 'x-file-name': 'b.zip' },
      body: 'PK',
    });
    expect(bad.status).toBe(400);
    const broken = await check(Buffer.from('PK'), '{not json');
    expect(JSON.parse(broken.body)).toEqual({ ok: false, error: { code: 'bundle:errors.registryInvalid', params: { problem: 'json' } } });
    await vi.waitFor(async () => expect(await checkTemps()).toEqual([]));
  });
});
