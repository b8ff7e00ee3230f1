import { z } from 'zod';
import { ReviewReplySchema, ReviewRequestSchema } from './schema';
import { ReviewLedgerSchema } from './ledger';
import { ReviewWorkSchema } from './work';
import { DeskSchema } from './work-file';

const BASE = 'https://unhabitat.org/safer-cities/self-assessment/schemas';

function toJson(schema: z.ZodType, id: string, title: string, description: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $schema: json['$schema'], $id: `${BASE}/${id}`, title, description, ...json };
}

/**
 * The JSON Schemas of the review files, generated from the zod schemas the code uses and
 * committed under docs/schemas/ by `node scripts/gen-schemas.mjs` (test/unit/review/json-schemas.test.ts
 * keeps them in step).
 */
export function generateReviewSchemas(): Record<string, Record<string, unknown>> {
  return {
    'review-request.schema.json': toJson(
      ReviewRequestSchema,
      'review-request.schema.json',
      'Review copy request (review-request.json inside *.scsa-review)',
      'Who asks whom to review which sections by when, and the base revision of the draft. See docs/formats/review.md.',
    ),
    'review-reply.schema.json': toJson(
      ReviewReplySchema,
      'review-reply.schema.json',
      'Review reply (*.scsa-reply.json)',
      "A reviewing institution's verdict, comments and suggested answers, against the base revision. See docs/formats/review.md.",
    ),
    'review-work.schema.json': toJson(
      ReviewWorkSchema,
      'review-work.schema.json',
      "A reviewer's work in progress (autosaved)",
      'Comments, suggestions, verdict and note not yet returned. See docs/formats/review.md.',
    ),
    'review-ledger.schema.json': toJson(
      ReviewLedgerSchema,
      'review-ledger.schema.json',
      "The focal point's record of reviews (reviews.json)",
      'Copies sent, reply versions imported, decisions on suggestions and resolutions of comments. See docs/formats/review.md.',
    ),
    'review-desk.schema.json': toJson(
      DeskSchema,
      'review-desk.schema.json',
      "A review copy opened by a reviewer (reviewing/<reviewId>/desk.json)",
      'When the copy was opened, who asks for what by when, and each reply written. See docs/formats/review.md.',
    ),
  };
}
