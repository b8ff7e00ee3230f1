/**
 * The bounds of a draft, checked wherever answers enter (a save, an import, a migration, a bundle's
 * submission): every answer, to a known item or not, is kept only if it is nested no deeper, and is
 * no larger, than any answer could be; a draft holds a bounded number of answers; its file has a
 * bounded size. Each check walks without recursion (core/json/bounds.ts) and stops at the first
 * bound crossed, so a hostile file is refused in milliseconds and never reaches zod's recursive
 * `z.json()` or `JSON.stringify`. Limits are part of the format: docs/formats/draft.md.
 */
import { AppError } from '../errors';
import { measureJson } from '../json/bounds';

/**
 * Deepest nesting of an answer. The deepest shape an item type has is 3 (`evidence`: an object of
 * lists of link objects; a `table`: rows of cells); answers to items a checklist no longer has come
 * from those same shapes. The margin leaves room for new item types.
 */
export const MAX_ANSWER_DEPTH = 8;
/** Largest answer, as the draft file writes it (UTF-8). A 20,000-character text in Chinese is 60 KB. */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024;
/** Most answers in one draft (the checklist has 85 items; kept answers to retired items add to them). */
export const MAX_ANSWERS = 2000;
/**
 * Largest draft file (`JSON.stringify(draft, null, 2)` and its newline). Every save is refused
 * beyond it, and every import accepts up to it, so a file the app wrote can always be opened again.
 */
export const MAX_DRAFT_BYTES = 32 * 1024 * 1024;

/** The errors of these bounds: each says what was refused in its own words, wherever it came from. */
export const BOUND_ERROR_CODES: ReadonlySet<string> = new Set([
  'drafts:errors.answerTooDeep',
  'drafts:errors.answerTooLarge',
  'drafts:errors.answerNotJson',
  'drafts:errors.answerShape',
  'drafts:errors.tooManyAnswers',
  'drafts:errors.draftTooLarge',
]);

/** Where answers sit in the draft file (`{ "answers": { "A.1": … } }`): their pretty-printing indent. */
const ANSWER_LEVEL = 2;

const MIB = 1024 * 1024;

/**
 * Check one answer against the bounds every answer has. Throws `drafts:errors.answerTooDeep`
 * (`itemId`, `limit`), `drafts:errors.answerTooLarge` (`itemId`, `limit` in MB) or
 * `drafts:errors.answerNotJson` (`itemId`).
 */
export function checkAnswerBounds(itemId: string, value: unknown): void {
  const m = measureJson(value, { maxDepth: MAX_ANSWER_DEPTH, maxBytes: MAX_ANSWER_BYTES, level: ANSWER_LEVEL });
  if (m.ok) return;
  if (m.problem === 'depth') throw new AppError('drafts:errors.answerTooDeep', { itemId, limit: MAX_ANSWER_DEPTH });
  if (m.problem === 'bytes') throw new AppError('drafts:errors.answerTooLarge', { itemId, limit: MAX_ANSWER_BYTES / MIB });
  throw new AppError('drafts:errors.answerNotJson', { itemId });
}

/** `drafts:errors.tooManyAnswers` (`answers`, `limit`) beyond MAX_ANSWERS. */
export function checkAnswerCount(count: number): void {
  if (count > MAX_ANSWERS) throw new AppError('drafts:errors.tooManyAnswers', { answers: count, limit: MAX_ANSWERS });
}

/**
 * Check a whole answers record from outside (a parsed file, a migrated document): its size first,
 * then each answer. Anything that is not a plain record is left to the schema to name.
 */
export function checkAnswersRecord(answers: unknown): void {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return;
  const ids = Object.keys(answers);
  checkAnswerCount(ids.length);
  for (const id of ids) checkAnswerBounds(id, (answers as Record<string, unknown>)[id]);
}

/** `drafts:errors.draftTooLarge` (`limit` in MB) for a draft file of `bytes` beyond MAX_DRAFT_BYTES. */
export function checkDraftBytes(bytes: number): void {
  if (bytes > MAX_DRAFT_BYTES) throw new AppError('drafts:errors.draftTooLarge', { limit: MAX_DRAFT_BYTES / MIB });
}

/**
 * The size of the file `serializeDraft(draft)` would write, or the draftTooLarge error as soon as it
 * is certain to exceed the bound: measured, never built, so a hostile draft costs no memory here.
 * Size does not depend on the order of keys and the schema only adds defaults, so a document still
 * to be validated can be measured first (`onlyBytes`: anything else wrong is the schema's to name).
 */
export function checkDraftSize(draft: unknown, options: { onlyBytes?: boolean } = {}): void {
  // The draft's own structure adds two levels above its answers, whose depth was bounded already.
  const m = measureJson(draft, { maxDepth: MAX_ANSWER_DEPTH + 4, maxBytes: MAX_DRAFT_BYTES - 1 });
  if (!m.ok && m.problem === 'bytes') checkDraftBytes(MAX_DRAFT_BYTES + 1);
  if (!m.ok && !options.onlyBytes) throw new AppError('drafts:errors.invalidDraft', { path: '(root)', problem: m.problem, count: 1 });
}
