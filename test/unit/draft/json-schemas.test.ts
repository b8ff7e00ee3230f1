// The committed JSON Schemas (docs/schemas) must be exactly what the zod schemas generate today.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateJsonSchemas, schemaFileText } from '../../../core/draft/json-schemas';

const DIR = path.resolve(__dirname, '../../../docs/schemas');

describe('committed JSON Schemas', () => {
  const generated = generateJsonSchemas();

  it('exist for the pack, the draft, and what the store keeps beside a draft (its state, a deleted one in the trash)', () => {
    expect(Object.keys(generated).sort()).toEqual(['assessment-state.schema.json', 'checklist-pack.schema.json', 'draft.schema.json', 'trashed-assessment.schema.json']);
  });

  it.each(Object.keys(generated))('%s equals a fresh generation (run `node scripts/gen-schemas.mjs` after changing a schema)', (name) => {
    const committed = readFileSync(path.join(DIR, name), 'utf8');
    expect(committed).toBe(schemaFileText(generated[name] ?? {}));
  });

  it('describe the fields a reader needs', () => {
    const draft = generated['draft.schema.json'] as { required: string[] };
    expect(draft.required).toEqual(expect.arrayContaining(['schemaVersion', 'id', 'revision', 'assessment', 'checklist', 'answers']));
    const pack = JSON.stringify(generated['checklist-pack.schema.json']);
    for (const type of ['"status"', '"table"', '"evidence"', '"uncac"', 'LocalizedText']) expect(pack).toContain(type);
  });
});
