import { describe, expect, it } from 'vitest';
import { loadPack, loadPackText } from '../../../core/checklist/load';
import { loadSamplePack, samplePackSource } from '../../../core/checklist/sample';
import { localize } from '../../../core/checklist/localized';
import { ITEM_TYPES } from '../../../core/checklist/vocabulary';
import { LANGUAGES } from '../../../core/i18n/languages';
import { AppError } from '../../../core/errors';

type RawPack = { sections: { items: Record<string, unknown>[] }[] } & Record<string, unknown>;
const raw = () => samplePackSource() as RawPack;

function loadError(input: unknown, mode: 'strict' | 'lenient' = 'strict'): AppError {
  try {
    loadPack(input, mode);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('the pack loaded, but should not');
}

describe('the sample pack', () => {
  const { pack, items, translationGaps } = loadSamplePack();

  it('is safer-cities-sample 0.1.0 with three sections in all six languages', () => {
    expect([pack.id, pack.version, pack.sections.length]).toEqual(['safer-cities-sample', '0.1.0', 3]);
    expect([...pack.languages].sort()).toEqual([...LANGUAGES].sort());
    expect(translationGaps).toEqual([]);
  });

  it('covers every item type, with skip logic and a constraint', () => {
    const types = new Set([...items.values()].map((i) => i.type));
    expect([...ITEM_TYPES].filter((t) => !types.has(t))).toEqual([]);
    expect([...items.values()].some((i) => i.relevance)).toBe(true);
    expect([...items.values()].some((i) => i.constraints.length > 0)).toBe(true);
    expect(items.size).toBeGreaterThanOrEqual(10);
  });

  it('has every text actually translated, not copied from English', () => {
    const copied: string[] = [];
    for (const item of items.values()) {
      for (const lng of LANGUAGES) if (lng !== 'en' && item.text[lng] === item.text.en) copied.push(`${item.id}.${lng}`);
    }
    expect(copied).toEqual([]);
  });
});

describe('loading a broken pack', () => {
  it('names the path of a missing translation in strict mode', () => {
    const p = raw();
    delete (p.sections[1]?.items[3]?.['text'] as Record<string, string>)['fr'];
    const err = loadError(p);
    expect(err.code).toBe('drafts:errors.packInvalid');
    expect(err.params?.path).toBe('sections[1].items[3].text.fr');
  });

  it('names the path of an unknown item type and of a bad version', () => {
    const p = raw();
    (p.sections[2]?.items[0] as Record<string, unknown>)['type'] = 'essay';
    expect(loadError(p).params?.path).toBe('sections[2].items[0].type');
    const q = raw();
    q['version'] = 'one';
    expect(loadError(q).params?.path).toBe('version');
  });

  it('refuses duplicate item ids, naming the second', () => {
    const p = raw();
    (p.sections[0]?.items[1] as Record<string, unknown>)['id'] = 'A.1';
    expect(loadError(p).params).toMatchObject({ path: 'sections[0].items[1].id' });
  });

  it('refuses a rule with a syntax error, naming the rule and position', () => {
    const p = raw();
    (p.sections[1]?.items[1] as Record<string, unknown>)['relevance'] = "value('B.1') in ['fully'";
    const err = loadError(p);
    expect(err.code).toBe('drafts:errors.packRuleSyntax');
    expect(err.params).toMatchObject({ path: 'sections[1].items[1].relevance', position: 24 });
  });

  it('refuses a rule naming an item that does not exist', () => {
    const p = raw();
    (p.sections[2]?.items[2] as Record<string, unknown>)['relevance'] = "count('C.20') > 0";
    expect(loadError(p).params).toEqual({ path: 'sections[2].items[2].relevance', itemId: 'C.20' });
  });

  it('gives a clear error for text that is not JSON', () => {
    expect(() => loadPackText('{"schemaVersion": 1,')).toThrow(expect.objectContaining({ code: 'drafts:errors.packNotJson' }));
  });
});

describe('lenient mode (packs under translation)', () => {
  it('accepts a missing translation, lists it, and falls back to English with a marker', () => {
    const p = raw();
    delete (p.sections[1]?.items[3]?.['text'] as Record<string, string>)['fr'];
    delete (p.sections[0] as unknown as { title: Record<string, string> }).title['ar'];
    const loaded = loadPack(p, 'lenient');
    expect(loaded.translationGaps).toEqual(['sections[0].title.ar', 'sections[1].items[3].text.fr']);
    const item = loaded.items.get('B.4');
    if (!item) throw new Error('B.4 missing');
    expect(localize(item.text, 'fr')).toEqual({ text: item.text.en, language: 'en', missing: true });
    expect(localize(item.text, 'es')).toMatchObject({ language: 'es', missing: false });
  });

  it('still requires English', () => {
    const p = raw();
    delete (p.sections[1]?.items[3]?.['text'] as Record<string, string>)['en'];
    expect(loadError(p, 'lenient').params?.path).toBe('sections[1].items[3].text.en');
  });
});
