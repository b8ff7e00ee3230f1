import { AppError } from '../errors';
import { createLogger } from '../log';
import { findTranslationGaps } from './localized';
import { describeIssues } from './issues';

export { describeIssues, formatIssuePath } from './issues';
import { checkRuleReferences, compileRule, rulesOf } from './rules';
import { checkMigrations } from './migration-chain';
import { checkPackBytes, checkPackItemCount } from './pack-limits';
import { LenientPackSchema, PackSchema, type ChecklistItem, type ChecklistPack } from './schema';

const log = createLogger('checklist');

/**
 * `strict`: every text in all six languages (published packs).
 * `lenient`: English required; a missing translation is accepted, stored as '' and listed in
 * `translationGaps` so the UI can show the English text with a "translation missing" marker.
 */
export type PackLoadMode = 'strict' | 'lenient';

export interface LoadedPack {
  pack: ChecklistPack;
  /** Paths of missing translations, e.g. `sections[0].items[2].text.fr`; empty in strict mode. */
  translationGaps: string[];
  /** Items in pack order, by id. */
  items: ReadonlyMap<string, ChecklistItem>;
}

/**
 * Validate a parsed pack object and check its rules (every rule must parse and name existing items)
 * and its migrations (see migration-chain.ts). Throws AppError `packs:errors.tooManyItems`,
 * `drafts:errors.packInvalid` / `packRuleSyntax` / `packUnknownReference`, or `packs:errors.migration*`,
 * whose params name the problem path.
 */
export function loadPack(raw: unknown, mode: PackLoadMode = 'strict'): LoadedPack {
  checkPackItemCount(raw);
  const parsed = (mode === 'strict' ? PackSchema : LenientPackSchema).safeParse(raw);
  if (!parsed.success) {
    const params = describeIssues(parsed.error);
    log.warn(`checklist pack rejected at ${params.path}: ${params.problem}`);
    throw new AppError('drafts:errors.packInvalid', params);
  }
  const pack = parsed.data as ChecklistPack;
  for (const r of rulesOf(pack)) {
    try {
      compileRule(r.source);
    } catch (err) {
      const position = err instanceof AppError ? (err.params?.position ?? 0) : 0;
      const problem = err instanceof AppError ? (err.params?.problem ?? 'syntax') : 'syntax';
      throw new AppError('drafts:errors.packRuleSyntax', { path: r.path, position, problem, rule: r.source }, err);
    }
  }
  const unknown = checkRuleReferences(pack);
  if (unknown[0]) {
    throw new AppError('drafts:errors.packUnknownReference', { path: unknown[0].path, itemId: unknown[0].unknownItemId });
  }
  const migrationProblem = checkMigrations(pack)[0];
  if (migrationProblem) throw new AppError(`packs:errors.${migrationProblem.code}`, { path: migrationProblem.path, ...migrationProblem.params });
  const translationGaps = mode === 'lenient' ? findTranslationGaps(pack) : [];
  if (translationGaps.length > 0) log.warn(`checklist pack ${pack.id} ${pack.version}: ${translationGaps.length} missing translations`);
  const items = new Map(pack.sections.flatMap((s) => s.items.map((i) => [i.id, i] as const)));
  return { pack, translationGaps, items };
}

/** Parse pack JSON text, then `loadPack`. Throws `drafts:errors.packNotJson` for text that is not JSON, `packs:errors.packTooLarge` past the size limit. */
export function loadPackText(text: string, mode: PackLoadMode = 'strict'): LoadedPack {
  // A character is at least one byte: a text this long is at least this large.
  checkPackBytes(text.length);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new AppError('drafts:errors.packNotJson', undefined, err);
  }
  return loadPack(raw, mode);
}
