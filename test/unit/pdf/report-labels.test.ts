/** The fixed wording of the report exists in all six languages, with the same placeholders. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../core/i18n/languages';
import { createLabels } from '../../../core/pdf/labels';

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

const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();

describe('report wording', () => {
  const english = load('en');

  it.each(LANGUAGES)('%s has every key, none empty, with the same placeholders as English', (language) => {
    const own = load(language);
    expect([...own.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of own) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(text), key).toEqual(placeholders(english.get(key) ?? ''));
    }
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
