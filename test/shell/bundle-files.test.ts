// The desktop app's bundle files, with the fake `electron`: app://bundle/download/<ticket>/… serves a
// kept bundle once and nothing else of the data folder; bundle:check-file checks only a regular file, in place.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { uploadContract, type IncomingFile, type UploadHandlers } from '../../core/api/contract';
import { DownloadDesk } from '../../core/api/downloads';
import { openKeptBundle } from '../../core/features/submissions/submission-log';
import { setLogSink } from '../../core/log';
import { createRendererHandler } from '../../electron/main/app-protocol';
import { registerFileHandlers } from '../../electron/main/file-ipc';
import { electronModule, fake } from './fake-electron';

vi.mock('electron', async () => {
  const { electronModule: m } = await import('./fake-electron');
  return { ...m, default: m };
});

const ID = 'xxx-2026-a1';
const NAME = 'XXX_safer-cities-sacl_v1.0.0_r1_2026-11-23.zip';
const APP = 'app://bundle';
let tmp = '';
let dataDir = '';
let handler: (request: Request) => Promise<Response>;
const desk = new DownloadDesk();
/** What `downloadSubmission` answers: a one-use address for one kept bundle. */
const ticket = (name = NAME) => desk.issue({ fileName: name, mediaType: 'application/zip', open: () => openKeptBundle(dataDir, ID, name) });
const BYTES = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(300_000, 7)]);

beforeAll(async () => {
  setLogSink(null);
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-bundle-files-'));
  dataDir = path.join(tmp, 'data');
  const kept = path.join(dataDir, 'submissions', ID);
  await fs.mkdir(kept, { recursive: true });
  await fs.mkdir(path.join(tmp, 'renderer'));
  await fs.writeFile(path.join(tmp, 'renderer', 'index.html'), '<!doctype html>');
  await fs.writeFile(path.join(kept, NAME), BYTES);
  await fs.writeFile(path.join(dataDir, 'submissions', `${ID}.json`), '{"secret":"log"}');
  await fs.mkdir(path.join(dataDir, 'keys'));
  await fs.writeFile(path.join(dataDir, 'keys', 'private-key.json'), '{"secret":"key"}');
  handler = createRendererHandler(path.join(tmp, 'renderer'), (token, fileName) => desk.take(token, fileName));
});

afterAll(async () => {
  setLogSink((line) => process.stderr.write(line + '\n'));
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('app://bundle/download/… (kept bundles)', () => {
  it('streams a kept bundle with its length, as a download, once', async () => {
    const t = ticket();
    const res = await handler(new Request(`${APP}/download/${t.token}/${NAME}`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-length')).toBe(String(BYTES.length));
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${NAME}"`);
    expect(Buffer.from(await res.arrayBuffer()).equals(BYTES)).toBe(true);
    expect((await handler(new Request(`${APP}/download/${t.token}/${NAME}`))).status).toBe(404);
  });

  it('refuses .., encoded .., other folders and other files of the data folder', async () => {
    const t = ticket();
    const attempts = [
      `/download/${t.token}/../${ID}.json`,
      `/download/${t.token}/..%2f${ID}.json`,
      `/download/${t.token}/%2e%2e/keys/private-key.json`,
      `/download/${t.token}/${NAME}/x`,
      `/download/${t.token}/${NAME.replace('.zip', '.json')}`,
      `/download/${'0'.repeat(64)}/${NAME}`,
      `/download/${t.token}`,
      `/submissions/${ID}/../${ID}.json`,
      `/submissions/${ID}/..%2f${ID}.json`,
      `/submissions/${ID}/%2e%2e/${ID}.json`,
      `/submissions/%2e%2e/keys/private-key.json`,
      `/submissions/${ID}%2f..%2f..%2fkeys/private-key.json`,
      `/submissions/${ID}.json`,
      `/submissions/${ID}/${NAME}/x`,
      `/submissions/${ID}/${NAME.replace('.zip', '.json')}`,
      `/submissions/other-assessment/${NAME}`,
      `/keys/private-key.json`,
      `/../data/keys/private-key.json`,
    ];
    for (const attempt of attempts) {
      const res = await handler(new Request(`${APP}${attempt}`));
      const text = await res.text();
      expect(res.status, attempt).not.toBe(200);
      expect(text, attempt).not.toContain('secret');
    }
  });

  it('refuses a symlink named like a bundle, and every method but GET', async () => {
    const link = 'XXX_safer-cities-sacl_v1.0.0_r2_2026-11-23.zip';
    await fs.symlink(path.join(dataDir, 'keys', 'private-key.json'), path.join(dataDir, 'submissions', ID, link));
    const viaLink = await handler(new Request(`${APP}/download/${ticket(link).token}/${link}`));
    expect(viaLink.status).toBe(404);
    expect(await viaLink.text()).not.toContain('secret');
    for (const method of ['POST', 'PUT', 'DELETE', 'HEAD']) {
      expect((await handler(new Request(`${APP}/download/${ticket().token}/${NAME}`, { method }))).status, method).toBe(405);
    }
  });

  it('still serves the renderer, and nothing of the data folder without a data folder', async () => {
    expect((await handler(new Request(`${APP}/index.html`))).status).toBe(200);
    const withoutData = createRendererHandler(path.join(tmp, 'renderer'));
    expect((await withoutData(new Request(`${APP}/download/${ticket().token}/${NAME}`))).status).toBe(404);
  });
});

describe('bundle:check-file (main-only channel)', () => {
  const calls: Array<{ file: string; registry: string | undefined }> = [];
  const check = async (incoming: IncomingFile, registry?: string) => {
    const file = await incoming.path();
    calls.push({ file, registry });
    // What the verifier reads must be the very file that was checked.
    expect((await fs.readFile(file)).equals(BYTES)).toBe(true);
    incoming.release();
    return { jobId: '6f1c7d0e-8a57-4c1b-9d1e-0b6f5d1d2a11' };
  };
  const notHere = async () => Promise.reject(new Error('not in this test'));
  const uploads: UploadHandlers = { checkBundleFile: check, addAttachment: notHere, addRegistryKey: notHere, applyKeyReplacement: notHere, stageImportFile: notHere, countersignBundleFile: notHere, installPackFile: notHere, openReviewCopy: notHere, importReply: notHere };
  const ref = (file: string) => ({ path: file, name: path.basename(file), mediaType: 'application/zip' });
  const invoke = (sender: string | null, file: unknown, ...args: unknown[]) => {
    const listener = fake.ipc.get(uploadContract.checkBundleFile.channel);
    if (!listener) throw new Error('no handler');
    return listener({ senderFrame: sender === null ? null : { url: sender } }, typeof file === 'string' ? ref(file) : file, ...args);
  };
  const kept = () => path.join(dataDir, 'submissions', ID, NAME);

  beforeAll(() => {
    // The fake's listener type is looser than Electron's event type; main only reads senderFrame.url.
    registerFileHandlers(electronModule.ipcMain as unknown as Parameters<typeof registerFileHandlers>[0], uploads);
  });

  it('checks a regular file where it lies, with the registry text', async () => {
    expect(await invoke(`${APP}/index.html`, kept(), '[]')).toEqual({ ok: true, value: { jobId: '6f1c7d0e-8a57-4c1b-9d1e-0b6f5d1d2a11' } });
    expect(await invoke(`${APP}/index.html`, kept())).toMatchObject({ ok: true });
    expect(calls.map((c) => c.registry)).toEqual(['[]', undefined]);
  });

  it('refuses a wrong sender, a malformed payload, a relative path, a folder, a symlink and a missing file, without checking', async () => {
    calls.length = 0;
    const link = path.join(tmp, 'link.zip');
    await fs.symlink(kept(), link);
    expect(await invoke('https://evil.example/', kept())).toEqual({ ok: false, error: { code: 'errors.forbidden' } });
    expect(await invoke(null, kept())).toEqual({ ok: false, error: { code: 'errors.forbidden' } });
    expect(await invoke(`${APP}/index.html`, { ...ref(kept()), extra: 1 })).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
    expect(await invoke(`${APP}/index.html`, { path: kept() })).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
    expect(await invoke(`${APP}/index.html`, ref(path.relative(process.cwd(), kept())))).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
    expect(await invoke(`${APP}/index.html`, kept(), 42)).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
    const notAFile = (name: string) => ({ ok: false, error: { code: 'bundle:errors.notAFile', params: { name } } });
    expect(await invoke(`${APP}/index.html`, dataDir)).toEqual(notAFile('data'));
    expect(await invoke(`${APP}/index.html`, link)).toEqual(notAFile('link.zip'));
    expect(await invoke(`${APP}/index.html`, path.join(tmp, 'missing.zip'))).toEqual(notAFile('missing.zip'));
    expect(calls).toEqual([]);
  });
});
