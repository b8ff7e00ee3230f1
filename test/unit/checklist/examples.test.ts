import { describe, expect, it } from 'vitest';
import packJson from '../../../core/checklist/packs/safer-cities-sacl.pack.json';
import { loadPack } from '../../../core/checklist/load';
import { isAnswered } from '../../../core/checklist/answer-presence';
import { EXAMPLES, loadExample, type ExampleLanguage } from '../../../core/checklist/examples';
import { relevantItems, validateDraft } from '../../../core/draft/validate';
import { DRAFT_SCHEMA_VERSION, DraftSchema } from '../../../core/draft/schema';

const { pack, items } = loadPack(packJson, 'strict');
const LANGS: ExampleLanguage[] = ['en', 'ar'];

/** Every free text a reader sees in an answer: long texts, uncac texts and table text cells. */
function longTexts(answers: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [id, value] of Object.entries(answers)) {
    const item = items.get(id);
    if (item?.type === 'longtext' && typeof value === 'string') out.push(value);
    if (item?.type === 'uncac' && value && typeof value === 'object') {
      for (const [field, text] of Object.entries(value)) if (typeof text === 'string' && field !== 'status') out.push(text);
    }
  }
  return out;
}

function letters(text: string, script: RegExp): number {
  return [...text].filter((c) => script.test(c)).length;
}

describe('the example assessments', () => {
  it('are listed once per language, with ids matching their drafts', () => {
    expect(EXAMPLES.map((e) => [e.id, e.language])).toEqual([
      ['example-en', 'en'],
      ['example-ar', 'ar'],
    ]);
    for (const e of EXAMPLES) expect(DraftSchema.parse(e.source).id).toBe(e.id);
  });

  for (const lang of LANGS) {
    describe(lang, () => {
      const draft = loadExample(lang);

      it('is a draft of the real checklist for the fictional country XXX in its language', () => {
        expect(draft.schemaVersion).toBe(DRAFT_SCHEMA_VERSION);
        expect(draft.id).toBe(`example-${lang}`);
        expect(draft.checklist).toEqual({ id: pack.id, version: pack.version });
        expect(draft.assessment.countryCode).toBe('XXX');
        expect(draft.assessment.responseLanguage).toBe(lang);
        expect(draft.assessment.focalPoints.length).toBeGreaterThan(0);
        expect(draft.assessment.contributingInstitutions.length).toBeGreaterThan(0);
        expect(draft.assessment.periodCovered).not.toBeNull();
        expect(draft.attachments).toEqual([]);
      });

      it('has no validation problem against the strictly loaded pack', () => {
        expect(validateDraft(draft, pack)).toEqual([]);
      });

      it('answers every relevant item and nothing that skip logic hides', () => {
        const relevant = relevantItems(pack, draft.answers);
        const unanswered = [...relevant].filter((id) => !isAnswered(draft.answers[id]));
        expect(unanswered).toEqual([]);
        expect(Object.keys(draft.answers).filter((id) => !relevant.has(id))).toEqual([]);
      });

      it('exercises skip logic both ways: a national strategy, so its contents are asked and plans are not', () => {
        const relevant = relevantItems(pack, draft.answers);
        expect(draft.answers['B.1']).toBe(true);
        expect(['B.2', 'B.3'].every((id) => relevant.has(id))).toBe(true);
        expect(['B.4', 'B.5'].some((id) => relevant.has(id))).toBe(false);
        expect(['A.5', 'B.9', 'D.9', 'E.2', 'G.2', 'H.2', 'H.4'].every((id) => relevant.has(id))).toBe(true);
      });

      it('fills every uncac block, with technical assistance needs in several of them', () => {
        const blocks = [...items.values()].filter((i) => i.type === 'uncac').map((i) => draft.answers[i.id] as Record<string, unknown>);
        expect(blocks.length).toBeGreaterThan(0);
        for (const b of blocks) {
          for (const f of ['status', 'measures', 'examples', 'challenges']) expect(isAnswered(b[f])).toBe(true);
          expect(typeof b.assistanceNeeded).toBe('boolean');
          expect(typeof b.assistanceReceived).toBe('boolean');
          if (b.assistanceNeeded) expect(isAnswered(b.assistanceTypes) && isAnswered(b.assistanceDetails)).toBe(true);
          if (b.assistanceReceived) expect(isAnswered(b.assistanceReceivedFrom)).toBe(true);
        }
        expect(blocks.filter((b) => b.assistanceNeeded).length).toBeGreaterThanOrEqual(5);
        expect(blocks.some((b) => isAnswered(b.assistanceOther))).toBe(true);
      });

      it('cites evidence only as links to example.org, never as attachments', () => {
        const evidence = [...items.values()].filter((i) => i.type === 'evidence').map((i) => draft.answers[i.id] as { files: string[]; links: { url: string }[] });
        expect(evidence.length).toBeGreaterThan(0);
        for (const e of evidence) {
          expect(e.files).toEqual([]);
          for (const l of e.links) expect(new URL(l.url).hostname).toBe('example.org');
        }
      });
    });
  }

  it('mark themselves as fictional examples in the executive summary and the coordinating ministry', () => {
    const en = loadExample('en').answers;
    const ar = loadExample('ar').answers;
    expect(String(en['A.7'])).toMatch(/\bexample\b/i);
    expect(String(en['A.7'])).toMatch(/fictional/i);
    expect(String(en['A.1'])).toMatch(/^fictional example/i);
    expect(String(ar['A.7'])).toContain('مثال');
    expect(String(ar['A.7'])).toContain('افتراضي');
    expect(String(ar['A.1'])).toMatch(/^مثال افتراضي/);
  });

  it('writes the Arabic long texts mainly in Arabic script, with some Latin acronyms and numbers for mixed-text tests', () => {
    const texts = longTexts(loadExample('ar').answers);
    expect(texts.length).toBeGreaterThan(50);
    for (const t of texts) {
      const arabic = letters(t, /\p{Script=Arabic}/u);
      const latin = letters(t, /\p{Script=Latin}/u);
      expect(arabic, t).toBeGreaterThan(latin * 4);
    }
    const all = texts.join('\n');
    expect(all).toMatch(/SDG 11\.7\.2/);
    expect(all).toMatch(/UN-Habitat/);
    expect(all).toMatch(/\d+%/);
  });

  it('gives the same structure in both languages: same items, statuses, choices and table sizes', () => {
    const en = loadExample('en').answers;
    const ar = loadExample('ar').answers;
    expect(Object.keys(ar)).toEqual(Object.keys(en));
    for (const [id, item] of items) {
      if (!(id in en)) continue;
      if (item.type === 'uncac') {
        const [a, b] = [en[id], ar[id]] as Record<string, unknown>[];
        expect([b?.status, b?.assistanceNeeded, b?.assistanceTypes], id).toEqual([a?.status, a?.assistanceNeeded, a?.assistanceTypes]);
      } else if (item.type === 'table') {
        expect((ar[id] as unknown[]).length, id).toBe((en[id] as unknown[]).length);
      } else if (['single', 'multi', 'yesno', 'number', 'date'].includes(item.type) && id !== 'I.4') {
        expect(ar[id], id).toEqual(en[id]);
      }
    }
  });
});
