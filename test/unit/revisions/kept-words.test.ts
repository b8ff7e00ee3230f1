/**
 * A kept answer to a choice or a table is read in words, not ids: a move keeps, with each answer it
 * sets aside, the old version's words for the options chosen and the columns; a draft written before
 * that (format 2) still opens, and shows the words through the old pack when it is installed, else
 * the ids; the PDF annex prints the words.
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
import { keptItem } from '../../../core/draft/kept-words';
import { migrateDraft } from '../../../core/draft/migrations/index';
import type { Draft } from '../../../core/draft/schema';
import { LANGUAGES } from '../../../core/i18n/languages';
import { reportModelFromDraft } from '../../../core/pdf/from-draft';
import { renderReport } from '../../../core/pdf/report';
import { createLabels } from '../../../core/pdf/labels';
import { retiredAnswersSection, RETIRED_SECTION_ID } from '../../../core/pdf/retired-annex';
import { moveDraft } from '../../../core/revisions';
import { sampleRevisionRemovingSource } from '../../fixtures/packs/sample-revision-removing';
import { saclRevisionSource } from '../../fixtures/packs/sacl-revision';
import { run } from '../pdf/pdf-tools';

const NOW = new Date('2026-06-01T12:00:00Z');
const sample = loadSamplePack();
const optionOf = (loaded: LoadedPack, itemId: string, optionId: string) => {
  const item = loaded.items.get(itemId);
  return item && 'options' in item ? item.options.find((o) => o.id === optionId)?.label : undefined;
};

/** 0.2.0 of the sample pack, but removing the multiple choice A.3 and the table C.2 (so their answers are kept aside). */
const removing = loadPack(sampleRevisionRemovingSource(['A.3', 'C.2']));

function sampleDraft(answers: Record<string, unknown>): Draft {
  const d = newDraft({ countryCode: 'KEN', responseLanguage: 'fr' }, sample.pack, new Date('2026-05-01T00:00:00Z'), 'kept-words');
  return { ...d, answers: answers as Draft['answers'] };
}

describe('a move keeps the words of the choices and columns of the answers it sets aside', () => {
  const before = sampleDraft({
    'A.3': ['civil_society', 'women_youth'],
    'C.2': [{ city: 'Nairobi', audit: true, stage: 'adopted' }],
    'B.3': 'Plans',
  });
  const { draft } = moveDraft(before, sample, removing, NOW);
  const byId = new Map(draft.retiredAnswers.map((r) => [r.itemId, r]));

  it('a multiple choice: each option chosen with its label in every language of the old version, and no other', () => {
    const a3 = byId.get('A.3');
    expect(a3?.answer).toEqual(['civil_society', 'women_youth']);
    expect(a3?.options?.map((o) => o.id)).toEqual(['civil_society', 'women_youth']);
    for (const o of a3?.options ?? []) {
      expect(Object.keys(o.label).sort()).toEqual([...LANGUAGES].sort());
      for (const l of LANGUAGES) expect(o.label[l]).toBe(optionOf(sample, 'A.3', o.id)?.[l]);
    }
  });

  it('a table: its columns by name and type, and the words of the choice made in its single-choice column', () => {
    const c2 = byId.get('C.2');
    const old = sample.items.get('C.2');
    if (old?.type !== 'table') throw new Error('C.2 is a table in 0.1.0');
    expect(c2?.columns?.map((c) => [c.id, c.type])).toEqual(old.columns.map((c) => [c.id, c.type]));
    const stage = c2?.columns?.find((c) => c.id === 'stage');
    expect(stage?.options?.map((o) => o.id)).toEqual(['adopted']);
    expect(stage?.options?.[0]?.label.fr).toBe(old.columns.find((c) => c.id === 'stage')?.options?.find((o) => o.id === 'adopted')?.label.fr);
    expect(c2?.columns?.find((c) => c.id === 'audit')?.label.ar).toBe(old.columns.find((c) => c.id === 'audit')?.label.ar);
  });

  it('a written answer carries no words beyond its question, and the draft is valid in the current format', () => {
    expect(byId.get('B.3')).not.toHaveProperty('options');
    expect(byId.get('B.3')).not.toHaveProperty('columns');
    expect(migrateDraft(JSON.parse(JSON.stringify(draft))).draft).toEqual(draft);
  });

  it('the words rebuild an item that shows the labels, not the ids, without the old pack', () => {
    const item = keptItem(byId.get('A.3') as Draft['retiredAnswers'][number]);
    expect(item.type).toBe('multi');
    expect('options' in item && item.options.map((o) => o.label.en)).toEqual(['civil_society', 'women_youth'].map((id) => optionOf(sample, 'A.3', id)?.en));
  });
});

describe('the real checklist 1.0.0 → 1.1.0: the removed choice D.4 in the PDF annex', () => {
  let tmp = '';
  let revision: LoadedPack;
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-kept-words-'));
    revision = loadPack(await saclRevisionSource(tmp));
  });
  afterAll(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('prints the option\'s words in the report language, never its id', async () => {
    const example = loadExample('en');
    const chosen = example.answers['D.4'] as string;
    const label = optionOf(defaultPack(), 'D.4', chosen)?.en as string;
    const { draft } = moveDraft(example, defaultPack(), revision, NOW);
    expect(draft.retiredAnswers.find((r) => r.itemId === 'D.4')?.options).toEqual([{ id: chosen, label: expect.objectContaining({ en: label }) }]);
    // Only the annex is printed, so the text to search is short.
    const model = reportModelFromDraft(draft, revision.pack, { status: 'draft', now: NOW });
    const annex = model.sections.find((s) => s.id === RETIRED_SECTION_ID);
    expect(annex).toBeDefined();
    const rendered = await renderReport({ ...model, sections: annex ? [annex] : [] });
    const file = path.join(tmp, 'annex.pdf');
    await fs.writeFile(file, rendered.bytes);
    const text = run('pdftotext', ['-layout', file, '-']).replace(/\s+/g, ' ');
    expect(text).toContain(label);
    expect(text).not.toContain(chosen);
  });
});

describe('a draft written in format 2, before kept answers carried words', () => {
  const v2 = (version: string) => {
    const d = newDraft({ countryCode: 'KEN', responseLanguage: 'en' }, sample.pack, new Date('2026-05-01T00:00:00Z'), 'format-two');
    const kept = { itemId: 'D.4', checklist: { id: 'safer-cities-sacl', version }, type: 'single', title: { en: 'SDG 16.1.2 data?' }, answer: 'some_cities', reason: 'removed', retiredAt: '2026-05-02T00:00:00.000Z' };
    return { ...JSON.parse(JSON.stringify(d)), schemaVersion: 2, retiredAnswers: [kept] } as Record<string, unknown>;
  };
  const ctx = { pack: sample.pack, language: 'en' as const, labels: createLabels('en'), attachments: new Map() };

  it('opens, migrated by step 0003, with the kept answer as it was', () => {
    const { draft, migratedFrom, applied } = migrateDraft(v2('1.0.0'));
    expect(migratedFrom).toBe(2);
    expect(applied).toEqual(['0003-kept-answer-words']);
    expect(draft.retiredAnswers[0]).toMatchObject({ itemId: 'D.4', answer: 'some_cities' });
    expect(draft.retiredAnswers[0]).not.toHaveProperty('options');
  });

  it('shows the words through the old version\'s pack when it is installed here', () => {
    const { draft } = migrateDraft(v2('1.0.0'));
    const words = optionOf(defaultPack(), 'D.4', 'some_cities')?.en as string;
    const annex = retiredAnswersSection(draft.retiredAnswers, ctx);
    expect(JSON.stringify(annex?.items[0]?.fields)).toContain(words);
    const item = keptItem(draft.retiredAnswers[0] as Draft['retiredAnswers'][number], defaultPack().items.get('D.4'));
    expect('options' in item && item.options.find((o) => o.id === 'some_cities')?.label.en).toBe(words);
  });

  it('shows the id when the old version is nowhere to be found, and never loses the answer', () => {
    const { draft } = migrateDraft(v2('0.9.9'));
    const annex = retiredAnswersSection(draft.retiredAnswers, ctx);
    expect(JSON.stringify(annex?.items[0]?.fields)).toContain('some_cities');
  });
});
