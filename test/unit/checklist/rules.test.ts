import { describe, expect, it } from 'vitest';
import { compileRule, parseRule, checkRuleReferences, rulesOf } from '../../../core/checklist/rules';
import { loadSamplePack } from '../../../core/checklist/sample';
import { AppError } from '../../../core/errors';

const answers = {
  'B.1': 'partially',
  'B.4': 35,
  'A.3': ['academia', 'private_sector'],
  'A.4': false,
  'C.1': { status: 'not_implemented', measures: 'Municipal decree' },
  'C.2': [{ city: 'Nairobi' }, { city: 'Mombasa' }, { city: '' }],
  'A.1': '   ',
};
const test = (rule: string, currentItemId?: string) => compileRule(rule).test({ answers, currentItemId });

function syntaxError(rule: string): AppError {
  try {
    parseRule(rule);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error(`"${rule}" parsed, but should not`);
}

describe('rule language: evaluation', () => {
  it('reads a field of a compound answer and counts table rows', () => {
    expect(test("answer('C.1').status == 'not_implemented' and count('C.2') > 0")).toBe(true);
    expect(test("answer('C.1').status == 'fully' or count('C.2') > 5")).toBe(false);
    expect(test("value('C.1', 'measures') == 'Municipal decree'")).toBe(true);
  });

  it('counts only rows that hold something', () => {
    expect(compileRule("count('C.2')").evaluate({ answers })).toBe(2);
  });

  it('compares numbers, and treats a blank text as unanswered', () => {
    expect(test("value('B.4') >= 35 and value('B.4') < 35.5")).toBe(true);
    expect(test("value('B.4') != 35")).toBe(false);
    expect(test("answered('A.1')")).toBe(false);
    expect(test("not answered('A.1')")).toBe(true);
    expect(test("answered('Z.9')")).toBe(false);
  });

  it('supports in / not in over lists, including a multiple-choice answer on the left', () => {
    expect(test("value('B.1') in ['fully', 'partially']")).toBe(true);
    expect(test("value('B.1') not in ['fully', 'partially']")).toBe(false);
    expect(test("value('A.3') in ['academia']")).toBe(true);
    expect(test("value('A.3') in ['civil_society']")).toBe(false);
  });

  it('honours precedence: not > and > or, and parentheses', () => {
    expect(test('true or false and false')).toBe(true);
    expect(test('(true or false) and false')).toBe(false);
    expect(test('not false and false')).toBe(false);
    expect(test("not (value('A.4') == true)")).toBe(true);
  });

  it('evaluates id-less calls against the rule’s own item, and negative literals', () => {
    expect(test('value() > 30', 'B.4')).toBe(true);
    expect(test('value() > -1 and value() < 100', 'B.4')).toBe(true);
  });

  it('reads unanswered items as null rather than failing', () => {
    expect(test("answer('B.9').status == null")).toBe(true);
    expect(test("value('B.9') > 3")).toBe(false);
  });

  it('accepts both quote styles with escapes', () => {
    expect(compileRule(`'it\\'s' == "it's"`).test({ answers: {} })).toBe(true);
  });
});

describe('rule language: errors and safety', () => {
  it('reports the position of a syntax error', () => {
    const err = syntaxError("value('B.1') == ");
    expect(err.code).toBe('drafts:errors.ruleSyntax');
    expect(err.params?.position).toBe(16);
    expect(syntaxError("answered('B.1') and and").params?.position).toBe(20);
    expect(syntaxError("(value('B.1') == 'x'").params?.problem).toBe('expectedCloseParen');
    expect(syntaxError("value('B.1') == 'x").params?.position).toBe(16);
  });

  it('refuses anything that is not the grammar: no eval, no property walking, no unknown functions', () => {
    for (const hostile of [
      "constructor.constructor('x')()",
      "answer('B.1').constructor",
      "answer('B.1').__proto__",
      "value('B.1', '__proto__')",
      'process.exit(1)',
      'eval("1")',
      "answer('B.1')['status']",
      'value(`B.1`)',
      "value('B.1'); 1",
      "value(answer('B.1'))",
      '1 + 1',
    ]) {
      expect(() => parseRule(hostile), hostile).toThrow(AppError);
    }
    expect(syntaxError("constructor.constructor('x')()").params).toMatchObject({ position: 0, problem: 'unknownFunction' });
  });

  it('refuses absurdly deep nesting instead of overflowing the stack', () => {
    expect(syntaxError('('.repeat(500) + 'true' + ')'.repeat(500)).params?.problem).toBe('tooDeep');
  });

  it('lists the items a rule names', () => {
    expect(compileRule("answer('B.1').status == 'x' or count('C.2') > value('B.1')").references).toEqual(['B.1', 'C.2']);
  });
});

describe('rule references in a pack', () => {
  it('every rule of the sample pack parses and names existing items', () => {
    const { pack } = loadSamplePack();
    expect(rulesOf(pack).length).toBeGreaterThanOrEqual(4);
    expect(checkRuleReferences(pack)).toEqual([]);
  });

  it('names the rule and the unknown id', () => {
    const pack = structuredClone(loadSamplePack().pack);
    const item = pack.sections[1]?.items[1];
    if (!item) throw new Error('sample pack changed');
    item.relevance = "value('B.77') == 'x'";
    expect(checkRuleReferences(pack)).toEqual([{ path: 'sections[1].items[1].relevance', rule: "value('B.77') == 'x'", unknownItemId: 'B.77' }]);
  });
});
