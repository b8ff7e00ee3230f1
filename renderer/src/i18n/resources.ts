/// <reference types="vite/client" />
import { z } from 'zod';
import type { Resource } from 'i18next';
import { isLanguage, type Language } from '../../../core/i18n/languages';
import { createLogger } from '../log';

const log = createLogger('i18n-resources');

type Tree = { [key: string]: string | Tree };
const TreeSchema: z.ZodType<Tree> = z.lazy(() => z.record(z.string(), z.union([z.string(), TreeSchema])));

// Bundled at build time: the app never fetches a translation, so it works with no network at all.
const files = import.meta.glob('../../../locales/*/*.json', { eager: true, import: 'default' });

/** The namespace every screen uses unless it names another one. */
export const DEFAULT_NAMESPACE = 'common';

function parsePath(file: string): { language: Language; namespace: string } | null {
  const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
  if (!match || !isLanguage(match[1])) return null;
  return { language: match[1], namespace: match[2] ?? '' };
}

/**
 * Every `locales/<lng>/<ns>.json` found at build time, as i18next resources. A file that is not a
 * tree of strings is skipped with a log line rather than breaking the whole interface.
 */
export function loadResources(): { resources: Resource; namespaces: string[] } {
  const resources: Resource = {};
  const namespaces = new Set<string>([DEFAULT_NAMESPACE]);
  for (const [file, content] of Object.entries(files)) {
    const where = parsePath(file);
    if (!where) continue;
    const parsed = TreeSchema.safeParse(content);
    if (!parsed.success) {
      log.error(`skipping ${file}: not a tree of strings`);
      continue;
    }
    resources[where.language] = { ...resources[where.language], [where.namespace]: parsed.data };
    namespaces.add(where.namespace);
  }
  return { resources, namespaces: [...namespaces] };
}
