// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { createFakeApi } from './fake-api';
import { renderApp, resetPage } from './render-app';

afterEach(resetPage);

const picker = () => document.getElementById('language-picker') as HTMLSelectElement;

describe('language picker', () => {
  it('lists the six languages, each in its own name', async () => {
    await renderApp(createFakeApi());
    const options = [...picker().options].map((o) => [o.value, o.textContent]);
    expect(options).toEqual([
      ['ar', 'العربية'],
      ['zh', '中文'],
      ['en', 'English'],
      ['fr', 'Français'],
      ['ru', 'Русский'],
      ['es', 'Español'],
    ]);
    expect(screen.getByLabelText('Interface language')).toBe(picker());
  });

  it('choosing العربية saves the choice and turns the page right-to-left, in place', async () => {
    const api = createFakeApi();
    await renderApp(api);
    const heading = screen.getByRole('heading', { level: 1 });
    fireEvent.change(picker(), { target: { value: 'ar' } });

    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(api.setLanguage).toHaveBeenCalledWith('ar');
    expect(document.documentElement.lang).toBe('ar');
    expect(heading.textContent).toBe('التقييم الذاتي لمدن أكثر أماناً');
    // Same element, new text: the screen was re-rendered, not reloaded.
    expect(screen.getByRole('heading', { level: 1 })).toBe(heading);
    expect(await screen.findByText('لا توجد تقييمات بعد')).toBeTruthy();
    expect(picker().value).toBe('ar');
  });

  it('returns to left-to-right when leaving Arabic', async () => {
    const api = createFakeApi({ language: 'ar' });
    await renderApp(api);
    expect(document.documentElement.dir).toBe('rtl');
    fireEvent.change(picker(), { target: { value: 'ru' } });
    await waitFor(() => expect(document.documentElement.lang).toBe('ru'));
    expect(document.documentElement.dir).toBe('ltr');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Самооценка по вопросам более безопасных городов');
    expect(api.setLanguage).toHaveBeenLastCalledWith('ru');
  });

  it('says so, in the new language, when the choice could not be saved', async () => {
    const api = createFakeApi({
      overrides: { setLanguage: async () => ({ ok: false, error: { code: 'errors.hostUnreachable' } }) },
    });
    await renderApp(api);
    fireEvent.change(picker(), { target: { value: 'zh' } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('无法连接应用程序服务');
    expect(document.documentElement.lang).toBe('zh');
  });
});
