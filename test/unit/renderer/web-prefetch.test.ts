// The web page's first calls go out before the HTTP client has loaded; the client takes them over once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWebApi } from '../../../renderer/src/api/web-api';
import { prefetchFirstCalls } from '../../../renderer/src/api/web-prefetch';

const settings = { schemaVersion: 1, language: 'fr' };

function host() {
  return vi.fn<typeof fetch>(async (url) => {
    const body = String(url).endsWith('/getSettings') ? { ok: true, value: settings } : { ok: false, error: { code: 'drafts:errors.notFound' } };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('first calls over HTTP', () => {
  it('asks for the settings and the route’s assessment at once, and the client uses those answers once', async () => {
    const early = host();
    prefetchFirstCalls('#/a/draft-7/form', 'tok', early);
    expect(early.mock.calls.map((c) => [c[0], JSON.parse(String(c[1]?.body))])).toEqual([
      ['/api/getSettings', { args: [] }],
      ['/api/openAssessment', { args: ['draft-7'] }],
    ]);
    expect(early.mock.calls[0]?.[1]?.headers).toMatchObject({ 'x-scsa-token': 'tok' });

    const later = host();
    vi.stubGlobal('fetch', later);
    const api = createWebApi({ token: 'tok' });
    expect(await api.getSettings()).toEqual({ ok: true, value: settings });
    expect(await api.openAssessment('draft-7')).toEqual({ ok: false, error: { code: 'drafts:errors.notFound' } });
    expect(later).not.toHaveBeenCalled();
    // Taken once: the next call is a new request.
    expect(await api.getSettings()).toEqual({ ok: true, value: settings });
    expect(later).toHaveBeenCalledTimes(1);
  });

  it('opens nothing early at the home screen, and a client with its own fetch never takes early answers', async () => {
    const early = host();
    prefetchFirstCalls('#/', null, early);
    expect(early).toHaveBeenCalledTimes(1);
    const own = host();
    const api = createWebApi({ token: null, fetch: own });
    await api.getSettings();
    expect(own).toHaveBeenCalledTimes(1);
  });
});
