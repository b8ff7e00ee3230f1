// @vitest-environment happy-dom
// The secretariat reads a submission's answers to questions no longer in the checklist in the words
// the country saw: choices and table columns as the old version named them, in the reader's
// language; an answer kept by an older app shows them through the old pack when it is installed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { Api } from '../../../core/api/contract';
import { loadSamplePack } from '../../../core/checklist/sample';
import type { RetiredAnswer } from '../../../core/draft/retired';
import { ApiProvider } from '../../../renderer/src/api/api-context';
import { createI18n } from '../../../renderer/src/i18n/create-i18n';
import { ReaderKept } from '../../../renderer/src/features/secretariat/reader-kept';
import { createFakeApi } from './fake-api';

const pack = loadSamplePack().pack;
const base = { checklist: { id: 'safer-cities-sample', version: '0.1.0' }, reason: 'removed' as const, retiredAt: '2026-11-21T09:00:00.000Z' };
const TABLE: RetiredAnswer = {
  ...base,
  itemId: 'C.9',
  type: 'table',
  title: { en: 'Local budgets', fr: 'Budgets locaux' },
  answer: [{ city: 'Lyon', stage: 'st_2' }],
  columns: [
    { id: 'city', type: 'text', label: { en: 'City', fr: 'Ville' } },
    { id: 'stage', type: 'single', label: { en: 'Stage', fr: 'Étape' }, options: [{ id: 'st_2', label: { en: 'Adopted', fr: 'Adoptée' } }] },
  ],
};
const OLDER: RetiredAnswer = { ...base, itemId: 'A.3', type: 'multi', title: { en: 'Who took part?' }, answer: ['academia'] };

afterEach(() => {
  cleanup();
  document.documentElement.lang = 'en';
  document.documentElement.dir = 'ltr';
});

async function show(kept: RetiredAnswer[], language: 'en' | 'fr') {
  const getPack = vi.fn<Api['getPack']>(async () => ({ ok: true, value: { pack, translationGaps: [] } }));
  const api = createFakeApi({ language, overrides: { getPack } });
  const i18n = await createI18n(language);
  render(
    <ApiProvider api={api}>
      <I18nextProvider i18n={i18n}>
        <ReaderKept kept={kept} pack={pack} lang="fr" fileNames={new Map()} />
      </I18nextProvider>
    </ApiProvider>,
  );
  return getPack;
}

describe('kept answers in the secretariat\'s reader', () => {
  it('a table: its column names and the choice made, in the reader\'s language, never the ids', async () => {
    await show([TABLE], 'fr');
    const section = screen.getByRole('region', { name: 'Réponses à des questions qui ne figurent plus dans la liste de contrôle' });
    const headers = within(section).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Ville', 'Étape']);
    expect(within(section).getByRole('cell', { name: 'Adoptée' })).toBeTruthy();
    expect(section.textContent).not.toContain('st_2');
    expect(section.textContent).toContain('Budgets locaux');
  });

  it('an answer kept without its words reads them from the old version\'s pack, asked for once', async () => {
    const getPack = await show([OLDER], 'en');
    const academia = pack.sections.flatMap((s) => s.items).find((i) => i.id === 'A.3');
    const words = academia && 'options' in academia ? academia.options.find((o) => o.id === 'academia')?.label.en : undefined;
    await waitFor(() => expect(document.body.textContent).toContain(words));
    expect(document.body.textContent).not.toContain('academia');
    expect(getPack).toHaveBeenCalledWith({ id: 'safer-cities-sample', version: '0.1.0' }, { languages: ['en'] });
  });
});
