// Every error message of every namespace, rendered in the six languages with the params the code
// gives it (or, for a key the code builds at run time, the params its English text documents), as
// the app and the command line render them: no literal `{{path}}` may be left for a user to read.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../../core/i18n/languages';
import { createTranslator } from '../../../cli/i18n';
import { shownText } from '../../../renderer/src/i18n/shown-text';
import { CATALOGUE, ROOT, allKeys, isPlural, placeholdersOf } from './catalogue';
import { NAMESPACES, scanKeys } from './key-scanner';

/** Error messages: any `errors` subtree, a bundle's reasons (`bundle:verify.*`), the CLI's file reasons. */
const ERROR_KEYS = allKeys().filter((k) => /(^|[:.])errors\./.test(k) || k.startsWith('bundle:verify.') || k.startsWith('cli:validate.damaged.'));

/** For each key, the param sets the code gives it; a key only ever built at run time gets its placeholders. */
function paramSets(): Map<string, Set<string>[]> {
  const sets = new Map<string, Set<string>[]>();
  for (const use of scanKeys(ROOT, ['core', 'cli', 'electron', 'web-host', 'renderer/src']).uses) {
    const given = use.given;
    if (typeof use.key !== 'string' || !given || given.open) continue;
    const list = sets.get(use.key) ?? [];
    if (!list.some((s) => [...s].sort().join() === [...given.names].sort().join())) list.push(new Set(given.names));
    sets.set(use.key, list);
  }
  for (const key of ERROR_KEYS) if (!sets.has(key)) sets.set(key, [placeholdersOf(key)]);
  return sets;
}

/** The app's i18next set-up: every namespace, values through the screen's sanitiser. */
function appTranslator(lng: Language) {
  const instance = i18next.createInstance();
  const resources = Object.fromEntries(
    LANGUAGES.map((l) => [l, Object.fromEntries(NAMESPACES.map((ns) => [ns, nestedOf(l, ns)]))]),
  );
  void instance.init({ lng, fallbackLng: 'en', resources, ns: [...NAMESPACES], defaultNS: 'common', initAsync: false, returnEmptyString: false, interpolation: { escapeValue: true, escape: shownText } });
  return instance.t;
}

function nestedOf(lng: Language, ns: string): Record<string, unknown> {
  const tree: Record<string, unknown> = {};
  for (const [key, text] of CATALOGUE.get(lng) ?? []) {
    if (!key.startsWith(`${ns}:`)) continue;
    const parts = key.slice(ns.length + 1).split('.');
    let node = tree;
    for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1] as string] = text;
  }
  return tree;
}

const valueFor = (name: string) => (name === 'count' ? 3 : `‹${name}›`);

describe('error messages rendered in six languages', () => {
  const sets = paramSets();

  it('covers every namespace that has errors', () => {
    expect(ERROR_KEYS.length).toBeGreaterThan(120);
    // Every namespace whose English file holds an `errors` part is rendered here.
    const withErrors = NAMESPACES.filter((ns) => JSON.stringify(nestedOf('en', ns)).includes('"errors":'));
    expect(withErrors.length).toBeGreaterThanOrEqual(7);
    expect(new Set(ERROR_KEYS.map((k) => k.split(':')[0]))).toEqual(new Set([...withErrors, 'common']));
  });

  it.each(LANGUAGES.map((l) => [l]))('%s: no placeholder is left unfilled, every param given is shown', (lng) => {
    const app = appTranslator(lng);
    const cli = createTranslator(lng);
    const problems: string[] = [];
    for (const key of ERROR_KEYS) {
      for (const names of sets.get(key) ?? []) {
        const params: Record<string, string | number> = Object.fromEntries([...names].map((n) => [n, valueFor(n)]));
        if (isPlural(key)) params.count ??= 3;
        const texts = [app(key, params)];
        if (/^(cli|bundle|drafts|analysis|secretariat):/.test(key)) texts.push(cli(key, params));
        for (const text of texts) {
          if (/\{\{|\}\}|\$t\(/.test(text) || text === key || text === key.split(':')[1]) problems.push(`${key} → ${text}`);
          for (const n of placeholdersOf(key)) if (names.has(n) && n !== 'count' && !text.includes(String(valueFor(n)))) problems.push(`${key} drops ${n}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('a value that is already a message (`{{- reason}}`) is not escaped twice, a value from a file is', () => {
    const cli = createTranslator('ar');
    const reason = cli('bundle:verify.unsafePath', { path: 'a\u202Eb' });
    expect(reason).toContain('a\\u202eb');
    expect(cli('bundle:cli.invalid', { reason })).toContain(reason);
  });
});
