/// <reference types="vite/client" />
import { isLanguage, type Language } from '../../../core/i18n/languages';

// Bundled at build time, one chunk per file, fetched only for the languages in use: the app never
// fetches a translation from the network, and a page in one language does not parse all six.
const files = import.meta.glob<unknown>('../../../locales/*/*.json', { import: 'default' });

const catalog = new Map<Language, Map<string, () => Promise<unknown>>>();
const namespaces = new Set<string>();
for (const [file, load] of Object.entries(files)) {
  const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
  if (!match || !isLanguage(match[1]) || !match[2]) continue;
  const namespace = match[2];
  namespaces.add(namespace);
  let own = catalog.get(match[1]);
  if (!own) catalog.set(match[1], (own = new Map()));
  own.set(namespace, load);
}

/** Every namespace found in `locales/<lng>/`. */
export const NAMESPACES: readonly string[] = [...namespaces].sort();

/** The raw content of `locales/<language>/<namespace>.json`, or undefined when there is no such file. */
export function readLocaleFile(language: Language, namespace: string): Promise<unknown> {
  const load = catalog.get(language)?.get(namespace);
  return load ? load() : Promise.resolve(undefined);
}

/** Start fetching a language's files (the entry calls this before the app's code has arrived). */
export function preloadLanguage(language: Language): void {
  for (const namespace of NAMESPACES) void readLocaleFile(language, namespace).catch(() => undefined);
}
