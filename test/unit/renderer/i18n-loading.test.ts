// @vitest-environment happy-dom
// Translations load per language: the start-up language and English, then each language on its first switch.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import ar from '../../../locales/ar/common.json';
import en from '../../../locales/en/common.json';
import ru from '../../../locales/ru/common.json';
import { createI18n } from '../../../renderer/src/i18n/create-i18n';
import { loadLanguage } from '../../../renderer/src/i18n/resources';

afterEach(() => {
  document.documentElement.lang = 'en';
  document.documentElement.dir = 'ltr';
});

describe('loading translations', () => {
  it('starts with the chosen language and English only', async () => {
    const i18n = await createI18n('fr');
    expect(i18n.hasResourceBundle('fr', 'common')).toBe(true);
    expect(i18n.hasResourceBundle('en', 'common')).toBe(true);
    expect(i18n.hasResourceBundle('ru', 'common')).toBe(false);
    expect(i18n.hasResourceBundle('fr', 'form')).toBe(true);
  });

  it('loads a language when the user switches to it, before the interface changes', async () => {
    const i18n = await createI18n('en');
    expect(i18n.t('app.name')).toBe(en.app.name);
    await i18n.changeLanguage('ru');
    expect(i18n.hasResourceBundle('ru', 'form')).toBe(true);
    expect(i18n.t('app.name')).toBe(ru.app.name);
    expect(document.documentElement.lang).toBe('ru');
    expect(document.title).toBe(ru.app.name);
  });

  it('switches to Arabic right to left, with its own texts', async () => {
    const i18n = await createI18n('zh');
    await i18n.changeLanguage('ar');
    expect(i18n.t('app.name')).toBe(ar.app.name);
    expect(document.documentElement.dir).toBe('rtl');
  });

  it('has every namespace of a language once loaded', async () => {
    const bundle = await loadLanguage('es');
    const files = readdirSync(path.resolve(__dirname, '../../../locales/es')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
    expect(files.length).toBeGreaterThan(3);
    expect(Object.keys(bundle).sort()).toEqual(files.sort());
  });
});
