// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { createFakeApi } from './fake-api';
import { renderApp, resetPage } from './render-app';

afterEach(resetPage);

describe('About panel', () => {
  it('shows the version, that no checklist pack is installed, and the data folder', async () => {
    const api = createFakeApi();
    await renderApp(api);
    fireEvent.click(screen.getByRole('button', { name: 'About' }));

    const dialog = await screen.findByRole('dialog', { name: 'About this application' });
    await waitFor(() => expect(dialog.textContent).toContain('9.8.7'));
    expect(dialog.textContent).toContain('No checklist pack installed');
    expect(dialog.textContent).toContain('/home/focal/scsa-data');
    expect(api.getAppInfo).toHaveBeenCalledTimes(1);
  });

  it('names the installed checklist pack and its version, translated', async () => {
    await renderApp(createFakeApi({ language: 'fr', appInfo: { checklistPack: { id: 'safer-cities', version: '1.2.0' } } }));
    fireEvent.click(screen.getByRole('button', { name: 'À propos' }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(dialog.textContent).toContain('safer-cities (version 1.2.0)'));
  });

  it('closes with Escape and gives focus back to the About button', async () => {
    await renderApp(createFakeApi());
    const button = screen.getByRole('button', { name: 'About' });
    button.focus();
    fireEvent.click(button);
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(dialog.textContent).toContain('9.8.7'));

    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(button);
  });

  it('closes with its Close button too', async () => {
    await renderApp(createFakeApi({ language: 'ru' }));
    fireEvent.click(screen.getByRole('button', { name: 'О приложении' }));
    await screen.findByRole('dialog');
    fireEvent.click(screen.getByRole('button', { name: 'Закрыть' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'О приложении' }));
  });
});
