import { countEntries, isAnswered } from './answer-presence';
import type { RuleNode } from './rules-parser';

/** What a rule can see: the answers so far, and the item whose rule it is (for id-less calls). */
export interface RuleContext {
  answers: Readonly<Record<string, unknown>>;
  currentItemId?: string;
}

type Value = unknown;

/** false, null, 0, '' and empty lists are false; everything else true. */
export function truthy(v: Value): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

function field(obj: Value, name: string): Value {
  // Only own data properties of plain JSON objects: nothing from a prototype is ever reachable.
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return null;
  return Object.prototype.hasOwnProperty.call(obj, name) ? (obj as Record<string, unknown>)[name] ?? null : null;
}

function equal(a: Value, b: Value): boolean {
  const na = a === undefined ? null : a;
  const nb = b === undefined ? null : b;
  if (typeof na !== 'object' || typeof nb !== 'object' || na === null || nb === null) return na === nb;
  return JSON.stringify(na) === JSON.stringify(nb);
}

function order(op: string, a: Value, b: Value): boolean {
  const comparable = (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
  if (!comparable) return false;
  const x = a as number | string;
  const y = b as number | string;
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    default:
      return x >= y;
  }
}

/** Evaluate a parsed rule. Total: unanswered items read as null, never an exception. */
export function evaluateNode(node: RuleNode, ctx: RuleContext): Value {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'list':
      return node.items.map((n) => evaluateNode(n, ctx));
    case 'call': {
      const id = node.itemId ?? ctx.currentItemId;
      const raw = id !== undefined && Object.prototype.hasOwnProperty.call(ctx.answers, id) ? ctx.answers[id] : null;
      if (node.name === 'answered') return isAnswered(raw);
      if (node.name === 'count') return countEntries(raw);
      if (node.name === 'value' && node.field !== null) return field(raw, node.field);
      return raw ?? null;
    }
    case 'member':
      return field(evaluateNode(node.object, ctx), node.field);
    case 'not':
      return !truthy(evaluateNode(node.operand, ctx));
    case 'negate': {
      const v = evaluateNode(node.operand, ctx);
      return typeof v === 'number' ? -v : null;
    }
    case 'logic': {
      const left = truthy(evaluateNode(node.left, ctx));
      if (node.op === 'and') return left && truthy(evaluateNode(node.right, ctx));
      return left || truthy(evaluateNode(node.right, ctx));
    }
    case 'compare': {
      const a = evaluateNode(node.left, ctx);
      const b = evaluateNode(node.right, ctx);
      if (node.op === '==') return equal(a, b);
      if (node.op === '!=') return !equal(a, b);
      return order(node.op, a, b);
    }
    case 'in': {
      const a = evaluateNode(node.left, ctx);
      const b = evaluateNode(node.right, ctx);
      // A list on the left (multiple choice) is "in" when any of its entries is.
      const hit = Array.isArray(b) && (Array.isArray(a) ? a.some((x) => b.some((y) => equal(x, y))) : b.some((y) => equal(a, y)));
      return node.negated ? !hit : hit;
    }
  }
}
