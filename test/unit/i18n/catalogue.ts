/** The locale files as the tests read them: one flat map per language and namespace. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LANGUAGES, type Language } from '../../../core/i18n/languages';
import { NAMESPACES } from './key-scanner';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
const PLURAL = /_(zero|one|two|few|many|other)$/;
/** `{{name}}`, `{{- name}}` (a value that is already a message), `{{name, format}}`. */
const PLACEHOLDER = /\{\{-?\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g;

function flatten(tree: unknown, prefix: string, out: Map<string, string>): void {
  if (typeof tree === 'string') out.set(prefix, tree);
  else if (tree && typeof tree === 'object') for (const [k, v] of Object.entries(tree)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
}

/** `lng → "ns:key" → text`, every namespace of every language. */
export const CATALOGUE: ReadonlyMap<Language, ReadonlyMap<string, string>> = new Map(
  LANGUAGES.map((lng) => {
    const flat = new Map<string, string>();
    for (const ns of NAMESPACES) {
      const one = new Map<string, string>();
      flatten(JSON.parse(readFileSync(path.join(ROOT, 'locales', lng, `${ns}.json`), 'utf8')), '', one);
      for (const [k, v] of one) flat.set(`${ns}:${k}`, v);
    }
    return [lng, flat];
  }),
);

/** The texts a key stands for in one language: itself, or its plural forms. */
export function textsOf(lng: Language, key: string): string[] {
  const flat = CATALOGUE.get(lng) as ReadonlyMap<string, string>;
  const own = flat.get(key);
  if (own !== undefined) return [own];
  return [...flat.entries()].filter(([k]) => PLURAL.test(k) && k.replace(PLURAL, '') === key).map(([, v]) => v);
}

export const isPlural = (key: string) => (CATALOGUE.get('en') as ReadonlyMap<string, string>).has(key) === false && textsOf('en', key).length > 0;

/** Every placeholder a key's texts use, in any language. */
export function placeholdersOf(key: string): Set<string> {
  const names = new Set<string>();
  for (const lng of LANGUAGES) for (const text of textsOf(lng, key)) for (const m of text.matchAll(PLACEHOLDER)) names.add(m[1] as string);
  return names;
}

/** Every key of the catalogue (plural families by their base), in English. */
export function allKeys(): string[] {
  return [...new Set([...(CATALOGUE.get('en') as ReadonlyMap<string, string>).keys()].map((k) => k.replace(PLURAL, '')))];
}
