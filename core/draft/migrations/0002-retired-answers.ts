import type { DraftMigration } from './types';

/**
 * 1 → 2. Version 2 adds `retiredAnswers`: answers kept when a draft moves to a checklist version
 * that has no place for them (core/revisions). A version-1 draft has none; nothing else changes.
 */
export const migration0002: DraftMigration = {
  id: '0002-retired-answers',
  from: 1,
  to: 2,
  up(old) {
    return { ...old, schemaVersion: 2, retiredAnswers: [] };
  },
};
