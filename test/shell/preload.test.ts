// The real preload, loaded with a fake contextBridge and ipcRenderer: the page gets named verbs only.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { apiContract, API_METHODS, uploadContract } from '../../core/api/contract';

const bridge = vi.hoisted(() => ({
  exposed: [] as Array<[string, unknown]>,
  invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, value: { channel, args } })),
  pathFor: vi.fn((file: { name: string }) => `/home/fp/Documents/${file.name}`),
}));
vi.mock('electron', () => {
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => bridge.exposed.push([key, value]) },
    ipcRenderer: { invoke: (channel: string, ...args: unknown[]) => bridge.invoke(channel, ...args) },
    webUtils: { getPathForFile: (file: { name: string }) => bridge.pathFor(file) },
  };
  return { ...electron, default: electron };
});

const root = path.resolve(__dirname, '../..');

function exposedApi(exposed: Array<[string, unknown]>): Record<string, unknown> {
  expect(exposed.map(([key]) => key)).toEqual(['api']);
  return exposed[0]![1] as Record<string, unknown>;
}

describe('preload (source)', () => {
  beforeAll(async () => {
    await import('../../electron/preload/index');
  });

  it('exposes exactly one world key, `api`, holding one function per contract method, the file verbs, and nothing else', () => {
    const api = exposedApi(bridge.exposed);
    expect(Object.getPrototypeOf(api)).toBe(Object.prototype);
    expect(Object.keys(api).sort()).toEqual([...API_METHODS, 'addAttachment', 'checkBundleFile', 'openReviewCopy', 'importReply', 'downloadUrl'].sort());
    for (const method of API_METHODS) expect(typeof api[method], method).toBe('function');
  });

  it('sends each verb on its contract channel with the arguments unchanged', async () => {
    const api = exposedApi(bridge.exposed);
    for (const method of API_METHODS) {
      bridge.invoke.mockClear();
      const fn = api[method] as (...args: unknown[]) => Promise<unknown>;
      const result = await fn('fr', 42);
      expect(bridge.invoke).toHaveBeenCalledTimes(1);
      expect(bridge.invoke).toHaveBeenCalledWith(apiContract[method].channel, 'fr', 42);
      expect(result).toEqual({ ok: true, value: { channel: apiContract[method].channel, args: ['fr', 42] } });
    }
  });
});

describe('preload addAttachment', () => {
  it('turns the File into its path with webUtils and sends path, name and type on attachments:add', async () => {
    const api = exposedApi(bridge.exposed);
    bridge.invoke.mockClear();
    const file = new File(['x'], 'plan d’action.pdf', { type: 'application/pdf' });
    await (api.addAttachment as (f: File, id: string) => Promise<unknown>)(file, 'fra-2026-a1');
    expect(bridge.pathFor).toHaveBeenCalledWith(file);
    expect(bridge.invoke).toHaveBeenCalledWith(uploadContract.addAttachment.channel, {
      path: '/home/fp/Documents/plan d’action.pdf',
      name: 'plan d’action.pdf',
      mediaType: 'application/pdf',
    }, 'fra-2026-a1');
  });
});

describe('preload (built bundle)', () => {
  it('needs nothing but `electron`, as a sandboxed preload must, and exposes the same verbs', async () => {
    const bundle = path.join(root, 'dist/electron/preload.cjs');
    if (!existsSync(bundle)) execFileSync(process.execPath, ['scripts/build.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
    const exposed: Array<[string, unknown]> = [];
    const invoked: unknown[][] = [];
    const requested: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.push([key, value]) },
      ipcRenderer: { invoke: async (...args: unknown[]) => invoked.push(args) },
      webUtils: { getPathForFile: () => '/tmp/x' },
    };
    const sandboxRequire = (name: string): unknown => {
      requested.push(name);
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
      return electron;
    };
    const module = { exports: {} };
    vm.runInNewContext(readFileSync(bundle, 'utf8'), { require: sandboxRequire, module, exports: module.exports });
    expect(requested).toEqual(['electron']);
    const api = exposedApi(exposed);
    expect(Object.keys(api).sort()).toEqual([...API_METHODS, 'addAttachment', 'checkBundleFile', 'openReviewCopy', 'importReply', 'downloadUrl'].sort());
    await (api.setLanguage as (lng: string) => Promise<unknown>)('zh');
    expect(invoked).toEqual([[apiContract.setLanguage.channel, 'zh']]);
  });
});
