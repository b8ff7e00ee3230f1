import type { DraftMigration } from './types';

/**
 * 0 → 1. Version 0 was the 0.x preview layout: a single `focalPoint`, flat `country`, `language`,
 * `checklistId` and `checklistVersion`, no attachments list and no change log. Every answer is
 * carried over untouched.
 */
export const migration0001: DraftMigration = {
  id: '0001-preview-to-v1',
  from: 0,
  to: 1,
  up(old) {
    const now = new Date().toISOString();
    const focal = old['focalPoint'];
    return {
      schemaVersion: 1,
      id: old['id'],
      createdAt: old['createdAt'] ?? now,
      updatedAt: old['updatedAt'] ?? now,
      revision: old['revision'] ?? 0,
      assessment: {
        countryCode: old['country'],
        responseLanguage: old['language'],
        focalPoints: focal && typeof focal === 'object' ? [focal] : [],
        contributingInstitutions: old['institutions'] ?? [],
        periodCovered: null,
      },
      checklist: { id: old['checklistId'], version: old['checklistVersion'] },
      answers: old['answers'] ?? {},
      attachments: [],
      changeLog: [],
    };
  },
};
