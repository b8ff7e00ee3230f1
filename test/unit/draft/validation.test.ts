import { describe, expect, it } from 'vitest';
import { loadSamplePack } from '../../../core/checklist/sample';
import { newDraft } from '../../../core/draft/create';
import { relevantItems, validateDraft } from '../../../core/draft/validate';
import type { Draft } from '../../../core/draft/schema';

const { pack } = loadSamplePack();
const SHA = 'a'.repeat(64);

function draftWith(answers: Record<string, unknown>): Draft {
  const d = newDraft({ countryCode: 'FRA', responseLanguage: 'fr' }, pack, new Date('2026-05-01T00:00:00Z'), 'test-draft');
  return { ...d, answers: answers as Draft['answers'] };
}

const complete = {
  'A.1': 'Ministère de la Cohésion des territoires',
  'A.2': '2026-03-01',
  'A.3': ['local_governments', 'academia'],
  'A.4': true,
  'B.1': 'fully',
  'B.2': 'interministerial',
  'B.4': 40,
  'B.5': { status: 'partially', measures: 'Loi de 2007', assistanceNeeded: true, assistanceTypes: ['data_and_indicators'] },
  'C.1': { status: 'fully' },
  'C.2': [{ city: 'Lyon', adopted: '2020-01-15', population: 500000, audit: true, stage: 'adopted' }],
  'C.3': { files: [], links: [{ url: 'https://example.org/strategie.pdf' }] },
  'C.4': 'Marches exploratoires avec des femmes et des jeunes.',
};

const kinds = (d: Draft) => validateDraft(d, pack).map((p) => `${p.itemId}:${p.problem}`);

describe('validateDraft', () => {
  it('finds nothing wrong in a complete draft', () => {
    expect(validateDraft(draftWith(complete), pack)).toEqual([]);
  });

  it('lists every required item of an empty draft, and no skipped one', () => {
    const problems = kinds(draftWith({}));
    expect(problems).toEqual(['A.1:required', 'A.3:required', 'A.4:required', 'B.1:required', 'B.5:required', 'C.1:required']);
    // B.1 unanswered: B.2 and B.3 are skipped by their relevance rules, so they are not required.
    expect(problems).not.toContain('B.2:required');
    expect(problems).not.toContain('B.3:required');
  });

  it('requires B.3 only when B.1 says the policy is not implemented (skip logic)', () => {
    const a = { ...complete, 'B.1': 'not_implemented' } as Record<string, unknown>;
    delete a['B.2'];
    expect(kinds(draftWith(a))).toEqual(['B.3:required']);
    expect(relevantItems(pack, a).has('B.2')).toBe(false);
  });

  it('evaluates a rule-based required (C.4 only when C.1 is at least partially implemented)', () => {
    const a: Record<string, unknown> = { ...complete, 'C.1': { status: 'not_implemented' } };
    delete a['C.4'];
    delete a['C.2'];
    delete a['C.3'];
    expect(kinds(draftWith(a))).toEqual([]);
    expect(kinds(draftWith({ ...a, 'C.1': { status: 'partially' } }))).toEqual(['C.4:required']);
  });

  it('reports a broken constraint with the pack’s own message', () => {
    const problems = validateDraft(draftWith({ ...complete, 'A.2': '2010-06-30' }), pack);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ itemId: 'A.2', problem: 'constraint', messageKey: 'drafts:validation.constraint' });
    expect(problems[0]?.message?.fr).toContain('2015');
  });

  it('reports answers of the wrong shape as invalid, with the path inside the answer', () => {
    expect(kinds(draftWith({ ...complete, 'B.2': 'parliament' }))).toEqual(['B.2:invalid']);
    // Out of its bounds, and the pack says so in its own words: its constraint is the one reason given.
    expect(kinds(draftWith({ ...complete, 'B.4': 140 }))).toEqual(['B.4:constraint']);
    const p = validateDraft(draftWith({ ...complete, 'C.2': [{ adopted: '2020-01-15' }] }), pack);
    expect(p.map((x) => [x.itemId, x.problem, x.params.path])).toEqual([['C.2', 'invalid', '[0].city']]);
  });

  it('flags evidence pointing to a file the draft does not list', () => {
    const p = validateDraft(draftWith({ ...complete, 'C.3': { files: [SHA], links: [] } }), pack);
    expect(p).toEqual([expect.objectContaining({ itemId: 'C.3', problem: 'invalid', messageKey: 'drafts:validation.attachmentNotListed' })]);
  });

  it('keeps and reports an answer to an item the pack does not have', () => {
    const d = draftWith({ ...complete, 'Q.7': 'from an older checklist' });
    expect(kinds(d)).toEqual(['Q.7:unknownItem']);
    expect(d.answers['Q.7']).toBe('from an older checklist');
  });

  it('does not check a skipped item even if it holds a stale answer', () => {
    const d = draftWith({ ...complete, 'B.1': 'fully', 'B.3': 12345 });
    expect(kinds(d)).toEqual([]);
    expect(d.answers['B.3']).toBe(12345);
  });
});
