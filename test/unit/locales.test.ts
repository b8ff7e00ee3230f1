// Every user-visible string exists, is non-empty and is actually translated in all six languages.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LANGUAGES } from '../../core/i18n/languages';

const LOCALES = path.resolve(__dirname, '../../locales');
const PLURAL = /_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\{\{-?\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g;

const AllowlistSchema = z.object({
  allow: z.array(z.object({ key: z.string(), languages: z.array(z.string()), reason: z.string().min(1) })),
});

type Flat = Map<string, string>;

/** `{a:{b:'x'}}` → `a.b = x`; anything but a string or an object is reported as a bad value. */
function flatten(tree: unknown, prefix = '', out: Flat = new Map(), bad: string[] = []): { flat: Flat; bad: string[] } {
  if (typeof tree === 'string') out.set(prefix, tree);
  else if (tree && typeof tree === 'object' && !Array.isArray(tree)) {
    for (const [key, value] of Object.entries(tree)) flatten(value, prefix ? `${prefix}.${key}` : key, out, bad);
  } else bad.push(prefix);
  return { flat: out, bad };
}

function readLocale(lng: string, ns: string): { flat: Flat; bad: string[] } | null {
  const file = path.join(LOCALES, lng, `${ns}.json`);
  if (!fs.existsSync(file)) return null;
  return flatten(JSON.parse(fs.readFileSync(file, 'utf8')));
}

const pluralCategories = (lng: string) => new Intl.PluralRules(lng).resolvedOptions().pluralCategories as string[];

/** The keys a language must have: English's plain keys, and each plural family in that language's CLDR forms. */
function expectedKeys(english: Flat, lng: string): Set<string> {
  const expected = new Set<string>();
  for (const key of english.keys()) {
    if (!PLURAL.test(key)) expected.add(key);
    else for (const category of pluralCategories(lng)) expected.add(key.replace(PLURAL, `_${category}`));
  }
  return expected;
}

function keyDifferences(english: Flat, other: Flat, lng: string): { missing: string[]; extra: string[] } {
  const expected = expectedKeys(english, lng);
  return {
    missing: [...expected].filter((k) => !other.has(k)).sort(),
    extra: [...other.keys()].filter((k) => !expected.has(k)).sort(),
  };
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))].sort();
}

/** The English text(s) a key is compared with: a plural form is compared with every English form. */
function englishFor(english: Flat, key: string): string[] {
  if (!PLURAL.test(key)) return english.has(key) ? [english.get(key) ?? ''] : [];
  const base = key.replace(PLURAL, '');
  return [...english.entries()].filter(([k]) => k.replace(PLURAL, '') === base && PLURAL.test(k)).map(([, v]) => v);
}

const hasLetters = (text: string) => /\p{L}/u.test(text.replace(PLACEHOLDER, ''));

const namespaces = fs
  .readdirSync(path.join(LOCALES, 'en'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

const allowlist = AllowlistSchema.parse(JSON.parse(fs.readFileSync(path.join(LOCALES, 'identical-allowlist.json'), 'utf8')));
const allowed = (ns: string, key: string, lng: string) =>
  allowlist.allow.some((a) => a.key === `${ns}:${key.replace(PLURAL, '')}` && a.languages.includes(lng));

describe('the checker itself', () => {
  const english: Flat = new Map([
    ['a.title', 'Title'],
    ['a.count_one', '{{count}} item'],
    ['a.count_other', '{{count}} items'],
  ]);

  it('reports a key missing from a locale, and one that English does not have', () => {
    const russian: Flat = new Map([
      ['a.count_one', '{{count}} элемент'],
      ['a.count_few', '{{count}} элемента'],
      ['a.count_many', '{{count}} элементов'],
      ['a.count_other', '{{count}} элемента'],
      ['a.stray', 'лишний'],
    ]);
    expect(keyDifferences(english, russian, 'ru')).toEqual({ missing: ['a.title'], extra: ['a.stray'] });
  });

  it('asks each language for its own plural forms', () => {
    expect([...expectedKeys(english, 'ar')].filter((k) => k.startsWith('a.count')).sort()).toEqual(
      ['a.count_few', 'a.count_many', 'a.count_one', 'a.count_other', 'a.count_two', 'a.count_zero'],
    );
    expect([...expectedKeys(english, 'zh')].filter((k) => k.startsWith('a.count'))).toEqual(['a.count_other']);
  });
});

it('finds at least the common namespace in English', () => {
  expect(namespaces).toContain('common');
});

describe.each(namespaces)('namespace %s', (ns) => {
  const english = readLocale('en', ns);

  describe.each(LANGUAGES)('in %s', (lng) => {
    const locale = readLocale(lng, ns);

    it('exists and holds only strings', () => {
      expect(locale, `locales/${lng}/${ns}.json is missing`).not.toBeNull();
      expect(locale?.bad ?? [], 'values that are not strings').toEqual([]);
    });

    it('has exactly the keys of English (plural forms per CLDR)', () => {
      if (!english || !locale) throw new Error(`locales/${lng}/${ns}.json or its English original is missing`);
      expect(keyDifferences(english.flat, locale.flat, lng)).toEqual({ missing: [], extra: [] });
    });

    it('has no empty string', () => {
      const empty = [...(locale?.flat ?? new Map<string, string>()).entries()].filter(([, v]) => v.trim() === '').map(([k]) => k);
      expect(empty).toEqual([]);
    });

    it('uses the same {{placeholders}} as English', () => {
      if (!english || !locale) throw new Error('missing file');
      const mismatched: string[] = [];
      for (const [key, text] of locale.flat) {
        const originals = englishFor(english.flat, key);
        if (originals.length === 0) continue;
        // A plural form may spell its number out ("تقييمان", "one item"), so only {{count}} may be absent.
        const strip = (names: string[]) => (PLURAL.test(key) ? names.filter((n) => n !== 'count') : names);
        const want = strip(placeholders(originals[originals.length - 1] ?? '')).join(',');
        if (strip(placeholders(text)).join(',') !== want) mismatched.push(`${key}: "${text}"`);
      }
      expect(mismatched).toEqual([]);
    });

    if (lng === 'en') return;
    it('is translated (nothing left identical to English without a listed reason)', () => {
      if (!english || !locale) throw new Error('missing file');
      const identical = [...locale.flat.entries()]
        .filter(([key, text]) => hasLetters(text) && englishFor(english.flat, key).includes(text))
        .filter(([key]) => !allowed(ns, key, lng))
        .map(([key, text]) => `${key}: "${text}"`);
      expect(identical).toEqual([]);
    });
  });
});
