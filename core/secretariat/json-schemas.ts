import { z } from 'zod';
import { ImportLogLineSchema, IndexFileSchema, ReceivedSidecarSchema, RegistryFileSchema, RegistryLogLineSchema, WorkspaceFileSchema } from './schemas';

const BASE = 'https://unhabitat.org/safer-cities/self-assessment/schemas';

function toJson(schema: z.ZodType, id: string, title: string, description: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $schema: json['$schema'], $id: `${BASE}/${id}`, title, description, ...json };
}

const SEE = 'See docs/formats/workspace.md.';

/**
 * The JSON Schemas of the secretariat workspace's files, generated from the zod schemas the code
 * uses; committed under docs/schemas/ by `node scripts/gen-schemas.mjs`, kept in step by a test.
 */
export function generateWorkspaceSchemas(): Record<string, Record<string, unknown>> {
  return {
    'workspace.schema.json': toJson(WorkspaceFileSchema, 'workspace.schema.json', 'Secretariat workspace (workspace.json)', `Marks a folder as a secretariat workspace. ${SEE}`),
    'workspace-registry.schema.json': toJson(RegistryFileSchema, 'workspace-registry.schema.json', 'Key registry of a workspace (registry.json)', `Registered keys per country, role and validity. ${SEE}`),
    'workspace-registry-log.schema.json': toJson(RegistryLogLineSchema, 'workspace-registry-log.schema.json', 'One line of registry-log.jsonl', `A change to the key registry. ${SEE}`),
    'workspace-index.schema.json': toJson(IndexFileSchema, 'workspace-index.schema.json', 'Workspace index (index.json)', `Derived from the stored files; rebuilt when missing, stale or damaged. ${SEE}`),
    'workspace-received.schema.json': toJson(ReceivedSidecarSchema, 'workspace-received.schema.json', 'Note beside a held or rejected file (held/<sha256>.json, rejected/<sha256>.json)', `Why the file is held or rejected. ${SEE}`),
    'workspace-import-log.schema.json': toJson(ImportLogLineSchema, 'workspace-import-log.schema.json', 'One line of import-log.jsonl', `One import decision. ${SEE}`),
  };
}
