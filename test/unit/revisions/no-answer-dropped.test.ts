/**
 * The promise of a checklist move, as a property: for generated drafts (every item type, random
 * answers, some of the wrong shape, some to items the checklist never had), moved across the
 * fixture versions, every old answer appears exactly once in the result — in its new place or
 * among the kept answers — and the PDF report of the moved draft shows it (read back with pdftotext).
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAnswered } from '../../../core/checklist/answer-presence';
import { loadPack, type LoadedPack } from '../../../core/checklist/load';
import { defaultPack } from '../../../core/checklist/registry';
import { loadSamplePack } from '../../../core/checklist/sample';
import type { Draft } from '../../../core/draft/schema';
import { relevantItems } from '../../../core/draft/validate';
import { LANGUAGES } from '../../../core/i18n/languages';
import { setLogSink } from '../../../core/log';
import { reportModelFromDraft } from '../../../core/pdf/from-draft';
import { createLabels } from '../../../core/pdf/labels';
import { renderReport } from '../../../core/pdf/report';
import { canonicalText, moveDraft, type MovePlan } from '../../../core/revisions';
import { randomDraft, tokensIn } from '../../fixtures/packs/random-draft';
import { saclRevisionSource } from '../../fixtures/packs/sacl-revision';
import { sampleRevisionSource } from '../../fixtures/packs/sample-revision';

const RUNS = 100;
const PDF_RUNS = 2;
const NOW = new Date('2026-06-01T12:00:00Z');

/** The invariant, checked on one move; returns where each old answer went. */
function checkEveryAnswerOnce(before: Draft, plan: MovePlan, after: Draft): Map<string, { placedAt: string | null }> {
  const answered = Object.entries(before.answers).filter(([, v]) => isAnswered(v));
  const keptNow = after.retiredAnswers.slice(before.retiredAnswers.length);
  expect(after.retiredAnswers.slice(0, before.retiredAnswers.length)).toEqual(before.retiredAnswers);
  expect(Object.keys(after.answers).length + keptNow.length).toBe(answered.length);
  const where = new Map<string, { placedAt: string | null }>();
  for (const [id, value] of answered) {
    const entries = plan.entries.filter((e) => e.oldId === id);
    expect(entries, id).toHaveLength(1);
    const entry = entries[0]!;
    const kept = keptNow.filter((r) => r.itemId === id);
    if (entry.answer === 'retained') {
      expect(kept, id).toHaveLength(1);
      expect(canonicalText(kept[0]!.answer)).toBe(canonicalText(value));
      where.set(id, { placedAt: null });
    } else {
      expect(kept, id).toHaveLength(0);
      expect(entry.newId).not.toBeNull();
      const placed = after.answers[entry.newId!];
      expect(placed, id).toBeDefined();
      // A conversion or a renamed option may reshape the answer but never loses a word of it.
      expect(tokensIn(placed).sort()).toEqual(tokensIn(value).sort());
      where.set(id, { placedAt: entry.newId });
    }
  }
  const sources = plan.entries.filter((e) => e.answer === 'kept' || e.answer === 'converted').map((e) => e.newId as string);
  expect(new Set(sources).size).toBe(sources.length);
  expect([...sources].sort()).toEqual(Object.keys(after.answers).sort());
  return where;
}

/** The report's text with all whitespace removed: a long answer may wrap anywhere between words. */
async function pdfText(draft: Draft, pack: LoadedPack, dir: string, name: string): Promise<string> {
  const rendered = await renderReport(reportModelFromDraft(draft, pack.pack, { status: 'draft', now: NOW }));
  const file = path.join(dir, `${name}.pdf`);
  await fs.writeFile(file, rendered.bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

interface Revision {
  name: string;
  from: LoadedPack;
  to: () => LoadedPack;
}

let tmp = '';
let saclRevision: LoadedPack;
const REVISIONS: Revision[] = [
  { name: 'sample 0.1.0 → 0.2.0', from: loadSamplePack(), to: () => loadPack(sampleRevisionSource()) },
  { name: 'real checklist 1.0.0 → 1.1.0 (test revision)', from: defaultPack(), to: () => saclRevision },
];

beforeAll(async () => {
  setLogSink(null);
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-prop-'));
  saclRevision = loadPack(await saclRevisionSource(tmp));
});
afterAll(async () => {
  setLogSink((line) => process.stderr.write(line + '\n'));
  await fs.rm(tmp, { recursive: true, force: true });
});

describe.each(REVISIONS)('no answer is ever dropped: $name', (revision) => {
  it(`holds for ${RUNS} generated drafts`, () => {
    const to = revision.to();
    const seen = { retained: 0, converted: 0, unknown: 0, odd: 0 };
    for (let seed = 1; seed <= RUNS; seed++) {
      const { draft, odd, unknown } = randomDraft(seed, revision.from, LANGUAGES[seed % LANGUAGES.length]);
      const { plan, draft: after } = moveDraft(draft, revision.from, to, NOW);
      checkEveryAnswerOnce(draft, plan, after);
      seen.retained += plan.answers.retained;
      seen.converted += plan.answers.converted;
      seen.unknown += unknown.length;
      seen.odd += odd.length;
    }
    // The generator really exercised every path.
    expect(Math.min(seen.retained, seen.converted, seen.unknown, seen.odd)).toBeGreaterThan(10);
  });

  it('holds again when a moved draft is moved on, with its kept answers carried', () => {
    const to = revision.to();
    const { draft } = randomDraft(4242, revision.from);
    const once = moveDraft(draft, revision.from, to, NOW).draft;
    // Moving back is not a revision the pack describes: refused, the moved draft as it was.
    expect(() => moveDraft(once, to, revision.from, NOW)).toThrow(expect.objectContaining({ code: 'packs:errors.noMigrationPath' }));
    expect(once.retiredAnswers.length).toBeGreaterThan(0);
  });

  it(
    'and the PDF of the moved draft shows every answer, in its place or in the annex',
    async () => {
      const to = revision.to();
      for (let seed = 1000; seed < 1000 + PDF_RUNS; seed++) {
        const { draft } = randomDraft(seed, revision.from, seed % 2 === 0 ? 'en' : 'fr');
        const { plan, draft: after } = moveDraft(draft, revision.from, to, NOW);
        const where = checkEveryAnswerOnce(draft, plan, after);
        const text = (await pdfText(after, to, tmp, `seed-${seed}`)).replace(/\s+/g, '');
        const relevant = relevantItems(to.pack, after.answers);
        let looked = 0;
        for (const [id, { placedAt }] of where) {
          // A placed answer to a question the new skip logic hides is kept but, like any skipped answer, not printed.
          if (placedAt !== null && !relevant.has(placedAt)) continue;
          for (const token of tokensIn(draft.answers[id])) {
            looked += 1;
            expect(text.includes(token), `${token} of ${id} (${placedAt ?? 'kept aside'})`).toBe(true);
          }
        }
        expect(looked).toBeGreaterThan(5);
        const annex = createLabels(after.assessment.responseLanguage).t('retired.title').replace(/\s+/g, '');
        expect(text.includes(annex)).toBe(after.retiredAnswers.length > 0);
      }
    },
    240_000,
  );
});
