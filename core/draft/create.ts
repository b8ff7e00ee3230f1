import type { ChecklistPack } from '../checklist/schema';
import { AssessmentMetaSchema, DRAFT_SCHEMA_VERSION, DraftSchema, type AssessmentMeta, type Draft } from './schema';
import type { z } from 'zod';
import { AppError } from '../errors';
import { describeIssues } from '../checklist/issues';

/** Input for a new draft; defaults fill focal points, institutions and period. */
export type NewDraftInput = z.input<typeof AssessmentMetaSchema>;

/** A fresh, empty draft at revision 0 bound to `pack`'s id and version. Throws AppError `drafts:errors.invalidMetadata` naming the bad field. */
export function newDraft(meta: NewDraftInput, pack: Pick<ChecklistPack, 'id' | 'version'>, now: Date = new Date(), id: string = globalThis.crypto.randomUUID()): Draft {
  const parsed = AssessmentMetaSchema.safeParse(meta);
  if (!parsed.success) throw new AppError('drafts:errors.invalidMetadata', describeIssues(parsed.error));
  const assessment: AssessmentMeta = parsed.data;
  const at = now.toISOString();
  return DraftSchema.parse({
    schemaVersion: DRAFT_SCHEMA_VERSION,
    id,
    createdAt: at,
    updatedAt: at,
    revision: 0,
    assessment,
    checklist: { id: pack.id, version: pack.version },
    answers: {},
    attachments: [],
    changeLog: [],
  });
}
