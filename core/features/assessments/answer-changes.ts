import { isAnswered } from '../../checklist/answer-presence';
import type { AnswerChanges } from './contract';

type Answers = Record<string, unknown>;

/**
 * The answers after `changes`: a value sets the answer; `null` or a blank value (an empty string, an
 * empty list, a block of blanks: see `isAnswered`) removes it. Answers not named in `changes` are kept
 * as they are, those to items the pack does not know included.
 */
export function applyAnswerChanges<A extends Answers>(answers: A, changes: AnswerChanges): A {
  const next: Answers = { ...answers };
  for (const [itemId, value] of Object.entries(changes)) {
    if (value === null || !isAnswered(value)) delete next[itemId];
    else next[itemId] = value;
  }
  return next as A;
}
