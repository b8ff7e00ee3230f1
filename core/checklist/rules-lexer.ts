import { AppError } from '../errors';

export type TokenKind = 'number' | 'string' | 'ident' | 'op' | 'punct' | 'end';
export interface Token {
  kind: TokenKind;
  text: string;
  /** Parsed value for number and string tokens. */
  value?: string | number;
  /** 0-based offset of the token's first character in the rule. */
  pos: number;
}

/** A rule that cannot be read; `params.position` is the 0-based character offset of the problem. */
export function ruleSyntaxError(rule: string, position: number, problem: string): AppError {
  return new AppError('drafts:errors.ruleSyntax', { rule, position, problem });
}

const OPERATORS = ['==', '!=', '<=', '>=', '<', '>'];
const PUNCT = '()[],.';

/** Split a rule into tokens. Only the characters of the documented grammar are accepted. */
export function tokenize(rule: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < rule.length) {
    const ch = rule[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (/[0-9]/.test(ch)) {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(rule.slice(i)) as RegExpExecArray;
      i += m[0].length;
      if (i < rule.length && /[A-Za-z_]/.test(rule[i] as string)) throw ruleSyntaxError(rule, i, 'badNumber');
      tokens.push({ kind: 'number', text: m[0], value: Number(m[0]), pos: start });
      continue;
    }
    if (ch === "'" || ch === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= rule.length) throw ruleSyntaxError(rule, start, 'unterminatedString');
        const c = rule[i] as string;
        if (c === '\\') {
          const next = rule[i + 1];
          if (next !== ch && next !== '\\') throw ruleSyntaxError(rule, i, 'badEscape');
          value += next;
          i += 2;
          continue;
        }
        i++;
        if (c === ch) break;
        value += c;
      }
      tokens.push({ kind: 'string', text: rule.slice(start, i), value, pos: start });
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rule.slice(i)) as RegExpExecArray;
      i += m[0].length;
      tokens.push({ kind: 'ident', text: m[0], pos: start });
      continue;
    }
    const op = OPERATORS.find((o) => rule.startsWith(o, i));
    if (op) {
      i += op.length;
      tokens.push({ kind: 'op', text: op, pos: start });
      continue;
    }
    if (PUNCT.includes(ch) || ch === '-') {
      i++;
      tokens.push({ kind: 'punct', text: ch, pos: start });
      continue;
    }
    throw ruleSyntaxError(rule, i, 'unexpectedCharacter');
  }
  tokens.push({ kind: 'end', text: '', pos: rule.length });
  return tokens;
}
