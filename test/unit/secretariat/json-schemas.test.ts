// The committed JSON Schemas of the workspace files (docs/schemas) must be what the zod schemas generate today.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateWorkspaceSchemas } from '../../../core/secretariat/json-schemas';
import { schemaFileText } from '../../../core/draft/json-schemas';

const DIR = path.resolve(__dirname, '../../../docs/schemas');

describe('workspace JSON Schemas', () => {
  const generated = generateWorkspaceSchemas();

  it('exist for every file of the workspace', () => {
    expect(Object.keys(generated).sort()).toEqual([
      'workspace-import-log.schema.json',
      'workspace-index.schema.json',
      'workspace-received.schema.json',
      'workspace-registry-log.schema.json',
      'workspace-registry.schema.json',
      'workspace.schema.json',
    ]);
  });

  it.each(Object.keys(generated))('%s equals a fresh generation (run `node scripts/gen-schemas.mjs` after changing a schema)', (name) => {
    expect(readFileSync(path.join(DIR, name), 'utf8')).toBe(schemaFileText(generated[name] ?? {}));
  });

  it('describe what a reader of the files needs', () => {
    const registry = JSON.stringify(generated['workspace-registry.schema.json']);
    for (const field of ['"fingerprint"', '"publicKeyPem"', '"focal-point"', '"approver"', '"validTo"', '"revokedAt"']) expect(registry).toContain(field);
    const log = JSON.stringify(generated['workspace-import-log.schema.json']);
    for (const decision of ['imported', 'supersedes', 'duplicate', 'countersigned', 'held', 'rejected', 'conflict']) expect(log).toContain(`"${decision}"`);
  });
});
