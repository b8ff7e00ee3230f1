// Writes docs/schemas/*.schema.json from the zod schemas in core/ (the source of truth).
// Usage: node scripts/gen-schemas.mjs   (test/unit/draft/json-schemas.test.ts checks they are current)
import { build } from 'esbuild';
import { mkdir, writeFile, rm, mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = await mkdtemp(path.join(os.tmpdir(), 'scsa-schemas-'));
try {
  const outfile = path.join(tmp, 'json-schemas.cjs');
  await build({
    entryPoints: [path.join(root, 'core/draft/json-schemas.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'warning',
    absWorkingDir: root,
  });
  const { generateJsonSchemas, schemaFileText } = createRequire(import.meta.url)(outfile);
  const dir = path.join(root, 'docs', 'schemas');
  await mkdir(dir, { recursive: true });
  for (const [name, schema] of Object.entries(generateJsonSchemas())) {
    await writeFile(path.join(dir, name), schemaFileText(schema));
    process.stderr.write(`wrote docs/schemas/${name}\n`);
  }
} finally {
  await rm(tmp, { recursive: true, force: true });
}
