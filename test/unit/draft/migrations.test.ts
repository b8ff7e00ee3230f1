import { describe, expect, it } from 'vitest';
import { migrateDraft, type DraftMigration } from '../../../core/draft/migrations/index';
import { DRAFT_SCHEMA_VERSION } from '../../../core/draft/schema';
import { AppError } from '../../../core/errors';

/** A draft as the 0.x preview wrote it (format 0). */
const preview = {
  schemaVersion: 0,
  id: 'prev-0001',
  country: 'KEN',
  language: 'fr',
  focalPoint: { name: 'Amina Diallo', title: 'Directrice', institution: 'Ministère', email: 'amina@example.org', phone: '+254 20 000' },
  checklistId: 'safer-cities-sample',
  checklistVersion: '0.1.0',
  revision: 7,
  createdAt: '2026-01-02T10:00:00.000Z',
  updatedAt: '2026-01-03T10:00:00.000Z',
  answers: { 'B.1': 'partially', 'Z.99': 'kept even though unknown' },
};

describe('draft migrations', () => {
  it('brings a format-0 preview draft to the current format without losing an answer', () => {
    const { draft, migratedFrom, applied } = migrateDraft(structuredClone(preview));
    expect(migratedFrom).toBe(0);
    expect(applied).toEqual(['0001-preview-to-v1', '0002-retired-answers', '0003-kept-answer-words']);
    expect(draft.schemaVersion).toBe(DRAFT_SCHEMA_VERSION);
    expect(draft.assessment).toMatchObject({ countryCode: 'KEN', responseLanguage: 'fr' });
    expect(draft.assessment.focalPoints).toEqual([preview.focalPoint]);
    expect(draft.answers).toEqual(preview.answers);
    expect(draft.revision).toBe(7);
  });

  it('brings a version-1 draft to the current version with no kept answers, every answer where it was', () => {
    const v1 = { ...migrateDraft(structuredClone(preview)).draft, schemaVersion: 1 } as Record<string, unknown>;
    delete v1.retiredAnswers;
    const { draft, migratedFrom, applied } = migrateDraft(v1);
    expect(migratedFrom).toBe(1);
    expect(applied).toEqual(['0002-retired-answers', '0003-kept-answer-words']);
    expect(draft.retiredAnswers).toEqual([]);
    expect(draft.answers).toEqual(preview.answers);
  });

  it('leaves a current draft as it is', () => {
    const current = migrateDraft(structuredClone(preview)).draft;
    const again = migrateDraft(JSON.parse(JSON.stringify(current)));
    expect(again.migratedFrom).toBeNull();
    expect(again.draft).toEqual(current);
  });

  it('refuses a draft from the future, saying which versions', () => {
    const future = { ...migrateDraft(structuredClone(preview)).draft, schemaVersion: DRAFT_SCHEMA_VERSION + 1 };
    expect(() => migrateDraft(future)).toThrow(AppError);
    try {
      migrateDraft(future);
    } catch (err) {
      expect((err as AppError).code).toBe('drafts:errors.futureVersion');
      expect((err as AppError).params).toEqual({ found: DRAFT_SCHEMA_VERSION + 1, supported: DRAFT_SCHEMA_VERSION });
    }
  });

  it('says "not a draft" for something else, and names the path of a schema problem', () => {
    expect(() => migrateDraft([1, 2])).toThrow(expect.objectContaining({ code: 'drafts:errors.notADraft' }));
    expect(() => migrateDraft({ hello: 'world' })).toThrow(expect.objectContaining({ code: 'drafts:errors.notADraft' }));
    const bad = { ...structuredClone(preview), country: 'Kenya' };
    expect(() => migrateDraft(bad)).toThrow(expect.objectContaining({ code: 'drafts:errors.invalidDraft', params: expect.objectContaining({ path: 'assessment.countryCode' }) }));
  });

  it('runs a chain of numbered steps in order', () => {
    const seen: string[] = [];
    const step = (from: number): DraftMigration => ({
      id: `000${from + 1}-step`,
      from,
      to: from + 1,
      up: (old) => {
        seen.push(`${from}->${from + 1}`);
        return from + 1 === DRAFT_SCHEMA_VERSION ? (migrateDraft(structuredClone(preview)).draft as unknown as Record<string, unknown>) : { ...old, schemaVersion: from + 1 };
      },
    });
    // A fake registry of as many steps as the real one proves the chaining logic.
    const fake = Array.from({ length: DRAFT_SCHEMA_VERSION }, (_, from) => step(from));
    expect(() => migrateDraft(structuredClone(preview), fake, DRAFT_SCHEMA_VERSION)).not.toThrow();
    expect(seen).toEqual(fake.map((m) => `${m.from}->${m.to}`));
    expect(() => migrateDraft({ schemaVersion: 0 }, [], 1)).toThrow(expect.objectContaining({ code: 'drafts:errors.unsupportedVersion' }));
  });
});
