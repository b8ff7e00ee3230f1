import { z } from 'zod';
import type { BackendModule } from 'i18next';
import { isLanguage, type Language } from '../../../core/i18n/languages';
import { createLogger } from '../log';
import { NAMESPACES, readLocaleFile } from './locale-files';

const log = createLogger('i18n-resources');

type Tree = { [key: string]: string | Tree };
const TreeSchema: z.ZodType<Tree> = z.lazy(() => z.record(z.string(), z.union([z.string(), TreeSchema])));

/** The namespace every screen uses unless it names another one. */
export const DEFAULT_NAMESPACE = 'common';

/** Every namespace the app has (the default one even without a file). */
export const namespaces = (): string[] => [...new Set([DEFAULT_NAMESPACE, ...NAMESPACES])];

/**
 * One `locales/<language>/<namespace>.json`, checked. A file that is not a tree of strings (or cannot
 * be loaded) is skipped with a log line rather than breaking the whole interface.
 */
export async function loadNamespace(language: Language, namespace: string): Promise<Tree | null> {
  let content: unknown;
  try {
    content = await readLocaleFile(language, namespace);
  } catch (err) {
    log.error(`cannot load ${language}/${namespace}`, err instanceof Error ? err.message : err);
    return null;
  }
  if (content === undefined) return null;
  const parsed = TreeSchema.safeParse(content);
  if (!parsed.success) {
    log.error(`skipping ${language}/${namespace}.json: not a tree of strings`);
    return null;
  }
  return parsed.data;
}

/** All namespaces of one language, as an i18next resource bundle per namespace. */
export async function loadLanguage(language: Language): Promise<Record<string, Tree>> {
  const trees = await Promise.all(namespaces().map(async (ns) => [ns, await loadNamespace(language, ns)] as const));
  const bundle: Record<string, Tree> = {};
  for (const [ns, tree] of trees) if (tree) bundle[ns] = tree;
  return bundle;
}

/** i18next reads a language it has not got yet (a switch) from the bundled files. */
export const bundledBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    if (!isLanguage(language)) return callback(null, {});
    loadNamespace(language, namespace).then(
      (tree) => callback(null, tree ?? {}),
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), false),
    );
  },
};
