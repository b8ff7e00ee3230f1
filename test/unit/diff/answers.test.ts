// Changed items only, each in the shape of its item: what the compare screen and scsa diff show.
import { describe, expect, it } from 'vitest';
import { diffAnswers, diffRows, jsonEqual, jsonKey, matchRows, type FieldsChange, type RowsChange, type SetChange } from '../../../core/diff';
import { arabicAnswers, pack } from '../review/fixture';

const base = arabicAnswers();
const changed = (overrides: Record<string, unknown>) => ({ ...base, ...overrides });

describe('diffAnswers', () => {
  it('lists only the changed items, in checklist order, unknown items last', () => {
    const after: Record<string, unknown> = changed({ 'C.4': 'نص جديد', 'A.4': false, 'Z.9': 'kept' });
    delete after['B.4'];
    const diffs = diffAnswers(pack, base, after);
    expect(diffs.map((d) => [d.itemId, d.change, d.type])).toEqual([
      ['A.4', 'changed', 'yesno'],
      ['B.4', 'removed', 'number'],
      ['C.4', 'changed', 'longtext'],
      ['Z.9', 'added', 'unknown'],
    ]);
    expect(diffs[0]?.detail).toEqual({ kind: 'value', before: true, after: false });
    expect(diffs[0]?.sectionId).toBe('A');
    expect(diffs[3]?.sectionId).toBeNull();
  });

  it('finds nothing between equal answers, whatever the order of keys in objects', () => {
    const reordered = JSON.parse(JSON.stringify(base)) as Record<string, Record<string, unknown>>;
    reordered['B.5'] = Object.fromEntries(Object.entries(reordered['B.5'] as object).reverse());
    expect(diffAnswers(pack, base, reordered)).toEqual([]);
  });

  it('compares a UNCAC block field by field, words within text fields, choices within assistance types', () => {
    const b5 = base['B.5'] as Record<string, unknown>;
    const after = changed({ 'B.5': { ...b5, status: 'fully', measures: `${String(b5.measures)} وتم تحديثها في عام 2023.`, assistanceTypes: ['capacity_building', 'financing'] } });
    const [d] = diffAnswers(pack, base, after);
    const detail = d?.detail as FieldsChange;
    expect(detail.kind).toBe('fields');
    expect(detail.fields.map((f) => f.field)).toEqual(['status', 'measures', 'assistanceTypes']);
    expect(detail.fields[0]?.change).toEqual({ kind: 'value', before: 'partially', after: 'fully' });
    expect(detail.fields[1]?.change.kind).toBe('text');
    expect(detail.fields[2]?.change).toEqual({ kind: 'set', added: ['financing'], removed: [], kept: ['capacity_building'] });
  });

  it('compares multiple choice as a set, in the order of the options', () => {
    const [d] = diffAnswers(pack, base, changed({ 'A.3': ['women_youth', 'academia', 'local_governments'] }));
    expect(d?.detail as SetChange).toEqual({ kind: 'set', added: ['local_governments', 'women_youth'], removed: ['civil_society'], kept: ['academia'] });
  });

  it('compares evidence by files and by link address', () => {
    const after = changed({ 'C.3': { files: ['a'.repeat(64)], links: [{ url: 'https://example.org/strategy.pdf', title: 'الاستراتيجية 2023' }, { url: 'https://example.org/new' }] } });
    const [d] = diffAnswers(pack, base, after);
    expect(d?.detail).toEqual({
      kind: 'evidence',
      files: { kind: 'set', added: ['a'.repeat(64)], removed: [], kept: [] },
      links: { added: [{ url: 'https://example.org/new' }], removed: [], retitled: [{ url: 'https://example.org/strategy.pdf', before: 'الاستراتيجية', after: 'الاستراتيجية 2023' }] },
    });
  });

  it('compares an answer of the wrong shape as a value rather than failing', () => {
    const [d] = diffAnswers(pack, base, changed({ 'C.2': 'not a table' }));
    expect(d?.detail.kind).toBe('value');
  });
});

describe('table rows', () => {
  const rows = base['C.2'] as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];

  it('reports rows added, removed and edited (with the cells that changed), matched by content', () => {
    const after = [
      { ...rows[0], population: 4500000 },
      rows[2],
      { city: 'ناكورو', population: 500000 },
    ];
    const [d] = diffAnswers(pack, base, changed({ 'C.2': after }));
    const detail = d?.detail as RowsChange;
    expect(detail.rows.map((r) => r.change)).toEqual(['removed', 'edited', 'added']);
    const edited = detail.rows[1];
    expect(edited).toMatchObject({ change: 'edited', from: 0, index: 0, cells: [{ column: 'population', before: 4400000, after: 4500000 }] });
    expect(detail.rows[0]).toMatchObject({ change: 'removed', index: 1, row: rows[1] });
    expect(detail.rows[2]).toMatchObject({ change: 'added', index: 2 });
  });

  it('matches a row by the name in its first column even when most cells changed', () => {
    const after = [{ city: 'نيروبي', population: 1, audit: false, stage: 'evaluated' }, rows[1], rows[2]];
    const detail = diffRows(rows, after, ['city', 'adopted', 'population', 'audit', 'stage']);
    expect(detail.rows).toHaveLength(1);
    expect(detail.rows[0]).toMatchObject({ change: 'edited', from: 0, index: 0 });
  });

  it('word-diffs a text cell and notices a row that only moved', () => {
    const after = [rows[1], { ...rows[0], city: 'نيروبي الكبرى' }, rows[2]];
    const detail = diffRows(rows, after, ['city', 'population']);
    const kinds = detail.rows.map((r) => r.change).sort();
    expect(kinds).toContain('edited');
    const edited = detail.rows.find((r) => r.change === 'edited');
    expect(edited && edited.change === 'edited' && edited.cells[0]?.parts?.some((p) => p.op === 'insert' && p.text.includes('الكبرى'))).toBe(true);
  });

  it('pairs identical rows first, so duplicated rows are not reported as edits', () => {
    const a = [{ city: 'X' }, { city: 'X' }, { city: 'Y' }];
    const b = [{ city: 'X' }, { city: 'Y' }];
    expect(matchRows(a, b, 'city')).toEqual({ pairs: [{ from: 0, to: 0, same: true }, { from: 2, to: 1, same: true }], removed: [1], added: [] });
  });
});

describe('equality helpers', () => {
  it('jsonEqual ignores key order and undefined members; jsonKey agrees', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1, d: undefined })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(jsonKey({ b: 1, a: [2] })).toBe(jsonKey({ a: [2], b: 1 }));
  });
});
