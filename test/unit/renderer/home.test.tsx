// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { createFakeApi, SAMPLE_ASSESSMENT } from './fake-api';
import { renderApp, resetPage } from './render-app';
import { fileInputOf } from './choose-file';

afterEach(resetPage);

describe('home screen', () => {
  it('shows the product name and, on first run, what to do next', async () => {
    await renderApp(createFakeApi());
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Safer Cities Self-Assessment');
    expect(await screen.findByText('No assessment yet')).toBeTruthy();
    expect(screen.getByText(/Creating an assessment starts the checklist/)).toBeTruthy();
    // Both ways to start are offered from the first screen.
    const create = screen.getByRole('link', { name: 'New assessment' });
    expect(create.getAttribute('href')).toBe('#/new');
    const open = fileInputOf(screen.getByRole('button', { name: 'Open file…' }));
    expect(open.accept).toBe('.json,.scsa.json');
  });

  it('starts in the language saved last time', async () => {
    await renderApp(createFakeApi({ language: 'fr' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Auto-évaluation pour des villes plus sûres');
    expect(document.documentElement.lang).toBe('fr');
    expect(document.title).toBe('Auto-évaluation pour des villes plus sûres');
    expect((screen.getByLabelText('Langue de l’interface') as HTMLSelectElement).value).toBe('fr');
  });

  it('falls back to English when the saved language is unknown', async () => {
    await renderApp(createFakeApi({ language: 'xx' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Safer Cities Self-Assessment');
    expect(document.documentElement.lang).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('lists existing assessments with the country named in the interface language', async () => {
    await renderApp(createFakeApi({ language: 'es', assessments: [SAMPLE_ASSESSMENT] }));
    const table = await screen.findByRole('table');
    const row = within(table).getAllByRole('row')[1];
    expect(row?.textContent).toContain('Francia');
    expect(row?.textContent).toContain('Français');
    expect(screen.getByText('1 evaluación')).toBeTruthy();
    expect(screen.queryByText('Todavía no hay ninguna evaluación')).toBeNull();
  });

  it('names each country by its official UN name, in Arabic and in French', async () => {
    const rows = [
      { ...SAMPLE_ASSESSMENT, id: 'a1', countryCode: 'RUS' },
      { ...SAMPLE_ASSESSMENT, id: 'a2', countryCode: 'TUR' },
    ];
    await renderApp(createFakeApi({ language: 'ar', assessments: rows }));
    expect(await screen.findByText('الاتحاد الروسي')).toBeTruthy();
    expect(screen.getByText('تركيا')).toBeTruthy();
    resetPage();
    await renderApp(createFakeApi({ language: 'fr', assessments: rows }));
    expect(await screen.findByText('Fédération de Russie')).toBeTruthy();
    expect(screen.getByText('Türkiye')).toBeTruthy();
    expect(screen.queryByText('Russie')).toBeNull();
  });

  it('uses the Arabic dual form for two assessments', async () => {
    const second = { ...SAMPLE_ASSESSMENT, id: 'a2', countryCode: 'EGY' };
    await renderApp(createFakeApi({ language: 'ar', assessments: [SAMPLE_ASSESSMENT, second] }));
    expect(await screen.findByText('تقييمان')).toBeTruthy();
    expect(screen.getByText('فرنسا')).toBeTruthy();
    expect(screen.getByText('مصر')).toBeTruthy();
  });
});
