// @vitest-environment happy-dom
// Plural forms are chosen by CLDR's rules for the number each sentence is about (French counts 0 and
// 1 as singular; Russian and Arabic have more forms), and every number put into a sentence is
// written with Intl in the interface language, as the rest of the screen writes numbers.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { Language } from '../../../core/i18n/languages';
import { createI18n } from '../../../renderer/src/i18n/create-i18n';
import { ProgressBar } from '../../../renderer/src/features/assessment/progress-bar';

afterEach(() => {
  cleanup();
  document.documentElement.lang = 'en';
  document.documentElement.dir = 'ltr';
});

async function progressText(lng: Language, answered: number, relevant: number): Promise<string> {
  const i18n = await createI18n(lng);
  const view = render(
    <I18nextProvider i18n={i18n}>
      <ProgressBar id="p" label="progress" progress={{ answered, relevant }} />
    </I18nextProvider>,
  );
  const text = view.container.querySelector('.progress__text')?.textContent ?? '';
  cleanup();
  return text.replace(/\u202f|\u00a0/g, ' ');
}

describe('progress in words', () => {
  it('in French: the total decides, and 0 or 1 is singular', async () => {
    expect(await progressText('fr', 0, 1)).toBe('0 sur 1 élément renseigné (0 %)');
    expect(await progressText('fr', 1, 1)).toBe('1 sur 1 élément renseigné (100 %)');
    expect(await progressText('fr', 0, 12)).toBe('0 sur 12 éléments renseignés (0 %)');
    expect(await progressText('fr', 1, 12)).toMatch(/^1 sur 12 éléments renseignés/);
  });

  it('in English, Spanish and Russian: "1 of 1 item", "1 de 1 elemento", "из 21 пункта"', async () => {
    expect(await progressText('en', 1, 1)).toBe('1 of 1 item answered (100%)');
    expect(await progressText('en', 3, 12)).toBe('3 of 12 items answered (25%)');
    expect(await progressText('es', 1, 1)).toBe('1 de 1 elemento respondido (100 %)');
    expect(await progressText('ru', 3, 21)).toMatch(/^Отвечено на 3 из 21 пункта /);
    expect(await progressText('ru', 3, 12)).toMatch(/^Отвечено на 3 из 12 пунктов /);
  });

  it('in Arabic: one, two, few and many each have their form', async () => {
    expect(await progressText('ar', 0, 1)).toContain('من أصل بند واحد');
    expect(await progressText('ar', 1, 2)).toContain('من أصل بندين');
    expect(await progressText('ar', 1, 5)).toContain('من أصل 5 بنود');
    expect(await progressText('ar', 1, 12)).toContain('من أصل 12 بندًا');
  });
});

describe('numbers in sentences', () => {
  it('are written with Intl in the interface language; a four-digit number (a year) keeps its digits together', async () => {
    const fr = await createI18n('fr');
    expect(fr.t('home.assessmentCount', { count: 12345 }).replace(/\u202f/g, ' ')).toBe('12 345 évaluations');
    expect(fr.t('home.assessmentCount', { count: 0 })).toBe('0 évaluation');
    const en = await createI18n('en');
    expect(en.t('home.assessmentCount', { count: 12345 })).toBe('12,345 assessments');
    expect(en.t('form:history.revisionN', { n: 2024 })).toBe('revision 2024');
  });
});
