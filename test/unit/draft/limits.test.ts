// The bounds of a draft (core/draft/limits.ts) and the measure they stand on (core/json/bounds.ts):
// exact where the store relies on it, iterative where a hostile file would overflow a recursive walk.
import { describe, expect, it } from 'vitest';
import { depthWithin, jsonStringBytes, measureJson } from '../../../core/json/bounds';
import { MAX_ANSWER_BYTES, MAX_ANSWER_DEPTH, MAX_ANSWERS, MAX_DRAFT_BYTES, checkDraftSize } from '../../../core/draft/limits';
import { DraftSchema } from '../../../core/draft/schema';
import { migrateDraft } from '../../../core/draft/migrations/index';
import { parseDraftBytes, serializeDraft } from '../../../core/store/read';
import { checkEnteringAnswers } from '../../../core/draft/answer-structure';
import { findPack } from '../../../core/checklist/registry';
import { SAMPLE_PACK, amplifyingDraftText, baseDraft, draftTextWithAnswers, nested, nestedText, tooManyAnswersText } from '../../fixtures/hostile/corpus';

const prettyBytes = (v: unknown, level = 0) => {
  const text = JSON.stringify(v, null, 2);
  // At level L every line after the first is indented by 2L more, as inside a document.
  return Buffer.byteLength(text.replace(/\n/g, '\n' + ' '.repeat(2 * level)));
};

describe('measureJson', () => {
  const samples: unknown[] = [
    null,
    true,
    false,
    0,
    -0,
    1e21,
    -3.25,
    '',
    'plain',
    'quote " backslash \\ tab \t nl \n bell \u0007 del \u007f',
    'é ü ñ',
    'مرحبا 你好 😀',
    '\ud800 lone \udc00 surrogates',
    [],
    {},
    [1, [2, [3, []]], {}],
    { a: 1, 'b c': [true, null, 'x'], '\u0001': { d: {} }, 'é': ['😀'] },
    { 'A.1': { status: 'fully', assistanceTypes: ['other'] }, 'C.2': [{ city: 'Lyon', population: 522000 }, {}] },
  ];

  it.each(samples.map((s, i) => [i, s]))('sample %i: the exact UTF-8 size of JSON.stringify(v, null, 2), at any indent', (_i, value) => {
    for (const level of [0, 2, 5]) {
      const m = measureJson(value, { maxDepth: 100, level });
      expect(m).toEqual({ ok: true, depth: expect.any(Number) as number, bytes: prettyBytes(value, level) });
    }
    expect(jsonStringBytes('a"b')).toBe(Buffer.byteLength(JSON.stringify('a"b')));
  });

  it('counts depth as nesting of containers, and stops at the bound without recursing', () => {
    expect(measureJson('x', { maxDepth: 0 })).toMatchObject({ ok: true, depth: 0 });
    expect(measureJson(nested(3), { maxDepth: 3 })).toMatchObject({ ok: true, depth: 3 });
    expect(measureJson(nested(4), { maxDepth: 3 })).toEqual({ ok: false, problem: 'depth' });
    // A million levels: JSON.parse builds it, a recursive walk would overflow the stack.
    const deep = JSON.parse(nestedText(1_000_000)) as unknown;
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(measureJson(deep, { maxDepth: MAX_ANSWER_DEPTH })).toEqual({ ok: false, problem: 'depth' });
    expect(depthWithin(deep, 32)).toBe(false);
    expect(depthWithin({ a: [{ b: [] }] }, 4)).toBe(true);
    expect(depthWithin({ a: [{ b: [] }] }, 3)).toBe(false);
  });

  it('stops counting as soon as the size bound is crossed, and refuses what is not JSON', () => {
    expect(measureJson('x'.repeat(100), { maxDepth: 1, maxBytes: 50 })).toEqual({ ok: false, problem: 'bytes' });
    expect(measureJson([Number.NaN], { maxDepth: 5 })).toEqual({ ok: false, problem: 'notJson' });
    expect(measureJson({ a: undefined }, { maxDepth: 5 })).toEqual({ ok: false, problem: 'notJson' });
    expect(measureJson(new Date(0), { maxDepth: 5 })).toEqual({ ok: false, problem: 'notJson' });
  });
});

describe('a draft with hostile answers', () => {
  it('the 430 KB file nested 1,000 deep is refused as it is parsed, naming the first answer', () => {
    const text = amplifyingDraftText();
    expect(text.length).toBeGreaterThan(420 * 1024);
    const r = parseDraftBytes(Buffer.from(text));
    expect(r).toMatchObject({ ok: false, reason: 'schema', error: { code: 'drafts:errors.answerTooDeep', params: { itemId: 'Z.1', limit: MAX_ANSWER_DEPTH } } });
  });

  it('5,000 and 1,000,000 levels: a clear AppError, never a stack overflow', () => {
    for (const depth of [5000, 1_000_000]) {
      const r = parseDraftBytes(Buffer.from(draftTextWithAnswers([`"Z.9":${nestedText(depth)}`])));
      expect(r).toMatchObject({ ok: false, error: { code: 'drafts:errors.answerTooDeep', params: { itemId: 'Z.9' } } });
    }
    // Deep anywhere else in the document is refused just as early.
    const elsewhere = draftTextWithAnswers([]).replace('"changeLog":[]', `"changeLog":${nestedText(100_000)}`);
    expect(parseDraftBytes(Buffer.from(elsewhere))).toMatchObject({ ok: false, error: { code: 'drafts:errors.invalidDraft' } });
  });

  it('an answer at the depth bound is kept, one level more is refused', () => {
    const at = parseDraftBytes(Buffer.from(draftTextWithAnswers([`"Z.1":${nestedText(MAX_ANSWER_DEPTH)}`])));
    expect(at.ok).toBe(true);
    const over = parseDraftBytes(Buffer.from(draftTextWithAnswers([`"Z.1":${nestedText(MAX_ANSWER_DEPTH + 1)}`])));
    expect(over).toMatchObject({ ok: false, error: { code: 'drafts:errors.answerTooDeep' } });
  });

  it('too many answers, or one answer too large, are refused with the limit', () => {
    expect(parseDraftBytes(Buffer.from(tooManyAnswersText(MAX_ANSWERS)))).toMatchObject({ ok: true });
    expect(parseDraftBytes(Buffer.from(tooManyAnswersText(MAX_ANSWERS + 1)))).toMatchObject({
      ok: false,
      error: { code: 'drafts:errors.tooManyAnswers', params: { answers: MAX_ANSWERS + 1, limit: MAX_ANSWERS } },
    });
    const big = JSON.stringify('x'.repeat(MAX_ANSWER_BYTES));
    expect(parseDraftBytes(Buffer.from(draftTextWithAnswers([`"Z.1":${big}`])))).toMatchObject({
      ok: false,
      error: { code: 'drafts:errors.answerTooLarge', params: { itemId: 'Z.1', limit: MAX_ANSWER_BYTES / 2 ** 20 } },
    });
  });

  it('the schema itself bounds answers before its recursive JSON check, for every other caller', () => {
    const draft = { ...baseDraft(), answers: { 'Z.1': JSON.parse(nestedText(50_000)) as unknown } };
    const r = DraftSchema.safeParse(draft);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/nested more than 8 levels/);
    expect(() => migrateDraft(draft)).toThrow(expect.objectContaining({ code: 'drafts:errors.answerTooDeep' }));
  });

  it('a draft file larger than the bound is refused before it is ever written out', () => {
    const answers = Array.from({ length: 10 }, (_, i) => `"Z.${i}":${JSON.stringify('y'.repeat(MAX_ANSWER_BYTES - 100))}`);
    const r = parseDraftBytes(Buffer.from(draftTextWithAnswers(answers)));
    expect(r).toMatchObject({ ok: false, error: { code: 'drafts:errors.draftTooLarge', params: { limit: MAX_DRAFT_BYTES / 2 ** 20 } } });
  });

  it('a draft file of exactly the bound passes, one byte more does not: the measure is the file serializeDraft writes', () => {
    const answers: Record<string, string> = {};
    for (let i = 0; i < 8; i++) answers[`Z.${i}`] = 'y'.repeat(MAX_ANSWER_BYTES - 1000);
    answers['Z.8'] = '';
    const missing = MAX_DRAFT_BYTES - Buffer.byteLength(serializeDraft({ ...baseDraft(), answers }));
    answers['Z.8'] = 'y'.repeat(missing);
    const full = { ...baseDraft(), answers };
    const text = serializeDraft(full);
    expect(Buffer.byteLength(text)).toBe(MAX_DRAFT_BYTES);
    expect(() => checkDraftSize(full)).not.toThrow();
    expect(parseDraftBytes(Buffer.from(text))).toMatchObject({ ok: true });
    expect(() => checkDraftSize({ ...full, answers: { ...answers, 'Z.8': `${answers['Z.8']}y` } })).toThrow(
      expect.objectContaining({ code: 'drafts:errors.draftTooLarge' }),
    );
  });
});

describe('answers entering the app have their item’s structure', () => {
  const items = findPack(SAMPLE_PACK)?.items ?? null;

  it('accepts every shape the form sends, a number still being typed included', () => {
    expect(() =>
      checkEnteringAnswers(
        {
          'A.1': 'text',
          'A.2': '2024-05-17',
          'A.3': ['a', 'b'],
          'A.4': false,
          'B.1': 'partially',
          'B.4': '1e',
          'B.5': { status: 'fully', measures: 'm', assistanceNeeded: true, assistanceTypes: ['other'] },
          'C.2': [{ city: 'Lyon', population: 1, audit: true, adopted: null }],
          'Z.1': nested(MAX_ANSWER_DEPTH),
          'A.9': null,
        },
        items,
      ),
    ).not.toThrow();
  });

  it.each([
    ['A.1', ['a list for a text']],
    ['A.3', [['nested']]],
    ['A.4', 'yes'],
    ['B.5', { status: 'fully', extra: nested(5) }],
    ['C.2', [{ city: { deep: true } }]],
  ])('refuses %s with %j', (itemId, value) => {
    expect(() => checkEnteringAnswers({ [itemId]: value }, items)).toThrow(expect.objectContaining({ code: 'drafts:errors.answerShape', params: { itemId } }));
  });

  it('without the checklist, still checks the bounds', () => {
    expect(() => checkEnteringAnswers({ 'A.1': ['not text'] }, null)).not.toThrow();
    expect(() => checkEnteringAnswers({ 'A.1': nested(MAX_ANSWER_DEPTH + 1) }, null)).toThrow(expect.objectContaining({ code: 'drafts:errors.answerTooDeep' }));
  });
});
