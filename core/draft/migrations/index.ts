import { AppError } from '../../errors';
import { createLogger } from '../../log';
import { describeIssues } from '../../checklist/issues';
import { DRAFT_SCHEMA_VERSION, DraftSchema, type Draft } from '../schema';
import { depthWithin } from '../../json/bounds';
import { checkAnswersRecord, checkDraftSize, MAX_ANSWER_DEPTH } from '../limits';
import { migration0001 } from './0001-preview-to-v1';
import { migration0002 } from './0002-retired-answers';
import { migration0003 } from './0003-kept-answer-words';
import type { DraftMigration } from './types';

export type { DraftMigration } from './types';

const log = createLogger('draft-migrations');

/** The registry, in order. Append new steps; never reorder or edit. */
export const DRAFT_MIGRATIONS: readonly DraftMigration[] = [migration0001, migration0002, migration0003];

export interface MigrationResult {
  draft: Draft;
  /** The version the document had on disk, when it was older than the current one; else null. */
  migratedFrom: number | null;
  applied: string[];
}

/**
 * Bring a parsed draft document of any known version to the current one and validate it.
 * Throws AppError: `drafts:errors.notADraft` (not an object or no schemaVersion),
 * `drafts:errors.futureVersion` (written by a newer app: never touched), `drafts:errors.unsupportedVersion`,
 * `drafts:errors.invalidDraft` with `path` and `problem` params, and the bounds of limits.ts
 * (`answerTooDeep`, `answerTooLarge`, `tooManyAnswers`, `draftTooLarge`…), checked without recursion
 * before any step or schema walks the document.
 */
export function migrateDraft(
  raw: unknown,
  migrations: readonly DraftMigration[] = DRAFT_MIGRATIONS,
  current: number = DRAFT_SCHEMA_VERSION,
): MigrationResult {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new AppError('drafts:errors.notADraft');
  let doc = raw as Record<string, unknown>;
  const found = doc['schemaVersion'];
  if (typeof found !== 'number' || !Number.isInteger(found) || found < 0) throw new AppError('drafts:errors.notADraft');
  if (found > current) throw new AppError('drafts:errors.futureVersion', { found, supported: current });
  // Every version keeps its answers under `answers`; the rest of a draft is a few levels deep at most.
  checkAnswersRecord(doc['answers']);
  if (!depthWithin(doc, MAX_ANSWER_DEPTH + 4)) throw new AppError('drafts:errors.invalidDraft', { path: '(root)', problem: 'nested too deeply', count: 1 });
  const applied: string[] = [];
  let version = found;
  while (version < current) {
    const step = migrations.find((m) => m.from === version);
    if (!step) throw new AppError('drafts:errors.unsupportedVersion', { found, supported: current });
    doc = step.up(doc);
    if (doc['schemaVersion'] !== step.to) throw new AppError('drafts:errors.unsupportedVersion', { found, supported: current });
    applied.push(step.id);
    version = step.to;
  }
  // Refused before zod walks every value (a 3.6 MB file of wide arrays would be a 38 MB draft).
  checkDraftSize(doc, { onlyBytes: true });
  const parsed = DraftSchema.safeParse(doc);
  if (!parsed.success) throw new AppError('drafts:errors.invalidDraft', describeIssues(parsed.error));
  checkDraftSize(parsed.data);
  if (applied.length > 0) log.info(`draft ${parsed.data.id} migrated from version ${found}: ${applied.join(', ')}`);
  return { draft: parsed.data, migratedFrom: applied.length > 0 ? found : null, applied };
}
