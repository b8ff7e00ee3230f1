/**
 * Moving a draft to a new checklist version: the preview item by item and the moved draft, on the
 * test-only revisions of the sample pack (0.1.0 → 0.2.0) and of the real pack (1.0.0 → 1.1.0).
 */
import os from 'node:os';
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPack, type LoadedPack } from '../../../core/checklist/load';
import { loadSamplePack } from '../../../core/checklist/sample';
import { defaultPack } from '../../../core/checklist/registry';
import { loadExample } from '../../../core/checklist/examples';
import { newDraft } from '../../../core/draft/create';
import type { Draft } from '../../../core/draft/schema';
import { AppError } from '../../../core/errors';
import { applyMove, moveDraft, planMove, type PreviewEntry } from '../../../core/revisions';
import { sampleRevisionSource, SAMPLE_STEP } from '../../fixtures/packs/sample-revision';
import { saclRevisionSource } from '../../fixtures/packs/sacl-revision';

const sample = loadSamplePack();
const sample2 = loadPack(sampleRevisionSource());
const NOW = new Date('2026-06-01T12:00:00Z');

function draftOn(loaded: LoadedPack, answers: Record<string, unknown>, language: 'en' | 'fr' = 'en'): Draft {
  const d = newDraft({ countryCode: 'KEN', responseLanguage: language }, loaded.pack, new Date('2026-05-01T00:00:00Z'), 'move-test');
  return { ...d, answers: answers as Draft['answers'] };
}

const entry = (entries: PreviewEntry[], oldId: string | null, newId?: string) =>
  entries.find((e) => (oldId === null ? e.oldId === null && e.newId === newId : e.oldId === oldId)) as PreviewEntry;

function codeOf(fn: () => unknown): { code: string; params: unknown } {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, params: err.params };
    throw err;
  }
  throw new Error('did not throw');
}

describe('moving a sample draft from 0.1.0 to 0.2.0', () => {
  const before = draftOn(sample, {
    'A.1': 'Ministry of Cities',
    'A.2': '2026-01-15',
    'A.3': ['civil_society', 'women_youth'],
    'A.4': true,
    'B.1': 'partially',
    'B.2': 'interministerial',
    'B.3': 'Plans for a policy in 2027',
    'B.4': 35,
    'C.2': [{ city: 'Nairobi', adopted: '2024-03-01', population: 4400000, audit: true, stage: 'adopted' }],
    'C.4': 'Women’s safety walks in every ward',
    'Z.9': 'an answer to an item the pack never had',
  });
  const { plan, draft: after } = moveDraft(before, sample, sample2, NOW);

  it('previews each question with what happens to it and to its answer', () => {
    expect(entry(plan.entries, 'A.1')).toMatchObject({ kind: 'textChanged', answer: 'kept', pleaseCheck: true });
    expect(entry(plan.entries, 'A.2')).toMatchObject({ kind: 'kept', answer: 'kept', pleaseCheck: false });
    expect(entry(plan.entries, 'A.3')).toMatchObject({ kind: 'typeChanged', optionsChanged: true, typeChanged: false, answer: 'kept', pleaseCheck: true });
    expect(entry(plan.entries, 'A.4')).toMatchObject({ kind: 'typeChanged', typeChanged: true, answer: 'converted', pleaseCheck: true });
    expect(entry(plan.entries, 'B.1')).toMatchObject({ kind: 'typeChanged', answer: 'converted' });
    expect(entry(plan.entries, 'B.2')).toMatchObject({ kind: 'moved', newId: 'B.1.a', answer: 'kept' });
    expect(entry(plan.entries, 'B.3')).toMatchObject({ kind: 'removed', newId: null, answer: 'retained', reason: 'removed' });
    expect(entry(plan.entries, 'B.3').note?.en).toContain('B.1');
    expect(entry(plan.entries, 'B.4')).toMatchObject({ kind: 'moved', newId: 'B.4.a', answer: 'kept' });
    expect(entry(plan.entries, null, 'B.4.b')).toMatchObject({ kind: 'new', answer: 'none' });
    expect(entry(plan.entries, 'C.3')).toMatchObject({ kind: 'moved', newId: 'D.1', answer: 'none' });
    expect(entry(plan.entries, 'C.4')).toMatchObject({ kind: 'typeChanged', answer: 'retained', reason: 'typeChanged' });
    expect(entry(plan.entries, null, 'C.5')).toMatchObject({ kind: 'new' });
    expect(entry(plan.entries, 'Z.9')).toMatchObject({ kind: 'unknown', answer: 'retained', reason: 'unknownItem' });
    expect(plan.counts).toMatchObject({ new: 2, removed: 1, unknown: 1 });
    expect(plan.answers).toEqual({ kept: 6, converted: 2, retained: 3 });
  });

  it('converts answers as the pack says and puts them under their new ids', () => {
    expect(after.checklist).toEqual({ id: 'safer-cities-sample', version: '0.2.0' });
    expect(after.answers).toEqual({
      'A.1': 'Ministry of Cities',
      'A.2': '2026-01-15',
      'A.3': ['civil_society', 'women_youth_orgs'],
      'A.4': 'full',
      'B.1': { status: 'partially' },
      'B.1.a': 'interministerial',
      'B.4.a': 35,
      'C.2': [{ city: 'Nairobi', adopted: '2024-03-01', population: 4400000, safety_audit: true, stage: 'adopted' }],
    });
  });

  it('keeps every answer with no place, with the old question in the pack languages, the version and why', () => {
    expect(after.retiredAnswers.map((r) => [r.itemId, r.reason, r.answer])).toEqual([
      ['B.3', 'removed', 'Plans for a policy in 2027'],
      ['C.4', 'typeChanged', 'Women’s safety walks in every ward'],
      ['Z.9', 'unknownItem', 'an answer to an item the pack never had'],
    ]);
    const b3 = after.retiredAnswers[0];
    expect(b3?.checklist).toEqual({ id: 'safer-cities-sample', version: '0.1.0' });
    expect(b3?.type).toBe('longtext');
    expect(Object.keys(b3?.title ?? {}).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    expect(b3?.note?.fr).toContain('B.1');
    expect(after.retiredAnswers[1]?.newItemId).toBe('C.4');
    expect(after.retiredAnswers[2]?.title).toEqual({});
    expect(after.retiredAnswers.every((r) => r.retiredAt === NOW.toISOString())).toBe(true);
  });

  it('changes nothing in the draft it was given', () => {
    expect(before.checklist.version).toBe('0.1.0');
    expect(before.answers['A.4']).toBe(true);
    expect(before.retiredAnswers).toEqual([]);
  });

  it('asks to check only what changed under an answer (a renamed option or column id is no change)', () => {
    const flagged = plan.entries.filter((e) => e.pleaseCheck).map((e) => e.oldId);
    expect(flagged.sort()).toEqual(['A.1', 'A.3', 'A.4', 'B.1']);
  });
});

describe('what a move refuses, changing nothing', () => {
  const before = draftOn(sample, { 'A.1': 'x' });

  it('a version the new pack has no migration from', () => {
    const stranger = loadPack({ ...sampleRevisionSource(), migrations: [{ ...SAMPLE_STEP, from: '0.0.9' }] });
    expect(codeOf(() => planMove(before, sample, stranger))).toEqual({ code: 'packs:errors.noMigrationPath', params: { id: 'safer-cities-sample', from: '0.1.0', to: '0.2.0' } });
    const none = loadPack({ ...sampleRevisionSource(), migrations: undefined });
    expect(codeOf(() => planMove(before, sample, none)).code).toBe('packs:errors.noMigrationPath');
  });

  it('the version the draft is already on, another checklist, and an old pack that is not the draft\'s', () => {
    expect(codeOf(() => planMove(before, sample, sample)).code).toBe('packs:errors.alreadyOnVersion');
    expect(codeOf(() => planMove(before, sample, defaultPack())).code).toBe('packs:errors.otherChecklist');
    expect(codeOf(() => planMove(before, sample2, sample2)).code).toBe('packs:errors.oldVersionMissing');
    const onSecond = { ...before, checklist: { id: 'safer-cities-sample', version: '0.2.0' } };
    expect(codeOf(() => planMove(onSecond, sample, loadPack({ ...sampleRevisionSource(), version: '0.3.0', migrations: [{ ...SAMPLE_STEP, from: '0.2.0', to: '0.3.0', items: {} }] }))).code).toBe('packs:errors.oldVersionMissing');
  });

  it('a plan made for another version of the draft', () => {
    const plan = planMove(before, sample, sample2);
    expect(codeOf(() => applyMove({ ...before, checklist: { id: 'safer-cities-sample', version: '0.2.0' } }, plan)).code).toBe('packs:errors.planOutdated');
  });
});

describe('a chain of steps and answers kept by earlier moves', () => {
  // 0.3.0: from 0.2.0, B.1.a moves again and B.4.b is removed; the 0.1.0 → 0.2.0 step stays as it was (append-only).
  const third = (() => {
    const raw = sampleRevisionSource() as { sections: { items: { id: string }[] }[]; migrations: unknown[] } & Record<string, unknown>;
    for (const s of raw.sections) for (const i of s.items) if (i.id === 'B.1.a') i.id = 'B.1.b';
    for (const s of raw.sections) s.items = s.items.filter((i) => i.id !== 'B.4.b');
    raw.migrations = [...raw.migrations, { from: '0.2.0', to: '0.3.0', items: { 'B.1.a': { to: 'B.1.b' }, 'B.4.b': { removed: true } } }];
    return loadPack({ ...raw, version: '0.3.0' });
  })();

  it('follows every step from the draft\'s version', () => {
    const before = draftOn(sample, { 'B.2': 'local', 'B.3': 'kept aside', 'A.4': false });
    const { draft } = moveDraft(before, sample, third, NOW);
    expect(draft.checklist.version).toBe('0.3.0');
    expect(draft.answers).toEqual({ 'B.1.b': 'local', 'A.4': 'not_public' });
    expect(draft.retiredAnswers.map((r) => r.itemId)).toEqual(['B.3']);
  });

  it('keeps the answers kept by an earlier move, and adds the new ones after them', () => {
    const first = moveDraft(draftOn(sample, { 'B.3': 'first', 'B.4': 10 }), sample, sample2, NOW).draft;
    const withB4b = { ...first, answers: { ...first.answers, 'B.4.b': 20 } };
    const second = moveDraft(withB4b, sample2, third, new Date('2026-07-01T00:00:00Z')).draft;
    expect(second.retiredAnswers.map((r) => [r.itemId, r.checklist.version, r.answer])).toEqual([
      ['B.3', '0.1.0', 'first'],
      ['B.4.b', '0.2.0', 20],
    ]);
    expect(second.answers).toEqual({ 'B.4.a': 10 });
  });
});

describe('the real checklist, 1.0.0 → the test-only revision 1.1.0', () => {
  let tmp = '';
  let revision: LoadedPack;
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-move-'));
    revision = loadPack(await saclRevisionSource(tmp));
  });
  afterAll(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('moves the complete English example without dropping an answer', () => {
    const example = loadExample('en');
    const { plan, draft } = moveDraft(example, defaultPack(), revision, NOW);
    const answered = Object.keys(example.answers).length;
    expect(Object.keys(draft.answers).length + draft.retiredAnswers.length).toBe(answered);
    expect(draft.answers['A.3.a']).toBe(example.answers['A.3']);
    expect(draft.answers['A.4']).toBe(example.answers['A.4'] === true ? 'yes' : 'no');
    expect(draft.answers['I.4']).toEqual([example.answers['I.4']]);
    expect(draft.answers['E.9']).toBe(example.answers['D.14']);
    expect(entry(plan.entries, 'A.1')).toMatchObject({ kind: 'textChanged', pleaseCheck: true });
    expect(entry(plan.entries, null, 'A.3.b')).toMatchObject({ kind: 'new' });
    expect(entry(plan.entries, null, 'C.20')).toMatchObject({ kind: 'new' });
    expect(plan.retired.map((r) => r.itemId).sort()).toEqual(['D.4', ...(example.answers['B.5'] !== undefined ? ['B.5'] : [])].sort());
  });

  it('previews in the draft\'s response language: a reworded question is flagged for the language the answers are in', () => {
    const fr = draftOn(defaultPack(), { 'A.1': 'Ministère des villes' }, 'fr');
    expect(entry(planMove(fr, defaultPack(), revision).entries, 'A.1')).toMatchObject({ kind: 'textChanged', pleaseCheck: true });
  });
});
