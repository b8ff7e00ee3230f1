// @vitest-environment happy-dom
// The shared diff view: what a reader (and a screen reader) sees of each kind of change.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { loadSamplePack } from '../../../core/checklist/sample';
import type { ChecklistItem } from '../../../core/checklist/schema';
import { createI18n } from '../../../renderer/src/i18n/create-i18n';
import { ItemDiff } from '../../../renderer/src/ui/item-diff/item-diff';
import type { Language } from '../../../core/i18n/languages';

const pack = loadSamplePack().pack;
const item = (id: string) => pack.sections.flatMap((s) => s.items).find((i) => i.id === id) as ChecklistItem;

async function show(id: string, before: unknown, after: unknown, language: Language = 'en') {
  const i18n = await createI18n(language);
  return render(
    <I18nextProvider i18n={i18n}>
      <ItemDiff pack={pack} item={item(id)} before={before} after={after} lang="ar" />
    </I18nextProvider>,
  );
}

afterEach(() => {
  cleanup();
  document.documentElement.lang = 'en';
  document.documentElement.dir = 'ltr';
});

describe('the item diff view', () => {
  it('marks words deleted and inserted in a text, named for screen readers, with the text’s own direction', async () => {
    const { container } = await show('A.1', 'وزارة الداخلية مسؤولة', 'وزارة العدل مسؤولة');
    const text = container.querySelector('.item-diff__text') as HTMLElement;
    expect(text.getAttribute('dir')).toBe('auto');
    expect(text.getAttribute('lang')).toBe('ar');
    const del = text.querySelector('del') as HTMLElement;
    const ins = text.querySelector('ins') as HTMLElement;
    expect(del.textContent).toContain('الداخلية');
    expect(del.textContent).toContain('deleted:');
    expect(ins.textContent).toContain('العدل');
    expect(ins.textContent).toContain('inserted:');
    // Unchanged words are plain text, neither inserted nor deleted.
    expect(text.textContent).toContain('وزارة');
    expect([...text.querySelectorAll('ins, del')].some((e) => e.textContent?.includes('وزارة'))).toBe(false);
  });

  it('lists the options added and removed in a multiple choice by their labels', async () => {
    const { container } = await show('A.3', ['civil_society', 'academia'], ['academia', 'private_sector']);
    expect(container.querySelector('ins')?.textContent).toMatch(/Added:.*Private sector/);
    expect(container.querySelector('del')?.textContent).toMatch(/Removed:.*Civil society organizations/);
    expect(container.textContent).not.toContain('Academia');
  });

  it('shows a UNCAC block field by field: only the fields that changed, under their names', async () => {
    await show('B.5', { status: 'partially', measures: 'A law of 2019.' }, { status: 'fully', measures: 'A law of 2021.' });
    const terms = screen.getAllByRole('term').map((t) => t.textContent);
    expect(terms).toHaveLength(2);
    const status = screen.getAllByRole('definition')[0] as HTMLElement;
    expect(status.querySelector('del')?.textContent).toContain('Partially implemented');
    expect(status.querySelector('ins')?.textContent).toContain('Fully implemented');
  });

  it('shows a table row by row: added, removed and edited rows, with the changed cell marked', async () => {
    const before = [
      { city: 'Nairobi', population: 4400000, stage: 'adopted' },
      { city: 'Mombasa', population: 1200000, stage: 'draft' },
    ];
    const after = [
      { city: 'Nairobi', population: 4500000, stage: 'adopted' },
      { city: 'Kisumu', population: 600000, stage: 'draft' },
    ];
    await show('C.2', before, after);
    const table = screen.getByRole('table');
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Change', 'City', 'Date of adoption', 'Population covered', 'Based on a safety audit', 'Stage']);
    const rows = within(table).getAllByRole('row').slice(1);
    const byLabel = (label: RegExp) => rows.find((r) => label.test(within(r).getByRole('rowheader').textContent ?? '')) as HTMLElement;
    expect(byLabel(/Row 2 removed/).querySelector('del')?.textContent).toBe('Mombasa');
    expect(byLabel(/Row 2 added/).querySelector('ins')?.textContent).toBe('Kisumu');
    const edited = byLabel(/Row 1 changed/);
    expect(edited.querySelector('del')?.textContent).toContain('4,400,000');
    expect(edited.querySelector('ins')?.textContent).toContain('4,500,000');
  });

  it('names the two sides of a value replaced, in the interface language', async () => {
    const { container } = await show('A.4', true, false, 'fr');
    expect(container.querySelector('del')?.textContent).toMatch(/Avant\s*:.*Oui/);
    expect(container.querySelector('ins')?.textContent).toMatch(/Après\s*:.*Non/);
  });
  it('writes a date in a table row the interface language\'s way, through Intl, not as stored', async () => {
    await show('C.2', [], [{ city: 'Lyon', adopted: '2020-01-15' }], 'fr');
    const added = within(screen.getByRole('table')).getAllByRole('row')[1] as HTMLElement;
    expect(added.textContent).toContain(new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(2020, 0, 15)));
    expect(added.textContent).not.toContain('2020-01-15');
  });
});
