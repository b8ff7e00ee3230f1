// 193 fully answered submissions for the analysis benchmark: the bundled example assessment given
// to every UN Member State, in English or Arabic, with statuses, choices and needs varied per
// country so that the counts are not all alike.
import { createHash } from 'node:crypto';
import { buildSubmission, type Submission } from '../../core/bundle/submission';
import { loadExample } from '../../core/checklist/examples';
import { STATUS_VALUES, ASSISTANCE_TYPES } from '../../core/checklist/vocabulary';
import { UN_MEMBER_STATES } from '../../core/i18n/countries';
import type { Draft } from '../../core/draft/schema';

function uuidOf(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The example's draft made the current submission of `code` (index `i` varies its answers). */
export function draftFor(code: string, i: number): Draft {
  const draft = loadExample(i % 3 === 2 ? 'ar' : 'en');
  draft.id = `${code.toLowerCase()}-2026`;
  draft.assessment.countryCode = code;
  const answers: Record<string, unknown> = {};
  // Every country's texts its own (as real answers are): a spreadsheet cannot share them.
  const own = (text: string): string => `[${code}] ${text}`;
  for (const [id, value] of Object.entries(draft.answers)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && 'status' in value) {
      const n = (i + id.length) % STATUS_VALUES.length;
      const texts = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? own(v) : v]));
      answers[id] = { ...texts, status: STATUS_VALUES[n], assistanceTypes: [ASSISTANCE_TYPES[n], ASSISTANCE_TYPES[(n + i) % ASSISTANCE_TYPES.length]] };
    } else if (typeof value === 'string' && value.length > 40) answers[id] = own(value);
    else if (Array.isArray(value) && value.every((row) => row && typeof row === 'object')) {
      answers[id] = value.map((row) => Object.fromEntries(Object.entries(row as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' && v.length > 40 ? own(v) : v])));
    } else answers[id] = value;
  }
  answers['A.6'] = ['full', 'full', 'summary_only', 'not_public'][i % 4];
  draft.answers = answers as Draft['answers'];
  return draft;
}

export function memberStateSubmissions(): Submission[] {
  return UN_MEMBER_STATES.map((code, i) =>
    buildSubmission(draftFor(code, i), {
      externalIdentifier: uuidOf(code),
      submissionRevision: 1 + (i % 3),
      exportedAt: new Date('2026-10-01T12:00:00Z'),
      software: 'bench',
    }),
  );
}
