import { isAnswered } from '../checklist/answer-presence';
import type { ChecklistPack } from '../checklist/schema';
import { relevantItems } from './validate';

/** How far a draft has come: answered items among those that apply under its answers (skip logic). */
export interface DraftProgress {
  answered: number;
  relevant: number;
}

/**
 * Items answered of the items that apply, counted as the form's overall progress bar counts them, so
 * the home list and the form never disagree. Answers to items the pack does not have are not counted.
 */
export function draftProgress(pack: ChecklistPack, answers: Readonly<Record<string, unknown>>): DraftProgress {
  const relevant = relevantItems(pack, answers);
  let answered = 0;
  for (const id of relevant) if (isAnswered(answers[id])) answered += 1;
  return { answered, relevant: relevant.size };
}
