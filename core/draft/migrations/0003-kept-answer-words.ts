import type { DraftMigration } from './types';

/**
 * 2 → 3. Version 3 lets each kept answer (`retiredAnswers[]`) carry the words of the version it was
 * given for: the options chosen (`options`) and a table's columns (`columns`). Answers kept by an
 * older app have none and are left as they are: nothing can be guessed here without that version's
 * pack, so readers show them through the old pack when it is installed, else by id
 * (core/draft/kept-words.ts).
 */
export const migration0003: DraftMigration = {
  id: '0003-kept-answer-words',
  from: 2,
  to: 3,
  up(old) {
    return { ...old, schemaVersion: 3 };
  },
};
