/** The fixed wording of the report exists in all six languages, with the same placeholders. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../core/i18n/languages';
import { createLabels } from '../../../core/pdf/labels';
import { describeWarnings } from '../../../core/pdf/from-draft';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

function load(language: string): Map<string, string> {
  const file = path.resolve(__dirname, `../../../locales/${language}/report.json`);
  return flatten(JSON.parse(fs.readFileSync(file, 'utf8')) as Tree);
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();

describe('report wording', () => {
  const english = load('en');

  it.each(LANGUAGES)('%s has every key, none empty, with the same placeholders as English', (language) => {
    const own = load(language);
    // Plural forms differ in number between languages (CLDR; test/unit/locales.test.ts checks which).
    const families = (keys: Iterable<string>) => [...new Set([...keys].map((k) => k.replace(PLURAL, '')))].sort();
    expect(families(own.keys())).toEqual(families(english.keys()));
    for (const [key, text] of own) {
      expect(text.trim(), key).not.toBe('');
      const original = english.get(key) ?? english.get(key.replace(PLURAL, '_other')) ?? '';
      expect(placeholders(text), key).toEqual(placeholders(original));
    }
  });

  it('chooses the plural form from the number itself, and writes the number the language’s way', () => {
    const warning = (language: (typeof LANGUAGES)[number], count: number) =>
      describeWarnings([{ code: 'missingGlyphs', codePoints: Array.from({ length: count }, (_, i) => `U+E${String(i).padStart(3, '0')}`) }], language)[0];
    expect(warning('en', 1)).toMatch(/^Warning: 1 character has no glyph/);
    expect(warning('en', 2)).toMatch(/^Warning: 2 characters have no glyph/);
    expect(warning('fr', 1)).toMatch(/^Attention : 1 caractère n’a pas de glyphe/);
    expect(warning('ru', 21)).toMatch(/для 21 символа нет глифа/);
    expect(warning('ru', 5)).toMatch(/для 5 символов нет глифов/);
    expect(createLabels('en').t('truncated', { count: 1 })).toMatch(/^\[1 more character is not shown/);
    expect(createLabels('fr').t('truncated', { count: 12000 })).toMatch(/^\[12\u202f000 caractères supplémentaires/);
  });

  it('numbers pages with Western digits in every language, Arabic included', () => {
    expect(createLabels('ar').t('footer', { page: 3, pages: 12 })).toBe('الصفحة 3 من 12');
    expect(createLabels('zh').t('footer', { page: 3, pages: 12 })).toBe('第 3 页，共 12 页');
    expect(createLabels('ru').t('footer', { page: 1234, pages: 1235 })).toBe('Страница 1\u00a0234 из 1\u00a0235');
  });

  it('writes sizes and dates the way each language does', () => {
    expect(createLabels('fr').bytes(248311)).toBe('242,5 Ko (248\u202f311 o)');
    expect(createLabels('en').bytes(512)).toBe('512 B');
    expect(createLabels('ar').date('2026-03-14T10:30:00Z')).toBe('14 مارس 2026');
    expect(createLabels('es').date('2026-03-14')).toBe('14 de marzo de 2026');
  });
});
