// Writes docs/schemas/*.schema.json from the zod schemas in core/ (the source of truth).
// Usage: node scripts/gen-schemas.mjs   (test/unit/draft/json-schemas.test.ts and
// test/unit/review/json-schemas.test.ts check they are current)
import { build } from 'esbuild';
import { mkdir, writeFile, rm, mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = await mkdtemp(path.join(os.tmpdir(), 'scsa-schemas-'));
try {
  const load = async (entry) => {
    const outfile = path.join(tmp, `${path.basename(path.dirname(entry))}-json-schemas.cjs`);
    await build({ entryPoints: [path.join(root, entry)], outfile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning', absWorkingDir: root });
    return createRequire(import.meta.url)(outfile);
  };
  const { generateJsonSchemas, schemaFileText } = await load('core/draft/json-schemas.ts');
  const { generateReviewSchemas } = await load('core/review/json-schemas.ts');
  const dir = path.join(root, 'docs', 'schemas');
  await mkdir(dir, { recursive: true });
  for (const [name, schema] of Object.entries({ ...generateJsonSchemas(), ...generateReviewSchemas() })) {
    await writeFile(path.join(dir, name), schemaFileText(schema));
    process.stderr.write(`wrote docs/schemas/${name}\n`);
  }
} finally {
  await rm(tmp, { recursive: true, force: true });
}
