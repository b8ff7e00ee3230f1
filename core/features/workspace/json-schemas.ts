import { z } from 'zod';
import { RecentWorkspacesSchema } from './recent';

/** The JSON Schema of the workspace feature's own file (the recent workspaces), for docs/schemas/ (`node scripts/gen-schemas.mjs`). */
export function generateRecentWorkspaceSchemas(): Record<string, Record<string, unknown>> {
  const json = z.toJSONSchema(RecentWorkspacesSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    'secretariat-recent.schema.json': {
      $schema: json['$schema'],
      $id: 'https://unhabitat.org/safer-cities/self-assessment/schemas/secretariat-recent.schema.json',
      title: 'Recent secretariat workspaces (secretariat-recent.json, in the data folder)',
      description: 'The workspace folders the app opened lately, newest first. See docs/formats/workspace.md.',
      ...json,
    },
  };
}
