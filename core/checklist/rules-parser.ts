import { tokenize, ruleSyntaxError, type Token } from './rules-lexer';

export type RuleFunction = 'answer' | 'value' | 'answered' | 'count';
export const RULE_FUNCTIONS: readonly RuleFunction[] = ['answer', 'value', 'answered', 'count'];
export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

/** Syntax tree of a rule. Every node keeps the offset it starts at, for messages. */
export type RuleNode =
  | { kind: 'literal'; value: string | number | boolean | null; pos: number }
  | { kind: 'list'; items: RuleNode[]; pos: number }
  | { kind: 'call'; name: RuleFunction; itemId: string | null; field: string | null; pos: number }
  | { kind: 'member'; object: RuleNode; field: string; pos: number }
  | { kind: 'not'; operand: RuleNode; pos: number }
  | { kind: 'negate'; operand: RuleNode; pos: number }
  | { kind: 'logic'; op: 'and' | 'or'; left: RuleNode; right: RuleNode; pos: number }
  | { kind: 'compare'; op: CompareOp; left: RuleNode; right: RuleNode; pos: number }
  | { kind: 'in'; negated: boolean; left: RuleNode; right: RuleNode; pos: number };

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'true', 'false', 'null']);
/** Field names that could reach into object machinery are refused outright. */
const FORBIDDEN_FIELDS = new Set(['__proto__', 'prototype', 'constructor']);
const MAX_DEPTH = 64;

/**
 * Parse a rule into a tree. Grammar (lowest precedence first):
 *   or := and ('or' and)* ; and := not ('and' not)* ; not := 'not' not | cmp
 *   cmp := unary (('=='|'!='|'<'|'<='|'>'|'>=') unary | 'not'? 'in' unary)?
 *   unary := '-' unary | postfix ; postfix := primary ('.' ident)*
 *   primary := number | string | true | false | null | '[' list ']' | '(' or ')' | fn '(' args ')'
 * Throws an AppError `drafts:errors.ruleSyntax` with the 0-based position of the problem.
 */
export function parseRule(rule: string): RuleNode {
  const tokens = tokenize(rule);
  let at = 0;
  let depth = 0;
  const peek = (): Token => tokens[at] as Token;
  const next = (): Token => tokens[at++] as Token;
  const fail = (problem: string, tok: Token = peek()): never => {
    throw ruleSyntaxError(rule, tok.pos, problem);
  };
  const isWord = (word: string) => peek().kind === 'ident' && peek().text === word;
  const isPunct = (p: string) => peek().kind === 'punct' && peek().text === p;
  const expectPunct = (p: string, problem: string) => {
    if (!isPunct(p)) fail(problem);
    next();
  };
  const nested = <T>(f: () => T): T => {
    if (++depth > MAX_DEPTH) fail('tooDeep');
    try {
      return f();
    } finally {
      depth--;
    }
  };

  const parseOr = (): RuleNode =>
    nested(() => {
      let left = parseAnd();
      while (isWord('or')) {
        const pos = next().pos;
        left = { kind: 'logic', op: 'or', left, right: parseAnd(), pos };
      }
      return left;
    });
  const parseAnd = (): RuleNode => {
    let left = parseNot();
    while (isWord('and')) {
      const pos = next().pos;
      left = { kind: 'logic', op: 'and', left, right: parseNot(), pos };
    }
    return left;
  };
  const parseNot = (): RuleNode => {
    if (isWord('not')) {
      const pos = next().pos;
      return nested(() => ({ kind: 'not', operand: parseNot(), pos }));
    }
    return parseCompare();
  };
  const parseCompare = (): RuleNode => {
    const left = parseUnary();
    const tok = peek();
    if (tok.kind === 'op') {
      next();
      return { kind: 'compare', op: tok.text as CompareOp, left, right: parseUnary(), pos: tok.pos };
    }
    if (isWord('in') || (isWord('not') && tokens[at + 1]?.kind === 'ident' && tokens[at + 1]?.text === 'in')) {
      const negated = isWord('not');
      if (negated) next();
      next();
      return { kind: 'in', negated, left, right: parseUnary(), pos: tok.pos };
    }
    return left;
  };
  const parseUnary = (): RuleNode => {
    if (isPunct('-')) {
      const pos = next().pos;
      return nested(() => ({ kind: 'negate', operand: parseUnary(), pos }));
    }
    let node = parsePrimary();
    while (isPunct('.')) {
      const dot = next();
      const name = peek();
      if (name.kind !== 'ident' || KEYWORDS.has(name.text)) fail('expectedField');
      if (FORBIDDEN_FIELDS.has(name.text)) fail('forbiddenField', name);
      next();
      node = { kind: 'member', object: node, field: name.text, pos: dot.pos };
    }
    return node;
  };
  const parsePrimary = (): RuleNode => {
    const tok = peek();
    if (tok.kind === 'number' || tok.kind === 'string') {
      next();
      return { kind: 'literal', value: tok.value as string | number, pos: tok.pos };
    }
    if (tok.kind === 'punct' && tok.text === '(') {
      next();
      const inner = parseOr();
      expectPunct(')', 'expectedCloseParen');
      return inner;
    }
    if (tok.kind === 'punct' && tok.text === '[') {
      next();
      const items: RuleNode[] = [];
      if (!isPunct(']')) {
        items.push(parseOr());
        while (isPunct(',')) {
          next();
          items.push(parseOr());
        }
      }
      expectPunct(']', 'expectedCloseBracket');
      return { kind: 'list', items, pos: tok.pos };
    }
    if (tok.kind === 'ident') {
      if (tok.text === 'true' || tok.text === 'false') {
        next();
        return { kind: 'literal', value: tok.text === 'true', pos: tok.pos };
      }
      if (tok.text === 'null') {
        next();
        return { kind: 'literal', value: null, pos: tok.pos };
      }
      if (!(RULE_FUNCTIONS as readonly string[]).includes(tok.text)) fail('unknownFunction');
      return parseCall();
    }
    return fail(tok.kind === 'end' ? 'unexpectedEnd' : 'unexpectedToken');
  };
  const parseCall = (): RuleNode => {
    const name = next();
    expectPunct('(', 'expectedOpenParen');
    const args: Token[] = [];
    while (!isPunct(')')) {
      if (args.length > 0) expectPunct(',', 'expectedComma');
      if (peek().kind !== 'string') fail('expectedStringArgument');
      args.push(next());
    }
    next();
    const fn = name.text as RuleFunction;
    const maxArgs = fn === 'value' ? 2 : 1;
    if (args.length > maxArgs) throw ruleSyntaxError(rule, (args[maxArgs] as Token).pos, 'tooManyArguments');
    const [id, field] = args;
    if (field && FORBIDDEN_FIELDS.has(field.value as string)) throw ruleSyntaxError(rule, field.pos, 'forbiddenField');
    return { kind: 'call', name: fn, itemId: (id?.value as string) ?? null, field: (field?.value as string) ?? null, pos: name.pos };
  };

  const tree = parseOr();
  if (peek().kind !== 'end') fail('unexpectedToken');
  return tree;
}

/** Every item id a rule names, for the reference check. */
export function referencedItems(node: RuleNode): string[] {
  switch (node.kind) {
    case 'call':
      return node.itemId ? [node.itemId] : [];
    case 'list':
      return node.items.flatMap(referencedItems);
    case 'member':
      return referencedItems(node.object);
    case 'not':
    case 'negate':
      return referencedItems(node.operand);
    case 'logic':
    case 'compare':
    case 'in':
      return [...referencedItems(node.left), ...referencedItems(node.right)];
    case 'literal':
      return [];
  }
}
