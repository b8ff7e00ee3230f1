// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Api } from '../../../core/api/contract';
import { createFakeApi, SAMPLE_ASSESSMENT } from './fake-api';
import { renderApp, resetPage } from './render-app';

afterEach(resetPage);

describe('errors from the API', () => {
  it('are shown translated, with a way to try again', async () => {
    const listAssessments = vi
      .fn<Api['listAssessments']>()
      .mockResolvedValueOnce({ ok: false, error: { code: 'errors.forbidden' } })
      .mockResolvedValueOnce({ ok: true, value: [SAMPLE_ASSESSMENT] });
    await renderApp(createFakeApi({ language: 'es', overrides: { listAssessments } }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Acceso denegado.');
    expect(alert.textContent).not.toContain('errors.forbidden');

    fireEvent.click(screen.getByRole('button', { name: 'Volver a intentarlo' }));
    expect(await screen.findByRole('table')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('show a name from a file as its data: a bidi override or a line break in it is visible, not obeyed', async () => {
    const name = 'invoice\u202Egpj.exe\nValid';
    const api = createFakeApi({
      overrides: { listAssessments: async () => ({ ok: false, error: { code: 'drafts:errors.importNotFound', params: { file: name } } }) },
    });
    await renderApp(api);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('invoice\\u202egpj.exe\\u000aValid');
    expect(alert.textContent).not.toMatch(/[\u202a-\u202e\n]/);
  });

  it('with a code this build does not know, say something general rather than the code', async () => {
    const api = createFakeApi({
      overrides: { listAssessments: async () => ({ ok: false, error: { code: 'errors.fromTheFuture' } }) },
    });
    await renderApp(api);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('An unexpected problem occurred.');
    expect(alert.textContent).not.toContain('fromTheFuture');
  });

  it('at start-up still show the home screen, in English, with the reason', async () => {
    const api = createFakeApi({
      overrides: { getSettings: async () => ({ ok: false, error: { code: 'errors.hostUnreachable' } }) },
    });
    await renderApp(api);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Safer Cities Self-Assessment');
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((a) => a.textContent).join(' ')).toContain('cannot be reached');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByText(/cannot be reached/)).toBeNull());
  });

  it('a thrown failure never reaches the screen as a stack trace', async () => {
    const api = createFakeApi({
      overrides: {
        getSettings: async () => {
          throw new Error('boom at Object.<anonymous> (core.ts:1:1)');
        },
      },
    });
    const { container } = await renderApp(api);
    await screen.findByRole('alert');
    expect(container.textContent).toContain('An unexpected problem occurred.');
    expect(container.textContent).not.toMatch(/boom|core\.ts/);
  });
});
