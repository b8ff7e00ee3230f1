// The committed JSON Schemas in docs/formats must be what the zod schemas generate today.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateBundleSchemas, schemaText } from '../../../core/bundle/json-schemas';

const DIR = path.resolve(__dirname, '../../../docs/formats');

describe('bundle and key JSON Schemas in docs/formats', () => {
  const generated = generateBundleSchemas();

  it.each(Object.keys(generated))('%s equals a fresh generation (see docs/formats/bundle.md to regenerate)', (name) => {
    expect(readFileSync(path.join(DIR, name), 'utf8')).toBe(schemaText(generated[name] ?? {}));
  });

  it('the submission schema requires what verify compares with bag-info.txt', () => {
    const submission = generated['submission.schema.json'] as { required: string[] };
    expect(submission.required).toEqual(
      expect.arrayContaining(['externalIdentifier', 'submissionRevision', 'baggingDate', 'assessment', 'checklist', 'answers', 'attachments']),
    );
  });
});
