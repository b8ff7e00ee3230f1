// Word-level differences of answers in any of the six languages, as the compare view and scsa diff show them.
import { describe, expect, it } from 'vitest';
import saclPack from '../../../core/checklist/packs/safer-cities-sacl.pack.json';
import { diffSequences, diffText, wordTokens, type TextPart } from '../../../core/diff';

const side = (parts: TextPart[], which: 'before' | 'after') => parts.filter((p) => p.op === 'equal' || p.op === (which === 'before' ? 'delete' : 'insert')).map((p) => p.text).join('');
const changes = (parts: TextPart[]) => parts.filter((p) => p.op !== 'equal').map((p) => `${p.op === 'delete' ? '-' : '+'}${p.text}`);

describe('diffText', () => {
  it('marks the words added and replaced in an English sentence, keeping the rest', () => {
    const parts = diffText('The ministry adopted a national strategy in 2019.', 'The ministry adopted a new national strategy in 2021.');
    expect(changes(parts)).toEqual(['+new ', '-2019', '+2021']);
  });

  it('compares Arabic word by word (whole words, never letters cut from a word)', () => {
    const before = 'اعتمدت الحكومة استراتيجية وطنية للسلامة الحضرية في عام 2019.';
    const after = 'اعتمدت الحكومة استراتيجية وطنية جديدة للسلامة الحضرية في عام 2023.';
    const parts = diffText(before, after);
    expect(changes(parts)).toEqual(['+جديدة ', '-2019', '+2023']);
    expect(side(parts, 'before')).toBe(before);
    expect(side(parts, 'after')).toBe(after);
  });

  it('keeps Arabic diacritics with their letter when only a mark changes', () => {
    const parts = diffText('تم اعتماد الخطة', 'تمّ اعتماد الخطة');
    expect(changes(parts)).toEqual(['-تم', '+تمّ']);
  });

  it('cuts Chinese (no spaces) into words, not whole sentences', () => {
    const parts = diffText('负责协调本次自评的部委', '负责协调本次自评的机构');
    expect(changes(parts)).toEqual(['-部委', '+机构']);
  });

  it('handles Cyrillic, emoji and text that only grows or only shrinks', () => {
    expect(changes(diffText('Стратегия принята.', 'Стратегия принята в 2020 году.'))).toEqual(['+ в 2020 году']);
    expect(changes(diffText('ok 👍🏽 done', 'ok 👍🏿 done'))).toEqual(['-👍🏽', '+👍🏿']);
    expect(diffText('', 'new text')).toEqual([{ op: 'insert', text: 'new text' }]);
    expect(diffText('old text', '')).toEqual([{ op: 'delete', text: 'old text' }]);
    expect(diffText('same', 'same')).toEqual([{ op: 'equal', text: 'same' }]);
    expect(diffText('', '')).toEqual([]);
  });

  it('groups a change of several words into one deletion and one insertion', () => {
    expect(changes(diffText('we plan to act soon', 'we decided and acted soon'))).toEqual(['-plan to act', '+decided and acted']);
  });

  it('gives back both texts exactly, for long texts with a change in the middle', () => {
    const words = Array.from({ length: 400 }, (_, i) => `كلمة${i}`);
    const before = words.join(' ');
    const after = [...words.slice(0, 200), 'مضافة', ...words.slice(200, 300), ...words.slice(301)].join(' ');
    const parts = diffText(before, after);
    expect(side(parts, 'before')).toBe(before);
    expect(side(parts, 'after')).toBe(after);
    expect(parts.filter((p) => p.op !== 'equal').map((p) => [p.op, p.text.trim()])).toEqual([
      ['insert', 'مضافة'],
      ['delete', 'كلمة300'],
    ]);
  });

  it('cuts words exactly where Intl.Segmenter (UAX #29) does, in every language of the checklist', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
    const texts = saclPack.sections.flatMap((s) => s.items.flatMap((i) => [i.text, (i as { guidance?: Record<string, string> }).guidance].flatMap((t) => (t ? Object.values(t) : []))));
    texts.push("l'État, the city's 1,000.5 people: e.g. example.org — Ф.И.О. ٣٫٥ م.", 'one  two\tthree');
    expect(texts.length).toBeGreaterThan(500);
    const differ = texts.filter((t) => wordTokens(t).join('|') !== [...segmenter.segment(t)].map((x) => x.segment).join('|'));
    expect(differ).toEqual([]);
  });

  it('tokenises on word boundaries and joins back to the text', () => {
    const text = 'Nairobi, Mombasa — 2019: الأمن الحضري؛ 城市安全。';
    expect(wordTokens(text).join('')).toBe(text);
    expect(wordTokens(text)).toContain('Nairobi');
    expect(wordTokens(text)).toContain('الحضري');
  });
});

describe('diffSequences', () => {
  it('finds the shortest edit between two sequences', () => {
    const runs = diffSequences([1, 2, 3, 4, 5], [1, 3, 4, 6, 5]);
    expect(runs.map((r) => r.op)).toEqual(['equal', 'delete', 'equal', 'insert', 'equal']);
  });

  it('falls back to replacing the middle whole when the sequences share almost nothing', () => {
    const a = Array.from({ length: 50 }, (_, i) => i);
    const b = Array.from({ length: 50 }, (_, i) => i + 100);
    const runs = diffSequences(a, b, 10);
    expect(runs).toEqual([
      { op: 'delete', aStart: 0, aEnd: 50, bStart: 0, bEnd: 0 },
      { op: 'insert', aStart: 50, aEnd: 50, bStart: 0, bEnd: 50 },
    ]);
  });
});
