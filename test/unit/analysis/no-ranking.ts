// Submissions whose results would put countries in a different order from the alphabet, and the
// checks that every output keeps countries alphabetical and never scores one.
import { expect } from 'vitest';
import { loadExample } from '../../../core/checklist/examples';
import type { Submission } from '../../../core/bundle/submission';
import { submissionFor } from './fixture';

/**
 * Austria answers "not implemented" everywhere, Zambia "fully implemented" everywhere, the others in
 * between: ordered by result (most "fully" first) the list is the alphabet backwards in English,
 * and unlike the alphabet in every other language.
 */
export const RANKED = ['ZMB', 'KEN', 'FRA', 'EGY', 'BRA', 'AUT'];
const LEVEL: Record<string, string> = { ZMB: 'fully', KEN: 'fully', FRA: 'partially', EGY: 'partially', BRA: 'not_implemented', AUT: 'not_implemented' };

export function rankedSubmissions(): Submission[] {
  const example = loadExample('en').answers;
  return RANKED.map((code, i) => {
    const answers: Record<string, unknown> = {};
    for (const [id, value] of Object.entries(example)) {
      if (value && typeof value === 'object' && !Array.isArray(value) && 'status' in value) answers[id] = { ...value, status: LEVEL[code] };
    }
    // More good practices for the "better" countries, and a result-like number: neither may order them.
    answers['C.1'] = 100 - i * 10;
    return submissionFor(code, { language: code === 'EGY' ? 'ar' : 'en', answers });
  });
}

/** Whether `names` are in the alphabetical order of `language` (ties allowed). */
export function expectAlphabetical(names: readonly string[], language: string, what: string): void {
  const collator = new Intl.Collator(language);
  const sorted = [...names].sort(collator.compare);
  expect(names, `${what}: countries in alphabetical order (${language})`).toEqual(sorted);
}

/** Words that would name a score or a rank in a header, in the six languages. */
export const RANK_WORDS = /\b(rank|ranking|score|scores|total per country)\b|classement|classe|note|puntuaci|clasificaci|рейтинг|ранг|балл|排名|名次|得分|ترتيب البلد|درجة البلد/iu;
