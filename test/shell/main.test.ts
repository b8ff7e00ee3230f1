// The real Electron main process, started against a fake `electron` module.
import { promises as fs, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiContract, API_METHODS, AppInfoSchema, SettingsSchema, uploadContract, UPLOAD_NAMES } from '../../core/api/contract';
import { setLogSink } from '../../core/log';
import { APP_PRELOAD_ID } from '../../electron/main/preload-registration';
import { fake, FakeSession, FakeWebContents, preventableEvent } from './fake-electron';

vi.hoisted(() => {
  // electron-store loads the real `electron` package, which throws without a binary unless told where one would be.
  process.env.ELECTRON_OVERRIDE_DIST_PATH = '/nonexistent-electron';
});
vi.mock('electron', async () => {
  const { electronModule } = await import('./fake-electron');
  return { ...electronModule, default: electronModule };
});

const root = path.resolve(__dirname, '../..');
const APP_URL = 'app://bundle/index.html';
const logLines: string[] = [];
let tmp = '';

async function invoke(channel: string, senderUrl: string | null, ...args: unknown[]): Promise<unknown> {
  const listener = fake.ipc.get(channel);
  if (!listener) throw new Error(`no handler for ${channel}`);
  return listener({ senderFrame: senderUrl === null ? null : { url: senderUrl } }, ...args);
}

beforeAll(async () => {
  if (!existsSync(path.join(root, 'dist/renderer/index.html'))) {
    execFileSync(process.execPath, ['scripts/build.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
  }
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-main-'));
  fake.appPath = root;
  fake.userData = tmp;
  setLogSink((line) => logLines.push(line));
  const main = await import('../../electron/main/index');
  await main.started;
});

afterAll(async () => {
  setLogSink((line) => process.stderr.write(line + '\n'));
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('main process start-up', () => {
  it('starts without failing and opens one window on the app origin', () => {
    expect(fake.exit).not.toHaveBeenCalled();
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]?.loadedUrl).toBe(APP_URL);
  });

  it('turns on the sandbox for every renderer and registers app:// as a standard, secure scheme', () => {
    expect(fake.enableSandbox).toHaveBeenCalled();
    expect(fake.privileged).toContainEqual(
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    );
  });

  it('gives app:// no privilege that would loosen the page: no CSP bypass, no cross-origin reads', () => {
    const app = fake.privileged.find((s) => (s as { scheme?: string }).scheme === 'app') as { privileges: Record<string, unknown> };
    expect(app.privileges.bypassCSP).not.toBe(true);
    expect(app.privileges.corsEnabled).not.toBe(true);
    expect(app.privileges.allowServiceWorkers).not.toBe(true);
  });

  it('gives the window the security baseline, with sub-frames kept out of Node and the preload', () => {
    const prefs = fake.windows[0]?.options.webPreferences ?? {};
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    // The preload is the session's, not the window's (docs/security.md).
    expect(prefs).not.toHaveProperty('preload');
  });

  it("registers the built preload once, as a frame script, with the window's session", async () => {
    const preload = { type: 'frame', id: APP_PRELOAD_ID, filePath: path.join(root, 'dist/electron/preload.cjs') };
    const window = fake.windows[0]!;
    // Registered before the window existed, with the session the window is put in.
    expect(window.preloadsAtCreation).toEqual([preload]);
    expect(window.options.webPreferences?.session).toBe(fake.defaultSession);
    expect(window.webContents.session.getPreloadScripts()).toEqual([preload]);
    // macOS re-activation with no window left opens another; it reuses the registration instead of
    // failing on the taken id or running the bridge twice.
    const first = fake.windows.splice(0);
    fake.appEvents.emit('activate');
    await vi.waitFor(() => expect(fake.windows[0]?.loadedUrl).toBe(APP_URL));
    expect(fake.defaultSession.getPreloadScripts()).toEqual([preload]);
    fake.windows.splice(0, fake.windows.length, ...first);
  });
});

describe('IPC', () => {
  it('registers exactly one handler per contract method, and the attachment and bundle-file channels', () => {
    // …and the secretariat's two native dialogs, which answer paths and never reach the core.
    const channels = [...API_METHODS.map((m) => apiContract[m].channel), ...UPLOAD_NAMES.map((u) => uploadContract[u].channel), 'dialog:choose-folder', 'dialog:choose-import-paths'].sort();
    expect([...fake.ipc.keys()].sort()).toEqual(channels);
  });

  it('answers app info from the core with the userData folder as data folder', async () => {
    const result = await invoke(apiContract.getAppInfo.channel, APP_URL);
    expect(result).toMatchObject({ ok: true, value: { dataDir: tmp, runtime: 'desktop' } });
    expect(AppInfoSchema.safeParse((result as { value: unknown }).value).success).toBe(true);
  });

  it('remembers a language choice in the settings file of the data folder', async () => {
    expect(await invoke(apiContract.getSettings.channel, APP_URL)).toEqual({ ok: true, value: { schemaVersion: 1, language: 'en' } });
    const set = await invoke(apiContract.setLanguage.channel, APP_URL, 'ar');
    expect(set).toEqual({ ok: true, value: { schemaVersion: 1, language: 'ar' } });
    const onDisk = JSON.parse(await fs.readFile(path.join(tmp, 'settings.json'), 'utf8')) as unknown;
    expect(SettingsSchema.parse(onDisk).language).toBe('ar');
    expect(await invoke(apiContract.getSettings.channel, APP_URL)).toEqual({ ok: true, value: { schemaVersion: 1, language: 'ar' } });
  });

  it('lists assessments through the core', async () => {
    expect(await invoke(apiContract.listAssessments.channel, APP_URL)).toEqual({ ok: true, value: [] });
  });

  it('refuses calls from any frame that is not the app, without reaching the core', async () => {
    await invoke(apiContract.setLanguage.channel, APP_URL, 'fr');
    for (const sender of ['https://evil.example/', 'file:///etc/passwd', 'app://elsewhere/index.html', null]) {
      expect(await invoke(apiContract.setLanguage.channel, sender, 'ru')).toEqual({ ok: false, error: { code: 'errors.forbidden' } });
    }
    expect(await invoke(apiContract.getSettings.channel, APP_URL)).toMatchObject({ value: { language: 'fr' } });
    expect(logLines.some((l) => l.includes('[ipc]') && l.includes('https://evil.example'))).toBe(true);
  });

  it('refuses malformed payloads with errors.badRequest', async () => {
    const bad = { ok: false, error: { code: 'errors.badRequest' } };
    expect(await invoke(apiContract.setLanguage.channel, APP_URL, 'xx')).toEqual(bad);
    expect(await invoke(apiContract.setLanguage.channel, APP_URL)).toEqual(bad);
    expect(await invoke(apiContract.setLanguage.channel, APP_URL, 'es', 'extra')).toEqual(bad);
    expect(await invoke(apiContract.getSettings.channel, APP_URL, { language: 'es' })).toEqual(bad);
    expect(await invoke(apiContract.getSettings.channel, APP_URL)).toMatchObject({ value: { language: 'fr' } });
  });
});

describe('navigation, windows and permissions', () => {
  it('prevents navigation, redirects and <webview> in the app window', () => {
    const contents = fake.windows[0]!.webContents;
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = preventableEvent();
      contents.emit(name, event, 'https://evil.example/');
      expect(event.defaultPrevented(), name).toBe(true);
    }
    const frameEvent = preventableEvent({ url: 'https://evil.example/', isMainFrame: false });
    contents.emit('will-frame-navigate', frameEvent);
    expect(frameEvent.defaultPrevented()).toBe(true);
  });

  it('denies every new window, in any web contents created later', () => {
    const later = new FakeWebContents();
    fake.appEvents.emit('web-contents-created', {}, later);
    for (const contents of [fake.windows[0]!.webContents, later]) {
      expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    }
    const event = preventableEvent();
    later.emit('will-navigate', event, 'https://evil.example/');
    expect(event.defaultPrevented()).toBe(true);
  });

  it('denies every permission request and check, in the default session and new ones', () => {
    const created = new FakeSession();
    fake.appEvents.emit('session-created', created);
    for (const session of [fake.defaultSession, created]) {
      for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
        const callback = vi.fn();
        session.permissionRequestHandler?.({}, permission, callback);
        expect(callback).toHaveBeenCalledWith(false);
      }
      expect(session.permissionCheckHandler?.({}, 'media', APP_URL, {})).toBe(false);
      expect(session.devicePermissionHandler?.({})).toBe(false);
    }
  });

  it('adds the Content-Security-Policy to every response a session receives', () => {
    const created = new FakeSession();
    fake.appEvents.emit('session-created', created);
    for (const session of [fake.defaultSession, created]) {
      let headers: Record<string, string[]> | undefined;
      session.headersListener?.({ url: 'https://evil.example/', responseHeaders: { 'X-Other': ['kept'] } }, (r) => {
        headers = r.responseHeaders;
      });
      expect(headers?.['X-Other']).toEqual(['kept']);
      expect(headers?.['Content-Security-Policy']?.[0]).toContain("default-src 'self'");
    }
  });
});

describe('app:// scheme', () => {
  const serve = (url: string): Promise<Response> => {
    const handler = fake.schemes.get('app');
    if (!handler) throw new Error('app:// not handled');
    return handler(new Request(url));
  };

  it('serves the built renderer with a strict Content-Security-Policy', async () => {
    const response = await serve(APP_URL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('<div id="root">');
    const csp = response.headers.get('content-security-policy') ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(directive);
    }
  });

  it('serves the renderer assets the page refers to', async () => {
    const html = await (await serve(APP_URL)).text();
    const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const response = await serve(`app://bundle/${script}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
  });

  it('refuses paths that climb out of the renderer folder', async () => {
    for (const url of ['app://bundle/..%2f..%2fpackage.json', 'app://bundle/..%5c..%5cpackage.json', 'app://bundle/%2e%2e%2f%2e%2e%2fpackage.json']) {
      const response = await serve(url);
      expect(response.status, url).not.toBe(200);
      expect(await response.text()).not.toContain('safer-cities-self-assessment');
    }
    expect((await serve('app://bundle/..%2f..%2fpackage.json')).status).toBe(403);
  });

  it('answers 404 for other hosts and missing files', async () => {
    expect((await serve('app://other/index.html')).status).toBe(404);
    expect((await serve('app://bundle/no-such-file.js')).status).toBe(404);
  });
});

describe('workflow channels over IPC', () => {
  it('refuses every channel from a foreign frame, without reaching the core', async () => {
    const channels = [...API_METHODS.map((m) => apiContract[m].channel), ...UPLOAD_NAMES.map((u) => uploadContract[u].channel)];
    for (const channel of channels) {
      expect(await invoke(channel, 'https://evil.example/', { countryCode: 'FRA', responseLanguage: 'en' }), channel).toEqual({ ok: false, error: { code: 'errors.forbidden' } });
    }
    expect(await invoke(apiContract.listAssessments.channel, APP_URL)).toEqual({ ok: true, value: [] });
  });

  it('creates, answers, validates, copies and re-imports an assessment through the channels', async () => {
    type Env<T> = { ok: boolean; value: T };
    const created = (await invoke(apiContract.createAssessment.channel, APP_URL, { countryCode: 'CHL', responseLanguage: 'es' }, { id: 'safer-cities-sample', version: '0.1.0' })) as Env<{
      draft: { id: string };
    }>;
    const id = created.value.draft.id;
    expect(await invoke(apiContract.saveAnswers.channel, APP_URL, id, { 'A.1': 'Ministerio', 'B.4': 40 })).toMatchObject({ ok: true, value: { revision: 1 } });
    expect(await invoke(apiContract.saveAnswers.channel, APP_URL, id, { 'a.1': 'x' })).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
    const problems = (await invoke(apiContract.validateAssessment.channel, APP_URL, id)) as Env<Array<{ itemId: string }>>;
    expect(problems.value.map((p) => p.itemId)).not.toContain('A.1');
    expect(problems.value.map((p) => p.itemId)).toContain('A.4');
    const copy = (await invoke(apiContract.exportCopy.channel, APP_URL, id)) as Env<{ fileName: string; text: string }>;
    expect(copy.value.fileName).toBe('CHL_safer-cities-sample_r1.scsa.json');
    const imported = (await invoke(apiContract.importCopy.channel, APP_URL, copy.value, 'keepBoth')) as Env<{ draft: { id: string; answers: unknown } }>;
    expect(imported.value.draft.id).not.toBe(id);
    expect(imported.value.draft.answers).toEqual({ 'A.1': 'Ministerio', 'B.4': 40 });
    for (const opened of [id, imported.value.draft.id]) expect(await invoke(apiContract.closeAssessment.channel, APP_URL, opened)).toEqual({ ok: true, value: null });
  });
});

describe('attachments:add', () => {
  const SAMPLE = { id: 'safer-cities-sample', version: '0.1.0' };
  const META = { countryCode: 'KEN', responseLanguage: 'en' };
  let id = '';
  let evidence = '';

  beforeAll(async () => {
    const created = (await invoke(apiContract.createAssessment.channel, APP_URL, META, SAMPLE)) as { ok: boolean; value: { draft: { id: string } } };
    expect(created.ok).toBe(true);
    id = created.value.draft.id;
    evidence = path.join(tmp, 'evidence.txt');
    await fs.writeFile(evidence, 'minutes of the city council, 2025');
  });

  // The file the user chose comes first, then the call's other arguments (here the assessment id).
  const add = (sender: string | null, id?: unknown, file?: unknown) => (id === undefined ? invoke(uploadContract.addAttachment.channel, sender) : invoke(uploadContract.addAttachment.channel, sender, file, id));
  const listed = async () => {
    const draft = JSON.parse(await fs.readFile(path.join(tmp, 'assessments', id, 'draft.scsa.json'), 'utf8')) as { attachments: unknown[] };
    return draft.attachments;
  };

  it('streams a file the user chose into the open assessment and lists it', async () => {
    const r = (await add(APP_URL, id, { path: evidence, name: 'evidence.txt', mediaType: 'text/plain' })) as { ok: boolean; value: { attachment: { sha256: string; size: number } } };
    expect(r).toMatchObject({ ok: true, value: { attachment: { name: 'evidence.txt', mediaType: 'text/plain', size: 33 }, revision: 1 } });
    const stored = await fs.readFile(path.join(tmp, 'assessments', id, 'attachments', r.value.attachment.sha256), 'utf8');
    expect(stored).toBe('minutes of the city council, 2025');
    expect(await listed()).toHaveLength(1);
  });

  it('refuses any sender that is not the app, without reading the file', async () => {
    const other = path.join(tmp, 'other.txt');
    await fs.writeFile(other, 'not to be read');
    for (const sender of ['https://evil.example/', 'app://elsewhere/index.html', null]) {
      expect(await add(sender, id, { path: other, name: 'other.txt', mediaType: '' })).toEqual({ ok: false, error: { code: 'errors.forbidden' } });
    }
    expect(await listed()).toHaveLength(1);
  });

  it('refuses a malformed payload or a relative path with errors.badRequest', async () => {
    const bad = { ok: false, error: { code: 'errors.badRequest' } };
    expect(await add(APP_URL, id, { path: 'evidence.txt', name: 'evidence.txt', mediaType: '' })).toEqual(bad);
    expect(await add(APP_URL, id, { path: '../../etc/passwd', name: 'p', mediaType: '' })).toEqual(bad);
    expect(await add(APP_URL, id, { path: evidence, name: 'e', mediaType: '', extra: 1 })).toEqual(bad);
    expect(await add(APP_URL, id, { path: evidence })).toEqual(bad);
    expect(await add(APP_URL, '../escape', { path: evidence, name: 'e', mediaType: '' })).toEqual(bad);
    expect(await add(APP_URL, id)).toEqual(bad);
  });

  it('refuses a folder, a symlink (even to a regular file) and a missing file', async () => {
    const link = path.join(tmp, 'link.txt');
    await fs.symlink(evidence, link);
    const secretDir = path.join(tmp, 'a-folder');
    await fs.mkdir(secretDir);
    for (const target of [secretDir, link, path.join(tmp, 'missing.txt'), '/dev/null']) {
      const r = await add(APP_URL, id, { path: target, name: path.basename(target), mediaType: '' });
      expect(r, target).toMatchObject({ ok: false, error: { code: 'drafts:errors.attachmentNotAFile' } });
    }
    expect(await listed()).toHaveLength(1);
  });
});

describe('quitting', () => {
  it('holds the quit until every open draft is closed and its lock released, then quits', async () => {
    const created = (await invoke(apiContract.createAssessment.channel, APP_URL, { countryCode: 'BRA', responseLanguage: 'es' }, { id: 'safer-cities-sample', version: '0.1.0' })) as {
      value: { draft: { id: string } };
    };
    const lock = path.join(tmp, 'assessments', created.value.draft.id, '.lock');
    expect(existsSync(lock)).toBe(true);
    const { app } = (await import('electron')) as unknown as { app: { quit: ReturnType<typeof vi.fn> } };
    app.quit.mockClear();
    const event = preventableEvent();
    fake.appEvents.emit('will-quit', event);
    expect(event.defaultPrevented()).toBe(true);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    expect(existsSync(lock)).toBe(false);
    const again = preventableEvent();
    fake.appEvents.emit('will-quit', again);
    expect(again.defaultPrevented()).toBe(false);
  });
});
