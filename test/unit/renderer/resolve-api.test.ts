// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../../core/api/contract';
import { resolveApi } from '../../../renderer/src/api/resolve-api';
import { createFakeApi } from './fake-api';

afterEach(() => {
  Reflect.deleteProperty(window, 'api');
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('finding the API', () => {
  it('uses the preload’s window.api in the desktop app', async () => {
    const preload = createFakeApi();
    Object.defineProperty(window, 'api', { value: preload, configurable: true });
    expect(await resolveApi()).toBe(preload);
  });

  it('talks HTTP to the web host when there is no preload, with the token from the address', async () => {
    window.history.replaceState(null, '', '/?token=tok-42');
    const fetch = vi.fn<typeof globalThis.fetch>(
      async () => new Response(JSON.stringify({ ok: true, value: [] }), { status: 200 }),
    );
    vi.stubGlobal('fetch', fetch);

    const api = await resolveApi();
    expect(Object.keys(api).sort()).toEqual([...API_METHODS, 'addAttachment', 'checkBundleFile', 'openReviewCopy', 'importReply', 'downloadUrl'].sort());
    expect(await api.listAssessments()).toEqual({ ok: true, value: [] });
    const headers = fetch.mock.calls[0]?.[1]?.headers as Record<string, string>;
    expect(headers['x-scsa-token']).toBe('tok-42');
  });
});
