import { z } from 'zod';
import { PackSchema } from '../checklist/schema';
import { DraftSchema } from './schema';
import { AssessmentStateSchema } from '../store/assessment-state';
import { TrashRecordSchema } from '../store/trash';

const BASE = 'https://unhabitat.org/safer-cities/self-assessment/schemas';

function toJson(schema: z.ZodType, id: string, title: string, description: string): Record<string, unknown> {
  // `input`: what a file on disk may contain (fields with defaults are optional there).
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $schema: json['$schema'], $id: `${BASE}/${id}`, title, description, ...json };
}

/**
 * The JSON Schemas of the file formats, generated from the zod schemas that the code itself uses.
 * Committed under docs/schemas/ by `node scripts/gen-schemas.mjs`; a test keeps them in step.
 */
export function generateJsonSchemas(): Record<string, Record<string, unknown>> {
  return {
    'checklist-pack.schema.json': toJson(
      PackSchema,
      'checklist-pack.schema.json',
      'Safer Cities self-assessment checklist pack',
      'A versioned checklist: sections, items, rules and translations in the six UN languages. See docs/formats/checklist-pack.md.',
    ),
    'draft.schema.json': toJson(
      DraftSchema,
      'draft.schema.json',
      'Safer Cities self-assessment draft (*.scsa.json)',
      'One assessment in progress: metadata, answers keyed by item id, attachments by SHA-256, revision and change log. See docs/formats/draft.md.',
    ),
    'assessment-state.schema.json': toJson(
      AssessmentStateSchema,
      'assessment-state.schema.json',
      'Safer Cities self-assessment: what this computer keeps beside a draft (assessment-state.json)',
      'Whether the user archived the assessment, and the number of a copy kept beside the assessment with its id. Never part of a copy or a bundle. See docs/formats/draft.md, "Assessment state".',
    ),
    'trashed-assessment.schema.json': toJson(
      TrashRecordSchema,
      'trashed-assessment.schema.json',
      'Safer Cities self-assessment: a deleted assessment in the trash folder (trashed.json)',
      'What was moved into trash/<id>--<time>/ and from where, so the app can put it back. See docs/formats/draft.md, "Trash".',
    ),
  };
}

/** The exact text written to disk for a schema: two-space JSON and a final newline. */
export function schemaFileText(schema: Record<string, unknown>): string {
  return JSON.stringify(schema, null, 2) + '\n';
}
