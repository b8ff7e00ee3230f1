// The committed JSON Schema of secretariat-recent.json must be what its zod schema generates today.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateRecentWorkspaceSchemas } from '../../../core/features/workspace/json-schemas';
import { schemaFileText } from '../../../core/draft/json-schemas';

describe('recent workspaces JSON Schema', () => {
  it('equals a fresh generation (run `node scripts/gen-schemas.mjs` after changing the schema)', () => {
    const generated = generateRecentWorkspaceSchemas();
    const text = readFileSync(path.resolve(__dirname, '../../../docs/schemas/secretariat-recent.schema.json'), 'utf8');
    expect(text).toBe(schemaFileText(generated['secretariat-recent.schema.json'] ?? {}));
    expect(text).toContain('"schemaVersion"');
  });
});
