// A draft of the sample pack (every item type) in Arabic, its review base, and replies built the way
// the app builds them: with the reviewer's own functions (core/review/work.ts).
import { loadSamplePack } from '../../../core/checklist/sample';
import { newDraft } from '../../../core/draft/create';
import type { Draft } from '../../../core/draft/schema';
import { setLogSink } from '../../../core/log';
import {
  addComment,
  buildReply,
  buildReviewRequest,
  replySha256,
  setReviewer,
  setVerdict,
  startReview,
  suggest,
  type ReceivedReply,
  type ReviewRequest,
  type SendForReview,
  type Verdict,
} from '../../../core/review';

setLogSink(null);

export const pack = loadSamplePack().pack;
export const T0 = new Date('2026-11-02T08:00:00Z');

/** Answers to every item of the sample pack, texts in Arabic. */
export function arabicAnswers(): Record<string, unknown> {
  return {
    'A.1': 'وزارة الداخلية هي المسؤولة عن تنسيق التقييم الذاتي.',
    'A.2': '2026-01-15',
    'A.3': ['civil_society', 'academia'],
    'A.4': true,
    'B.1': 'partially',
    'B.2': 'interministerial',
    'B.4': 40,
    'B.5': {
      status: 'partially',
      measures: 'اعتمدت الحكومة استراتيجية وطنية للسلامة الحضرية في عام 2019.',
      examples: 'مراجعة السلامة في نيروبي.',
      assistanceNeeded: true,
      assistanceTypes: ['capacity_building'],
    },
    'C.1': { status: 'fully', measures: 'خطط محلية في المدن الكبرى.' },
    'C.2': [
      { city: 'نيروبي', population: 4400000, audit: true, stage: 'adopted' },
      { city: 'مومباسا', population: 1200000, audit: false, stage: 'draft' },
      { city: 'كيسومو', population: 600000, stage: 'draft' },
    ],
    'C.3': { files: [], links: [{ url: 'https://example.org/strategy.pdf', title: 'الاستراتيجية' }] },
    'C.4': 'التحديات الرئيسية هي التمويل والتنسيق.',
  };
}

/** The focal point's draft at revision 5, answered in Arabic. */
export function baseDraft(): Draft {
  const d = newDraft(
    { countryCode: 'KEN', responseLanguage: 'ar', focalPoints: [{ name: 'أمينة علي', institution: 'وزارة الداخلية' }] },
    pack,
    T0,
    'ken-2026',
  );
  return { ...d, revision: 5, answers: arabicAnswers() as Draft['answers'] };
}

export function request(draft: Draft = baseDraft(), options: Partial<SendForReview> = {}): ReviewRequest {
  return buildReviewRequest(draft, pack, { to: { institution: 'وزارة الصحة' }, now: T0, ...options });
}

export interface ReplySpec {
  institution: string;
  suggestions?: Record<string, unknown>;
  comments?: Array<{ itemId: string; text: string; field?: string }>;
  verdict?: Verdict;
  at?: Date;
}

/** A reply to `req` as a reviewer would return it, with its content hash. */
export function reply(req: ReviewRequest, spec: ReplySpec): ReceivedReply {
  const at = spec.at ?? new Date('2026-11-10T10:00:00Z');
  let w = setReviewer(startReview(req, at), { name: `Reviewer, ${spec.institution}`, institution: spec.institution });
  for (const [itemId, answer] of Object.entries(spec.suggestions ?? {})) w = suggest(w, req, pack, { itemId, answer }, at);
  for (const c of spec.comments ?? []) w = addComment(w, pack, c, at);
  const r = buildReply(setVerdict(w, spec.verdict ?? 'comments', undefined, at), at);
  return { reply: r, sha256: replySha256(r), source: `${spec.institution}.scsa-reply.json` };
}
