import { directionOf, type Language } from '../../../core/i18n/languages';

/**
 * Point the page at a language: `lang` picks fonts and hyphenation (CSS `:lang()`), `dir` flips the
 * whole layout through logical properties, and the title follows so the window/tab is translated.
 */
export function applyDocumentLanguage(language: Language, title: string, doc: Document = document): void {
  const root = doc.documentElement;
  root.lang = language;
  root.dir = directionOf(language);
  doc.title = title;
}
