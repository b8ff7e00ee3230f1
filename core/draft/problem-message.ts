/**
 * A validation problem as one sentence in a reader's language: the pack's own message for a broken
 * constraint, otherwise the `drafts:validation` message with its params, the pack texts it names
 * (column labels) taken in that language. The form, the completeness list, the command line and
 * the PDF all say it this way.
 */
import { localize, type LocalizedText } from '../checklist/localized';
import type { Language } from '../i18n/languages';

export interface ProblemLike {
  problem: string;
  messageKey: string;
  params: Record<string, string | number>;
  message?: LocalizedText | undefined;
  labels?: Record<string, LocalizedText> | undefined;
}

export type Translate = (key: string, params: Record<string, string | number>) => string;

export function problemMessage(p: ProblemLike, language: Language, t: Translate): string {
  if (p.problem === 'constraint' && p.message) return localize(p.message, language).text;
  const params = { ...p.params };
  for (const [name, text] of Object.entries(p.labels ?? {})) params[name] = localize(text, language).text;
  return t(p.messageKey, params);
}
