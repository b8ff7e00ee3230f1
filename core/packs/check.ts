/**
 * `scsa pack check`: everything that can be wrong with a pack before the secretariat signs it,
 * listed rather than stopping at the first problem: size and item limits, the schema, rules that
 * do not parse or name unknown items, the six languages and every translation gap, and migrations
 * (loops, dead ends, targets that are not items). Warnings name what is legal but worth a look.
 */
import type { z } from 'zod';
import { AppError } from '../errors';
import { formatIssuePath } from '../checklist/issues';
import { findTranslationGaps } from '../checklist/localized';
import { checkMigrations, migrationPath } from '../checklist/migration-chain';
import { checkPackBytes, checkPackItemCount } from '../checklist/pack-limits';
import { checkRuleReferences, compileRule, rulesOf } from '../checklist/rules';
import { LenientPackSchema, type ChecklistItem, type ChecklistPack } from '../checklist/schema';
import type { LoadedPack } from '../checklist/load';
import type { PackReference } from '../checklist/registry';
import { LANGUAGES } from '../i18n/languages';
import { fateOf } from '../revisions/item-map';

/** One finding; `code` is an i18n key (`packs:check.*` or `packs:errors.*`). */
export interface CheckFinding {
  severity: 'error' | 'warning';
  code: string;
  params: Record<string, string | number>;
}

export interface PackCheckReport {
  /** What the pack is, when it could be read that far. */
  pack: { id: string; version: string; sections: number; items: number; rules: number; migrations: number } | null;
  findings: CheckFinding[];
  /** No error (warnings allowed). */
  ok: boolean;
}

/** Most schema problems listed one by one; the rest are counted. */
const MAX_LISTED = 50;

const error = (code: string, params: Record<string, string | number> = {}): CheckFinding => ({ severity: 'error', code, params });
const warning = (code: string, params: Record<string, string | number> = {}): CheckFinding => ({ severity: 'warning', code, params });

function limited(findings: CheckFinding[], code: string): CheckFinding[] {
  if (findings.length <= MAX_LISTED) return findings;
  return [...findings.slice(0, MAX_LISTED), { ...(findings[0] as CheckFinding), code, params: { count: findings.length - MAX_LISTED } }];
}

function schemaFindings(issues: readonly z.core.$ZodIssue[]): CheckFinding[] {
  return limited(
    issues.map((i) => error('packs:check.schema', { path: formatIssuePath(i.path) || '(root)', problem: i.message })),
    'packs:check.moreSchemaProblems',
  );
}

/**
 * Items of an earlier version the pack knows (the app carries or has installed it) that vanish in
 * this one without a migration entry, and items that keep their id while a step moves another onto it.
 */
function completenessWarnings(pack: ChecklistPack, items: ReadonlyMap<string, ChecklistItem>, findPack: (ref: PackReference) => LoadedPack | null): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const step of pack.migrations ?? []) {
    const earlier = findPack({ id: pack.id, version: step.from });
    const steps = migrationPath(pack, step.from);
    if (!earlier || !steps) continue;
    const landed = new Map<string, string>();
    const fates = [...earlier.items.keys()].map((id) => fateOf(steps, items, id));
    for (const fate of [...fates.filter((f) => f.explicit), ...fates.filter((f) => !f.explicit)]) {
      if (!fate.newId) {
        if (!fate.removed) out.push(warning('packs:check.itemVanishes', { from: step.from, itemId: fate.oldId }));
        continue;
      }
      const first = landed.get(fate.newId);
      if (first !== undefined) out.push(warning('packs:check.itemsCollide', { from: step.from, first, second: fate.oldId, target: fate.newId }));
      else landed.set(fate.newId, fate.oldId);
    }
  }
  return out;
}

/**
 * Check pack JSON text. `findPack` looks up earlier versions (the registry) for the completeness
 * warnings; without it they are skipped. Never throws for a problem of the pack.
 */
export function checkPackText(text: string, findPack: (ref: PackReference) => LoadedPack | null = () => null): PackCheckReport {
  const findings: CheckFinding[] = [];
  const done = (pack: PackCheckReport['pack']): PackCheckReport => ({ pack, findings, ok: !findings.some((f) => f.severity === 'error') });
  let raw: unknown;
  try {
    checkPackBytes(Buffer.byteLength(text));
    raw = JSON.parse(text);
    checkPackItemCount(raw);
  } catch (err) {
    findings.push(err instanceof AppError ? error(err.code, err.params ?? {}) : error('drafts:errors.packNotJson'));
    return done(null);
  }
  const parsed = LenientPackSchema.safeParse(raw);
  if (!parsed.success) {
    findings.push(...schemaFindings(parsed.error.issues));
    return done(null);
  }
  const pack = parsed.data as ChecklistPack;
  const items = new Map(pack.sections.flatMap((s) => s.items.map((i) => [i.id, i] as const)));
  const rules = rulesOf(pack);
  const summary = { id: pack.id, version: pack.version, sections: pack.sections.length, items: items.size, rules: rules.length, migrations: (pack.migrations ?? []).length };

  let parseable = true;
  for (const r of rules) {
    try {
      compileRule(r.source);
    } catch (err) {
      parseable = false;
      const params = err instanceof AppError ? (err.params ?? {}) : {};
      findings.push(error('drafts:errors.packRuleSyntax', { path: r.path, position: params.position ?? 0, problem: params.problem ?? 'syntax', rule: r.source }));
    }
  }
  if (parseable) for (const p of checkRuleReferences(pack)) findings.push(error('drafts:errors.packUnknownReference', { path: p.path, itemId: p.unknownItemId }));

  for (const language of LANGUAGES) if (!pack.languages.includes(language)) findings.push(error('packs:check.languageMissing', { language }));
  findings.push(...limited(findTranslationGaps(pack).map((path) => error('packs:check.translationGap', { path })), 'packs:check.moreTranslationGaps'));

  for (const p of checkMigrations(pack)) findings.push(error(`packs:errors.${p.code}`, { path: p.path, ...p.params }));
  if (!findings.some((f) => /^packs:errors\.migration/.test(f.code))) findings.push(...completenessWarnings(pack, items, findPack));
  return done(summary);
}
