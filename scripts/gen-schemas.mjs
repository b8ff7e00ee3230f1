// Writes docs/schemas/*.schema.json from the zod schemas in core/ (the source of truth).
// Usage: node scripts/gen-schemas.mjs   (the json-schemas tests of test/unit/draft, secretariat and
// review check they are current)
import { build } from 'esbuild';
import { mkdir, writeFile, rm, mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Each module and the function of it that returns its schemas by file name.
const SOURCES = [
  { entry: 'core/draft/json-schemas.ts', generate: 'generateJsonSchemas' },
  { entry: 'core/secretariat/json-schemas.ts', generate: 'generateWorkspaceSchemas' },
  { entry: 'core/review/json-schemas.ts', generate: 'generateReviewSchemas' },
  { entry: 'core/features/workspace/json-schemas.ts', generate: 'generateRecentWorkspaceSchemas' },
];
const tmp = await mkdtemp(path.join(os.tmpdir(), 'scsa-schemas-'));
try {
  const dir = path.join(root, 'docs', 'schemas');
  await mkdir(dir, { recursive: true });
  for (const [i, source] of SOURCES.entries()) {
    const outfile = path.join(tmp, `json-schemas-${i}.cjs`);
    await build({ entryPoints: [path.join(root, source.entry)], outfile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning', absWorkingDir: root });
    const schemas = createRequire(import.meta.url)(outfile)[source.generate]();
    for (const [name, schema] of Object.entries(schemas)) {
      // Two-space JSON and a final newline, as schemaFileText writes it.
      await writeFile(path.join(dir, name), JSON.stringify(schema, null, 2) + '\n');
      process.stderr.write(`wrote docs/schemas/${name}\n`);
    }
  }
} finally {
  await rm(tmp, { recursive: true, force: true });
}
