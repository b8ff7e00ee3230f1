// The analysis for the thematic implementation report: counts with their denominators, answers per
// item with their country, filters, the current submission of each country, and consent.
import { describe, expect, it } from 'vitest';
import { analyse, createAnalysisLabels, prepareReport } from '../../../core/analysis';
import type { AnalysisModel } from '../../../core/analysis/model';
import type { Submission } from '../../../core/bundle/submission';
import { NOW, pack, sourceOf, submissionFor, withStatus } from './fixture';

const en = createAnalysisLabels('en');
const run = (subs: Submission[], publishable = false, filters = {}): AnalysisModel => analyse(subs, pack, { labels: en, publishable, filters, now: NOW });
const statusOf = (m: AnalysisModel, id: string) => m.status.find((r) => r.itemId === id);
const choicesOf = (m: AnalysisModel, id: string) => Object.fromEntries(m.choices.find((r) => r.itemId === id)?.options.map((o) => [o.id, o.count]) ?? []);

describe('counts per item, with their denominator', () => {
  const subs = [
    submissionFor('KEN', { answers: withStatus('B.2', 'fully') }),
    submissionFor('FRA', { answers: withStatus('B.2', 'partially') }),
    // No national policy: B.2 and B.3 are not asked (skip logic), B.4 and B.5 are.
    submissionFor('AUT', { answers: { 'B.1': false, 'B.4': 'planned' } }),
    submissionFor('EGY', { answers: withStatus('B.2', undefined) }),
  ];
  const model = run(subs);

  it('counts each implementation status, and says how many answered, skipped or left it unanswered', () => {
    const b2 = statusOf(model, 'B.2');
    expect(b2?.counts).toEqual({ fully: 1, partially: 1, not_implemented: 0, not_applicable: 0, unknown: 0 });
    expect(b2?.denominator).toEqual({ answered: 2, skipped: 1, notAnswered: 1 });
  });

  it('gives every item a denominator that adds up to the countries in the statistics', () => {
    expect(model.statisticsCount).toBe(4);
    expect(model.coverage).toHaveLength(pack.items.size);
    for (const row of model.coverage) expect(row.denominator.answered + row.denominator.skipped + row.denominator.notAnswered).toBe(4);
    expect(model.coverage.find((r) => r.itemId === 'B.4')?.denominator).toEqual({ answered: 1, skipped: 3, notAnswered: 0 });
  });

  it('counts the choices of single, multiple and yes/no items', () => {
    expect(choicesOf(model, 'B.1')).toEqual({ yes: 3, no: 1 });
    expect(choicesOf(model, 'B.4')).toMatchObject({ planned: 1, in_preparation: 0 });
    expect(choicesOf(model, 'A.2').academia).toBe(4);
    expect(model.choices.find((r) => r.itemId === 'B.4')?.denominator).toEqual({ answered: 1, skipped: 3, notAnswered: 0 });
  });

  it('counts technical-assistance needs by type of the pack typology, from status items and the needs table', () => {
    const byType = Object.fromEntries(model.assistanceTypes.map((r) => [r.type, r]));
    // The example names capacity building in 10 items; Austria skips B.2 (which does not name it).
    expect(byType.capacity_building).toMatchObject({ countries: 4, itemMentions: 40, tableRows: { high: 4 } });
    expect(byType.legislative_drafting).toMatchObject({ countries: 4, itemMentions: 4, tableRows: {} });
    expect(byType.policy_advice?.tableRows).toEqual({ low: 4 });
    const b6 = model.assistanceItems.find((r) => r.itemId === 'B.6');
    expect(b6).toMatchObject({ needed: 4, notNeeded: 0, denominator: { answered: 4, skipped: 0, notAnswered: 0 } });
    expect(b6?.types.capacity_building).toBe(4);
  });

  it('collects free text per item with country and response language, and each table row with its country', () => {
    const arabic = run([submissionFor('EGY', { language: 'ar' }), submissionFor('KEN')]);
    const summaries = arabic.freeText.filter((e) => e.itemId === 'A.7');
    expect(summaries.map((e) => [e.country.code, e.country.responseLanguage])).toEqual([['EGY', 'ar'], ['KEN', 'en']]);
    expect(summaries[0]?.text).toMatch(/[\u0600-\u06FF]/);
    const measures = arabic.freeText.filter((e) => e.itemId === 'B.6' && e.field === 'measures');
    expect(measures).toHaveLength(2);
    const practices = arabic.tables.find((t) => t.itemId === 'F.1')?.rows ?? [];
    expect(new Set(practices.map((r) => r.country.code))).toEqual(new Set(['EGY', 'KEN']));
    expect(practices.every((r) => typeof r.cells.title === 'string')).toBe(true);
    expect(arabic.tables.find((t) => t.itemId === 'C.2')?.rows.length).toBeGreaterThan(0);
  });
});

describe('filters', () => {
  const subs = [
    submissionFor('KEN'),
    submissionFor('EGY', { language: 'ar' }),
    submissionFor('FRA'),
    submissionFor('BRA'),
    submissionFor('PSE', { language: 'ar' }),
  ];

  it('keeps only the chosen UN regional groups', () => {
    expect(run(subs, false, { groups: ['african'] }).participants.map((p) => p.code)).toEqual(['EGY', 'KEN']);
    expect(run(subs, false, { groups: ['latin-american-caribbean', 'observer'] }).participants.map((p) => p.code)).toEqual(['BRA', 'PSE']);
  });

  it('keeps only the chosen response languages', () => {
    const m = run(subs, false, { responseLanguages: ['ar'] });
    expect(m.participants.map((p) => p.code)).toEqual(['EGY', 'PSE']);
    expect(m.statisticsCount).toBe(2);
  });

  it('analyses one checklist version: submissions on another are left out', async () => {
    const report = await prepareReport({ source: sourceOf([...subs, submissionFor('ARG', { checklistVersion: '0.9.0' })]), language: 'en', publishable: false, checklist: { id: pack.pack.id, version: pack.pack.version }, now: NOW });
    expect(report.model.participants.map((p) => p.code)).not.toContain('ARG');
    expect(report.leftOut).toBe(1);
    await expect(prepareReport({ source: sourceOf([subs[0] as Submission, submissionFor('ARG', { checklistVersion: '0.9.0' })]), language: 'en', publishable: false })).rejects.toMatchObject({
      code: 'analysis:errors.severalChecklists',
    });
  });
});

describe('the current submission of each country', () => {
  it('takes the latest revision, and reports two different submissions of one revision', async () => {
    const report = await prepareReport({
      source: sourceOf([
        submissionFor('KEN', { revision: 1, answers: withStatus('B.2', 'unknown') }),
        submissionFor('KEN', { revision: 2, answers: withStatus('B.2', 'fully') }),
        submissionFor('FRA', { revision: 3, exportedAt: '2026-10-01T12:00:00Z' }),
        submissionFor('FRA', { revision: 3, exportedAt: '2026-10-02T12:00:00Z', answers: withStatus('B.2', 'fully') }),
      ]),
      language: 'en',
      publishable: false,
      now: NOW,
    });
    expect(report.model.participants.map((p) => [p.code, p.submissionRevision])).toEqual([['FRA', 3], ['KEN', 2]]);
    expect(statusOf(report.model, 'B.2')?.counts.fully).toBe(2);
    expect(report.selection.conflicts).toEqual([{ country: 'FRA', checklistId: pack.pack.id, submissionRevision: 3, used: 'memory-3', ignored: 'memory-2' }]);
  });
});

describe('consent to publish (item A.6)', () => {
  const subs = [
    submissionFor('KEN', { consent: 'full' }),
    submissionFor('FRA', { consent: 'summary_only' }),
    submissionFor('AUT', { consent: 'not_public' }),
    submissionFor('EGY', { consent: null }),
    submissionFor('ZMB', { consent: 'full' }),
  ];

  it('internal analysis uses every answer of every country', () => {
    const m = run(subs, false);
    expect(m.statisticsCount).toBe(5);
    expect(m.participants.every((p) => p.use === 'everything')).toBe(true);
    expect(new Set(m.freeText.map((e) => e.country.code))).toEqual(new Set(['AUT', 'EGY', 'FRA', 'KEN', 'ZMB']));
  });

  it('publishable: only the executive summary of summary_only, only the participation of not_public (and of no answer)', () => {
    const m = run(subs, true);
    expect(m.participants.map((p) => [p.code, p.consent, p.use])).toEqual([
      ['AUT', 'not_public', 'participationOnly'],
      ['EGY', null, 'participationOnly'],
      ['FRA', 'summary_only', 'summaryOnly'],
      ['KEN', 'full', 'everything'],
      ['ZMB', 'full', 'everything'],
    ]);
    expect(m.statisticsCount).toBe(2);
    expect(m.coverage.every((r) => r.denominator.answered + r.denominator.skipped + r.denominator.notAnswered === 2)).toBe(true);
    const byCountry = (code: string) => m.freeText.filter((e) => e.country.code === code).map((e) => e.itemId);
    expect(byCountry('FRA')).toEqual(['A.7']);
    expect(byCountry('AUT')).toEqual([]);
    expect(byCountry('EGY')).toEqual([]);
    expect(m.tables.flatMap((t) => t.rows.map((r) => r.country.code)).every((c) => c === 'KEN' || c === 'ZMB')).toBe(true);
  });
});
