/**
 * The rule language of checklist packs: a small expression language for required, relevance (skip
 * logic) and constraint rules. It is tokenized, parsed and evaluated here — never by eval or
 * Function — and can only read answers. Grammar and semantics: docs/formats/checklist-pack.md.
 *
 *   answer('B.1').status == 'not_implemented' and count('C.2') > 0
 *   value('A.3') in ['yes', 'partly'] or not answered('A.4')
 */
import { parseRule, referencedItems, type RuleNode } from './rules-parser';
import { evaluateNode, truthy, type RuleContext } from './rules-eval';
import type { ChecklistPack } from './schema';

export type { RuleContext } from './rules-eval';
export type { RuleNode, RuleFunction } from './rules-parser';
export { parseRule } from './rules-parser';

export interface CompiledRule {
  source: string;
  tree: RuleNode;
  /** Item ids the rule names (id-less calls refer to the rule's own item and are not listed). */
  references: string[];
  /** The rule's result as a boolean (false, null, 0, '' and [] are false). */
  test(ctx: RuleContext): boolean;
  /** The raw value of the expression. */
  evaluate(ctx: RuleContext): unknown;
}

const cache = new Map<string, CompiledRule>();

/** Parse once and keep: packs repeat rules, and forms evaluate them on every change. */
export function compileRule(source: string): CompiledRule {
  const hit = cache.get(source);
  if (hit) return hit;
  const tree = parseRule(source);
  const compiled: CompiledRule = {
    source,
    tree,
    references: [...new Set(referencedItems(tree))],
    evaluate: (ctx) => evaluateNode(tree, ctx),
    test: (ctx) => truthy(evaluateNode(tree, ctx)),
  };
  if (cache.size > 5000) cache.clear();
  cache.set(source, compiled);
  return compiled;
}

export interface PackRule {
  /** Where the rule sits, e.g. `sections[1].items[3].constraints[0].rule`. */
  path: string;
  itemId: string;
  kind: 'required' | 'relevance' | 'constraint';
  source: string;
}

/** Every rule of a pack with its location. */
export function rulesOf(pack: ChecklistPack): PackRule[] {
  const out: PackRule[] = [];
  pack.sections.forEach((section, si) =>
    section.items.forEach((item, ii) => {
      const at = `sections[${si}].items[${ii}]`;
      if (typeof item.required === 'string') out.push({ path: `${at}.required`, itemId: item.id, kind: 'required', source: item.required });
      if (item.relevance) out.push({ path: `${at}.relevance`, itemId: item.id, kind: 'relevance', source: item.relevance });
      item.constraints.forEach((c, ci) =>
        out.push({ path: `${at}.constraints[${ci}].rule`, itemId: item.id, kind: 'constraint', source: c.rule }),
      );
    }),
  );
  return out;
}

export interface RuleReferenceProblem {
  path: string;
  rule: string;
  unknownItemId: string;
}

/** Rules naming item ids the pack does not have (rules must parse; see loadPack). */
export function checkRuleReferences(pack: ChecklistPack): RuleReferenceProblem[] {
  const ids = new Set(pack.sections.flatMap((s) => s.items.map((i) => i.id)));
  return rulesOf(pack).flatMap((r) =>
    compileRule(r.source)
      .references.filter((id) => !ids.has(id))
      .map((unknownItemId) => ({ path: r.path, rule: r.source, unknownItemId })),
  );
}
