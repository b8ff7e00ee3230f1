// Three-way merge of a reviewer's suggestion with the focal point's current answer, against the base
// the reviewer saw, on every item type of the checklist.
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../../core/checklist/load';
import { samplePackSource } from '../../../core/checklist/sample';
import type { ChecklistItem } from '../../../core/checklist/schema';
import { mergeAnswer } from '../../../core/review';
import { arabicAnswers, pack } from './fixture';

const items = new Map(pack.sections.flatMap((s) => s.items).map((i) => [i.id, i]));
const item = (id: string) => items.get(id) as ChecklistItem;
const base = arabicAnswers();

describe('the status of a suggestion', () => {
  it('applies cleanly when the focal point has not changed the answer since the base', () => {
    expect(mergeAnswer(item('A.1'), base['A.1'], base['A.1'], 'وزارة الداخلية ووزارة الصحة.')).toEqual({ status: 'clean', merged: 'وزارة الداخلية ووزارة الصحة.', conflicts: [] });
  });

  it('says "same" when the draft already holds the suggestion, and "unchanged" when the suggestion is the base', () => {
    expect(mergeAnswer(item('B.1'), 'partially', 'fully', 'fully').status).toBe('same');
    expect(mergeAnswer(item('B.1'), 'partially', 'fully', 'partially')).toMatchObject({ status: 'unchanged', merged: 'fully' });
  });

  it('applies cleanly to an item that had no answer at the base and still has none', () => {
    expect(mergeAnswer(item('B.3'), undefined, undefined, 'نص')).toMatchObject({ status: 'clean', merged: 'نص' });
  });
});

describe('single-value items conflict when both sides changed them differently', () => {
  it.each([
    ['A.1', 'text', 'نص الجهة المنسقة', 'نص المراجع'],
    ['C.4', 'longtext', 'التحديات: التمويل.', 'التحديات: التنسيق.'],
    ['A.2', 'date', '2026-02-01', '2026-03-01'],
    ['A.4', 'yesno', false, false],
    ['B.1', 'status', 'fully', 'not_implemented'],
    ['B.2', 'single', 'ministry', 'local'],
    ['B.4', 'number', 55, 60],
  ])('%s (%s)', (id, _type, yours, theirs) => {
    const r = mergeAnswer(item(id), base[id], yours, theirs);
    if (yours === theirs) {
      expect(r.status).toBe('same');
      return;
    }
    expect(r.status).toBe('conflict');
    expect(r.merged).toBeUndefined();
    expect(r.conflicts).toEqual([{ where: { kind: 'answer' }, base: base[id], yours, theirs }]);
  });
});

describe('multiple choice merges as a set', () => {
  it('keeps what each side added and drops what each side removed', () => {
    // base: civil_society, academia. Yours: + women_youth. Theirs: − civil_society, + local_governments.
    const r = mergeAnswer(item('A.3'), base['A.3'], ['civil_society', 'academia', 'women_youth'], ['academia', 'local_governments']);
    expect(r).toEqual({ status: 'merges', merged: ['local_governments', 'academia', 'women_youth'], conflicts: [] });
  });

  it('is a conflict when the combined choice breaks the item’s limit', () => {
    const source = samplePackSource() as { sections: Array<{ items: Array<Record<string, unknown>> }> };
    const a3 = source.sections[0]?.items.find((i) => i.id === 'A.3') as Record<string, unknown>;
    a3.maxSelected = 3;
    const limited = loadPack(source, 'strict').items.get('A.3') as ChecklistItem;
    const r = mergeAnswer(limited, ['civil_society', 'academia'], ['civil_society', 'academia', 'women_youth'], ['civil_society', 'academia', 'private_sector']);
    expect(r.status).toBe('conflict');
    expect(r.conflicts[0]?.where).toEqual({ kind: 'answer' });
  });
});

describe('UNCAC blocks merge field by field', () => {
  const b5 = base['B.5'] as Record<string, unknown>;

  it('merges changes to different fields', () => {
    const yours = { ...b5, measures: 'تدابير محدَّثة.' };
    const theirs = { ...b5, examples: 'مراجعة السلامة في نيروبي وكيسومو.', status: 'fully' };
    const r = mergeAnswer(item('B.5'), b5, yours, theirs);
    expect(r.status).toBe('merges');
    expect(r.merged).toEqual({ ...b5, measures: 'تدابير محدَّثة.', examples: 'مراجعة السلامة في نيروبي وكيسومو.', status: 'fully' });
  });

  it('names the field changed on both sides, and never picks a side', () => {
    const r = mergeAnswer(item('B.5'), b5, { ...b5, measures: 'أ', examples: 'مثال' }, { ...b5, measures: 'ب', challenges: 'تحديات' });
    expect(r.status).toBe('conflict');
    expect(r.merged).toBeUndefined();
    expect(r.conflicts).toEqual([{ where: { kind: 'field', field: 'measures' }, base: b5.measures, yours: 'أ', theirs: 'ب' }]);
  });

  it('merges the assistance types as a set even when both sides changed them', () => {
    const r = mergeAnswer(item('B.5'), b5, { ...b5, assistanceTypes: ['capacity_building', 'financing'] }, { ...b5, assistanceTypes: ['policy_advice'] });
    expect(r).toMatchObject({ status: 'merges', merged: { assistanceTypes: ['financing', 'policy_advice'] } });
  });

  it('merges a field one side removed with a field the other added', () => {
    const { examples: _e, ...withoutExamples } = b5;
    const r = mergeAnswer(item('B.5'), b5, withoutExamples, { ...b5, challenges: 'التمويل' });
    expect(r.status).toBe('merges');
    expect(r.merged).toEqual({ ...withoutExamples, challenges: 'التمويل' });
  });
});

describe('tables merge row by row', () => {
  const rows = base['C.2'] as Array<Record<string, unknown>>;
  const [nairobi, mombasa, kisumu] = rows as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
  const nakuru = { city: 'ناكورو', population: 570000 };
  const eldoret = { city: 'إلدوريت', population: 475000 };

  it('keeps rows added on both sides, each after the row it followed', () => {
    const yours = [nairobi, mombasa, nakuru, kisumu];
    const theirs = [nairobi, eldoret, mombasa, kisumu];
    const r = mergeAnswer(item('C.2'), rows, yours, theirs);
    expect(r).toEqual({ status: 'merges', merged: [nairobi, eldoret, mombasa, nakuru, kisumu], conflicts: [] });
  });

  it('takes a row removed on one side and edited on no side, and rows edited on one side only', () => {
    const yours = [{ ...nairobi, population: 4500000 }, mombasa, kisumu];
    const theirs = [nairobi, { ...kisumu, audit: true }];
    const r = mergeAnswer(item('C.2'), rows, yours, theirs);
    expect(r).toEqual({ status: 'merges', merged: [{ ...nairobi, population: 4500000 }, { ...kisumu, audit: true }], conflicts: [] });
  });

  it('adds the same new row only once when both sides added it', () => {
    const r = mergeAnswer(item('C.2'), rows, [...rows, nakuru, eldoret], [...rows, nakuru]);
    expect(r).toMatchObject({ status: 'merges', merged: [...rows, nakuru, eldoret] });
  });

  it('is a conflict when the same row is edited differently on both sides', () => {
    const yours = [{ ...nairobi, population: 4500000 }, mombasa, kisumu];
    const theirs = [{ ...nairobi, population: 4700000 }, mombasa, { ...kisumu, stage: 'adopted' }];
    const r = mergeAnswer(item('C.2'), rows, yours, theirs);
    expect(r.status).toBe('conflict');
    expect(r.conflicts).toEqual([{ where: { kind: 'row', base: 0, yours: 0, theirs: 0 }, base: nairobi, yours: yours[0], theirs: theirs[0] }]);
  });

  it('is a conflict when one side removes a row the other edits', () => {
    const r = mergeAnswer(item('C.2'), rows, [nairobi, kisumu], [nairobi, { ...mombasa, audit: true }, kisumu]);
    expect(r.status).toBe('conflict');
    expect(r.conflicts).toEqual([{ where: { kind: 'row', base: 1, theirs: 1 }, base: mombasa, yours: undefined, theirs: { ...mombasa, audit: true } }]);
  });

  it('accepts the same edit made on both sides', () => {
    const edited = [{ ...nairobi, population: 4500000 }, mombasa, kisumu];
    const r = mergeAnswer(item('C.2'), rows, [...edited, nakuru], edited);
    expect(r.status).toBe('merges');
    expect(r.merged).toEqual([...edited, nakuru]);
  });

  it('merges rows removed on both sides and added at the top', () => {
    const r = mergeAnswer(item('C.2'), rows, [nairobi, kisumu], [eldoret, nairobi, kisumu, nakuru]);
    expect(r).toEqual({ status: 'merges', merged: [eldoret, nairobi, kisumu, nakuru], conflicts: [] });
  });
});

describe('evidence merges files as a set and links by address', () => {
  const c3 = base['C.3'] as { files: string[]; links: Array<{ url: string; title?: string }> };
  const fileA = 'a'.repeat(64);
  const fileB = 'b'.repeat(64);

  it('merges files and links added on each side', () => {
    const yours = { files: [fileA], links: c3.links };
    const theirs = { files: [fileB], links: [...c3.links, { url: 'https://example.org/audit' }] };
    const r = mergeAnswer(item('C.3'), c3, yours, theirs);
    expect(r).toEqual({ status: 'merges', merged: { files: [fileA, fileB], links: [...c3.links, { url: 'https://example.org/audit' }] }, conflicts: [] });
  });

  it('is a conflict when the same link is retitled differently', () => {
    const title = (t: string) => ({ files: [], links: [{ url: 'https://example.org/strategy.pdf', title: t }] });
    const r = mergeAnswer(item('C.3'), c3, title('أ'), title('ب'));
    expect(r.status).toBe('conflict');
    expect(r.conflicts[0]?.where).toEqual({ kind: 'link', url: 'https://example.org/strategy.pdf' });
  });
});

describe('answers of an unexpected shape', () => {
  it('are a conflict on the whole answer rather than a guess', () => {
    expect(mergeAnswer(item('C.2'), base['C.2'], 'text instead of rows', [...(base['C.2'] as unknown[]), { city: 'x' }]).status).toBe('conflict');
    expect(mergeAnswer(undefined, 1, 2, 3).status).toBe('conflict');
  });
});
