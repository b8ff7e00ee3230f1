// Validation names what is wrong in words a focal point can act on (issue 13.5): a year that is not a
// whole number, an end year before the year of adoption, a negative amount, a text over its limit —
// not "This answer is not valid".
import { describe, expect, it } from 'vitest';
import raw from '../../../core/checklist/packs/safer-cities-sacl.pack.json';
import { loadPack } from '../../../core/checklist/load';
import { newDraft } from '../../../core/draft/create';
import { problemMessage } from '../../../core/draft/problem-message';
import { validateDraft, type DraftProblem } from '../../../core/draft/validate';
import type { Draft } from '../../../core/draft/schema';
import en from '../../../locales/en/drafts.json';
import fr from '../../../locales/fr/drafts.json';
import i18next from 'i18next';

const { pack } = loadPack(raw, 'strict');
const i18n = i18next.createInstance();
void i18n.init({ lng: 'en', resources: { en: { drafts: en }, fr: { drafts: fr } }, initAsync: false, interpolation: { escapeValue: false } });

function draftWith(answers: Record<string, unknown>): Draft {
  const d = newDraft({ countryCode: 'FRA', responseLanguage: 'fr' }, pack, new Date('2026-05-01T00:00:00Z'), 'reasons-draft');
  return { ...d, answers: answers as Draft['answers'] };
}

/** The problems of one item, as the English (or French) sentences the form and the CLI show. */
function said(itemId: string, answers: Record<string, unknown>, lng: 'en' | 'fr' = 'en'): string[] {
  const t = i18n.getFixedT(lng);
  return validateDraft(draftWith(answers), pack)
    .filter((p: DraftProblem) => p.itemId === itemId)
    .map((p) => problemMessage(p, lng, (key, params) => t(key, params)));
}

describe('validation names the reason', () => {
  it('a year must be a whole number', () => {
    expect(said('D.9', { 'D.8': true, 'D.9': 2019.5 })).toEqual(['Enter a whole number, without decimals.']);
    expect(said('D.9', { 'D.8': true, 'D.9': 2019.5 }, 'fr')).toEqual(['Saisissez un nombre entier, sans décimales.']);
  });

  it('a negative amount is refused in the pack’s own words, once', () => {
    expect(said('B.11', { 'B.11': -5 })).toEqual(['The amount cannot be negative.']);
    expect(said('C.1', { 'C.1': -1 })).toEqual(['The number cannot be negative.']);
  });

  it('a number typed with letters says to type digits', () => {
    expect(said('B.11', { 'B.11': '12 millions' })).toEqual(['Enter a number, in digits.']);
  });

  it('an end year before the adoption year names the row and both columns, in the reader’s language', () => {
    const answers = { 'B.1': true, 'B.3': [{ title: 'Stratégie 2020', year: 2020, end: 2024 }, { title: 'Plan', year: 2021, end: 2019 }] };
    expect(said('B.3', answers)).toEqual(['Row 2: “Final year of validity” is before “Year adopted”.']);
    expect(said('B.3', answers, 'fr')).toEqual(['Ligne 2\u00a0: «\u00a0Dernière année de validité\u00a0» précède «\u00a0Année d’adoption\u00a0».']);
  });

  it('a table cell names its row and column: a year with decimals, a required cell left empty', () => {
    expect(said('B.3', { 'B.1': true, 'B.3': [{ title: 'Plan', year: 2020.5 }] })).toEqual(['Row 1, “Year adopted”: enter a whole number, without decimals.']);
    expect(said('B.3', { 'B.1': true, 'B.3': [{ title: 'Plan', year: 2020 }, { year: 2021 }] })).toEqual(['Row 2: fill in “Title”.']);
  });

  it('a text over its limit says by how much, and that it is kept', () => {
    const [message] = said('A.1', { 'A.1': 'x'.repeat(305) });
    expect(message).toBe('This answer is 5 characters over its limit (300). Shorten it before you export; until then it is kept as written.');
  });

  it('a table of 501 rows says what it holds, in the pack’s words', () => {
    const rows = Array.from({ length: 501 }, (_, i) => ({ city: `City ${i + 1}` }));
    expect(said('C.2', { 'C.1': 3, 'C.2': rows })).toEqual(['A table can hold at most 500 cities; attach a list for more.']);
  });

  it('a web link without http says so', () => {
    expect(said('A.8', { 'A.8': { files: [], links: [{ url: 'www.example.org' }] } })).toEqual(['Link 1 is not a web address: it must start with http:// or https://.']);
  });

  it('a bound with no constraint restating it is named by the application', () => {
    expect(said('D.9', { 'D.8': true, 'D.9': 1800.5 })).toEqual(['Enter a whole number, without decimals.', 'Enter a year between 1950 and 2100.']);
  });
});

describe('table column rules in a pack', () => {
  it('refuses a notBefore that names no other column of the same type', () => {
    const broken = structuredClone(raw) as { sections: { items: { id: string; columns?: Record<string, unknown>[] }[] }[] };
    const b3 = broken.sections.flatMap((s) => s.items).find((i) => i.id === 'B.3')!;
    b3.columns!.find((c) => c.id === 'end')!.notBefore = 'lead';
    expect(() => loadPack(broken, 'strict')).toThrow(expect.objectContaining({ code: 'drafts:errors.packInvalid' }));
    b3.columns!.find((c) => c.id === 'end')!.notBefore = 'year';
    b3.columns!.find((c) => c.id === 'title')!.integer = true;
    expect(() => loadPack(broken, 'strict')).toThrow(expect.objectContaining({ code: 'drafts:errors.packInvalid' }));
  });
});
