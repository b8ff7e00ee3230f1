import { describeIssues } from '../checklist/issues';
import type { LoadedPack } from '../checklist/load';
import { DraftSchema, type Draft } from '../draft/schema';
import { AppError } from '../errors';
import { planMove, type MovePlan } from './plan';

/**
 * The draft after `plan`: on the new checklist version, with the plan's answers, and every answer
 * the plan kept aside appended to `retiredAnswers` (those kept by earlier moves stay). Revision,
 * times and change log are the store's business: saving the result makes the new revision, which
 * history can undo. Throws `drafts:errors.invalidDraft` if the result would not be a valid draft.
 */
export function applyMove(draft: Draft, plan: MovePlan): Draft {
  if (draft.checklist.id !== plan.from.id || draft.checklist.version !== plan.from.version) {
    throw new AppError('packs:errors.planOutdated', { id: plan.from.id, version: plan.from.version });
  }
  // Spreading keeps the draft's field order, so the file reads as any other draft.
  const moved: Draft = {
    ...draft,
    checklist: { ...plan.to },
    // Answers are values the store treats as immutable (it freezes them): kept ones are shared, not copied.
    answers: { ...plan.newAnswers },
    retiredAnswers: [...draft.retiredAnswers, ...plan.retired],
  };
  // The answers were JSON in the draft and conversions only produce JSON; what is new is checked.
  const { answers: _answers, ...rest } = moved;
  const parsed = ShellSchema.safeParse(rest);
  if (!parsed.success) throw new AppError('drafts:errors.invalidDraft', describeIssues(parsed.error));
  return moved;
}

const ShellSchema = DraftSchema.omit({ answers: true });

export interface MoveResult {
  plan: MovePlan;
  draft: Draft;
}

/** Plan and apply in one go (see planMove for what it refuses). The input draft is not changed. */
export function moveDraft(draft: Draft, oldPack: LoadedPack, newPack: LoadedPack, now: Date = new Date()): MoveResult {
  const plan = planMove(draft, oldPack, newPack, now);
  return { plan, draft: applyMove(draft, plan) };
}
