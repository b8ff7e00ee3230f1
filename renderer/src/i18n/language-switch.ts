import type { Language } from '../../../core/i18n/languages';
import { createLogger } from '../log';

const log = createLogger('language-switch');

type Preparer = (language: Language) => Promise<unknown>;
const preparers = new Set<Preparer>();

/**
 * Run `prepare` before the interface switches language (e.g. fetch the open pack's texts in it),
 * so the switch shows the new language at once. Returns the way to stop.
 */
export function onLanguageSwitch(prepare: Preparer): () => void {
  preparers.add(prepare);
  return () => void preparers.delete(prepare);
}

/** Everything registered, for `language`; a failure only means that part shows English a moment longer. */
export async function prepareLanguage(language: Language): Promise<void> {
  await Promise.all(
    [...preparers].map((prepare) =>
      prepare(language).catch((err: unknown) => log.warn(`preparing ${language} failed`, err instanceof Error ? err.message : err)),
    ),
  );
}
