import { isAnswered } from '../checklist/answer-presence';
import { compileRule } from '../checklist/rules';
import { formatIssuePath } from '../checklist/issues';
import type { ChecklistItem, ChecklistPack } from '../checklist/schema';
import type { LocalizedText } from '../checklist/localized';
import type { z } from 'zod';
import { ANSWER_SHAPES, answerSchemaFor, EvidenceAnswerSchema } from './answers';
import { answerReasons } from './answer-reasons';
import type { Draft } from './schema';

export type DraftProblemKind = 'required' | 'constraint' | 'invalid' | 'unknownItem';

/** One thing missing or wrong in a draft, tied to an item so the UI can link to it. */
export interface DraftProblem {
  itemId: string;
  problem: DraftProblemKind;
  /** i18next key in the `drafts` namespace, e.g. `drafts:validation.required`. */
  messageKey: string;
  params: Record<string, string | number>;
  /** For constraints: the pack's own translated message. */
  message?: LocalizedText;
  /**
   * Texts of the pack the message names (a table's column labels), to show in the reader's language;
   * `params` carries them in English for a reader that does not look here (problem-message.ts does).
   */
  labels?: Record<string, LocalizedText>;
}

/**
 * Which items are relevant under the current answers. Items are visited in pack order and a skipped
 * item's answer is hidden from the rules that follow, so skip logic chains as a reader expects.
 * The answers themselves are never changed.
 */
export function relevantItems(pack: ChecklistPack, answers: Readonly<Record<string, unknown>>): Set<string> {
  const visible: Record<string, unknown> = { ...answers };
  const relevant = new Set<string>();
  for (const item of pack.sections.flatMap((s) => s.items)) {
    if (item.relevance && !compileRule(item.relevance).test({ answers: visible, currentItemId: item.id })) {
      delete visible[item.id];
      continue;
    }
    relevant.add(item.id);
  }
  return relevant;
}

/** Whether `item` is required under `answers` (a boolean or a rule). */
export function isRequired(item: ChecklistItem, answers: Readonly<Record<string, unknown>>): boolean {
  if (typeof item.required === 'boolean') return item.required;
  return compileRule(item.required).test({ answers, currentItemId: item.id });
}

function checkItem(item: ChecklistItem, draft: Draft, answers: Record<string, unknown>): DraftProblem[] {
  const value = answers[item.id];
  if (!isAnswered(value)) {
    return isRequired(item, answers) ? [{ itemId: item.id, problem: 'required', messageKey: 'drafts:validation.required', params: { itemId: item.id } }] : [];
  }
  const parsed = answerSchemaFor(item).safeParse(value);
  if (!parsed.success) return invalidAnswer(item, value, answers, parsed.error.issues[0]);
  const problems: DraftProblem[] = [];
  if (item.type === 'evidence') {
    const listed = new Set(draft.attachments.map((a) => a.sha256));
    for (const sha256 of EvidenceAnswerSchema.parse(value).files) {
      if (!listed.has(sha256)) {
        problems.push({ itemId: item.id, problem: 'invalid', messageKey: 'drafts:validation.attachmentNotListed', params: { itemId: item.id, sha256 } });
      }
    }
  }
  return [...problems, ...brokenConstraints(item, answers)];
}

function brokenConstraints(item: ChecklistItem, answers: Record<string, unknown>): DraftProblem[] {
  const problems: DraftProblem[] = [];
  item.constraints.forEach((c, index) => {
    if (!compileRule(c.rule).test({ answers, currentItemId: item.id })) {
      problems.push({ itemId: item.id, problem: 'constraint', messageKey: 'drafts:validation.constraint', params: { itemId: item.id, index }, message: c.message });
    }
  });
  return problems;
}

/**
 * An answer its item's schema refuses, with the reasons named. When the answer has at least the
 * type's basic shape, the pack's constraints are checked too: a bound the pack restates in its own
 * words ("The amount cannot be negative.") is said once, in the pack's words.
 */
function invalidAnswer(item: ChecklistItem, value: unknown, answers: Record<string, unknown>, issue: z.core.$ZodIssue | undefined): DraftProblem[] {
  const constraints = ANSWER_SHAPES[item.type].safeParse(value).success ? brokenConstraints(item, answers) : [];
  const reasons = answerReasons(item, value).filter((r) => !(r.bound && constraints.length > 0));
  const named: DraftProblem[] = reasons.map((r) => ({
    itemId: item.id,
    problem: 'invalid',
    messageKey: r.messageKey,
    params: { itemId: item.id, ...r.params },
    ...(r.labels ? { labels: r.labels } : {}),
  }));
  if (named.length === 0 && constraints.length === 0) {
    named.push({
      itemId: item.id,
      problem: 'invalid',
      messageKey: 'drafts:validation.invalid',
      params: { itemId: item.id, path: issue ? formatIssuePath(issue.path) : '', problem: issue?.message ?? 'invalid' },
    });
  }
  return [...named, ...constraints];
}

/**
 * What is missing or invalid in `draft` against `pack`, item by item in pack order. Skipped items
 * (relevance false) are neither required nor checked. Answers to ids the pack does not know are
 * kept in the draft and reported last as `unknownItem`.
 */
export function validateDraft(draft: Draft, pack: ChecklistPack): DraftProblem[] {
  const relevant = relevantItems(pack, draft.answers);
  const visible: Record<string, unknown> = {};
  for (const [id, v] of Object.entries(draft.answers)) if (relevant.has(id)) visible[id] = v;
  const known = new Set<string>();
  const problems: DraftProblem[] = [];
  for (const item of pack.sections.flatMap((s) => s.items)) {
    known.add(item.id);
    if (relevant.has(item.id)) problems.push(...checkItem(item, draft, visible));
  }
  for (const id of Object.keys(draft.answers)) {
    if (!known.has(id)) problems.push({ itemId: id, problem: 'unknownItem', messageKey: 'drafts:validation.unknownItem', params: { itemId: id } });
  }
  return problems;
}
