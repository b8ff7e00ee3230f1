// The browser side of the web test host's protocol: POST /api/<method> {args} with the run's token.
import { describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../../core/api/contract';
import { createWebApi, tokenFromLocation } from '../../../renderer/src/api/web-api';

function fetchAnswering(status: number, body: unknown) {
  return vi.fn<typeof fetch>(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

describe('web API', () => {
  it('offers exactly the methods of the contract, and the file verbs', () => {
    const api = createWebApi({ token: 't', fetch: fetchAnswering(200, {}) });
    expect(Object.keys(api).sort()).toEqual([...API_METHODS, 'addAttachment', 'checkBundleFile', 'openReviewCopy', 'importReply', 'downloadUrl'].sort());
  });

  it('posts the arguments with the token header and returns the envelope', async () => {
    const fetch = fetchAnswering(200, { ok: true, value: { schemaVersion: 1, language: 'ar' } });
    const api = createWebApi({ token: 'secret-123', fetch });

    const result = await api.setLanguage('ar');

    expect(result).toEqual({ ok: true, value: { schemaVersion: 1, language: 'ar' } });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/setLanguage');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toMatchObject({ 'content-type': 'application/json', 'x-scsa-token': 'secret-123' });
    expect(JSON.parse(String(init?.body))).toEqual({ args: ['ar'] });
  });

  it('passes a translated error envelope from the core through unchanged', async () => {
    const api = createWebApi({ token: 't', fetch: fetchAnswering(200, { ok: false, error: { code: 'errors.badRequest' } }) });
    expect(await api.getSettings()).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
  });

  it('maps a refused token (403) to errors.forbidden', async () => {
    const api = createWebApi({ token: 'wrong', fetch: fetchAnswering(403, { message: 'no' }) });
    expect(await api.getAppInfo()).toEqual({ ok: false, error: { code: 'errors.forbidden' } });
  });

  it('maps other HTTP failures and network errors to errors.hostUnreachable', async () => {
    const down = vi.fn<typeof fetch>(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await createWebApi({ token: 't', fetch: down }).listAssessments()).toEqual({
      ok: false,
      error: { code: 'errors.hostUnreachable' },
    });
    expect(await createWebApi({ token: 't', fetch: fetchAnswering(500, {}) }).listAssessments()).toEqual({
      ok: false,
      error: { code: 'errors.hostUnreachable' },
    });
  });

  it('shows the host’s own reason when it refuses a request', async () => {
    const api = createWebApi({ token: 't', fetch: fetchAnswering(400, { ok: false, error: { code: 'errors.badRequest' } }) });
    expect(await api.getSettings()).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
    const proxyPage = vi.fn<typeof fetch>(async () => new Response('<h1>Bad gateway</h1>', { status: 502 }));
    expect(await createWebApi({ token: 't', fetch: proxyPage }).getSettings()).toEqual({
      ok: false,
      error: { code: 'errors.hostUnreachable' },
    });
  });

  it('refuses an answer that does not match the contract', async () => {
    const api = createWebApi({ token: 't', fetch: fetchAnswering(200, { ok: true, value: { language: 'klingon' } }) });
    expect(await api.getSettings()).toEqual({ ok: false, error: { code: 'errors.unexpected' } });
    const notJson = vi.fn<typeof fetch>(async () => new Response('<html>', { status: 200 }));
    expect(await createWebApi({ token: 't', fetch: notJson }).getSettings()).toEqual({
      ok: false,
      error: { code: 'errors.unexpected' },
    });
  });

  it('reads the token from the page address the host printed', () => {
    expect(tokenFromLocation('?token=abc%2Bdef')).toBe('abc+def');
    expect(tokenFromLocation('')).toBeNull();
  });
});
