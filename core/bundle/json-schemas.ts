import { z } from 'zod';
import { KeyFileSchema } from '../keys/key-file';
import { ReplacementFileSchema } from '../keys/replacement';
import { KeyRegistrySchema } from './registry';
import { SubmissionSchema } from './submission';

const BASE = 'https://unhabitat.org/safer-cities/self-assessment/schemas';

function toJson(schema: z.ZodType, id: string, title: string, description: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return { $schema: json['$schema'], $id: `${BASE}/${id}`, title, description, ...json };
}

/**
 * JSON Schemas of the bundle and key formats, generated from the zod schemas the code uses and
 * committed under docs/formats/ (a test keeps them in step; regenerate with the snippet in
 * docs/formats/bundle.md).
 */
export function generateBundleSchemas(): Record<string, Record<string, unknown>> {
  return {
    'submission.schema.json': toJson(SubmissionSchema, 'submission.schema.json', 'data/submission.json of a submission bundle', 'The answers and their metadata, canonical JSON. See docs/formats/bundle.md.'),
    'key-registry.schema.json': toJson(KeyRegistrySchema, 'key-registry.schema.json', 'Registry of focal-point keys', 'Fingerprints registered per country, for scsa verify --registry. See docs/formats/bundle.md.'),
    'private-key.schema.json': toJson(KeyFileSchema, 'private-key.schema.json', 'Sealed private key (private-key.json)', 'An Ed25519 private key encrypted under a passphrase. See docs/formats/keys.md.'),
    'key-replacement.schema.json': toJson(ReplacementFileSchema, 'key-replacement.schema.json', 'Key replacement statement', 'The old key names the new one. See docs/formats/keys.md.'),
  };
}

export function schemaText(schema: Record<string, unknown>): string {
  return JSON.stringify(schema, null, 2) + '\n';
}
