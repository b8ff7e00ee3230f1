// The committed JSON Schemas of the review files (docs/schemas) must be what the zod schemas generate today.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateReviewSchemas } from '../../../core/review/json-schemas';
import { schemaFileText } from '../../../core/draft/json-schemas';

const DIR = path.resolve(__dirname, '../../../docs/schemas');

describe('review JSON Schemas in docs/schemas', () => {
  const generated = generateReviewSchemas();

  it.each(Object.keys(generated))('%s equals a fresh generation (run `node scripts/gen-schemas.mjs` after changing a schema)', (name) => {
    expect(readFileSync(path.join(DIR, name), 'utf8')).toBe(schemaFileText(generated[name] ?? {}));
  });

  it('cover the five review files', () => {
    expect(Object.keys(generated).sort()).toEqual(['review-desk.schema.json', 'review-ledger.schema.json', 'review-reply.schema.json', 'review-request.schema.json', 'review-work.schema.json']);
  });

  it('require what a merge relies on', () => {
    const reply = generated['review-reply.schema.json'] as { required: string[] };
    expect(reply.required).toEqual(expect.arrayContaining(['format', 'schemaVersion', 'reviewId', 'base', 'reviewer', 'returnedAt', 'verdict', 'comments', 'suggestions']));
    const req = generated['review-request.schema.json'] as { required: string[] };
    expect(req.required).toEqual(expect.arrayContaining(['reviewId', 'createdAt', 'from', 'to', 'scope', 'base', 'draft']));
  });
});
