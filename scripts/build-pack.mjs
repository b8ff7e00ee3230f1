// Assembles a checklist pack from its sources: structure.json (ids, types, rules, migrations) plus one
// text file per language (<lng>.json), so that each language can be written and reviewed on its own.
// The assembly itself is core/packs/source-build.ts (also behind `scsa pack build`), bundled here.
// Usage: node scripts/build-pack.mjs [pack-id] [--check]   (--check: fail if the committed pack differs)
import { build } from 'esbuild';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const packId = args.find((a) => !a.startsWith('--')) ?? 'safer-cities-sacl';
const srcDir = path.join(root, 'core/checklist/packs/src', packId);
const outFile = path.join(root, 'core/checklist/packs', `${packId}.pack.json`);

const tmp = await mkdtemp(path.join(os.tmpdir(), 'scsa-build-pack-'));
let built;
try {
  const outfile = path.join(tmp, 'source-build.cjs');
  await build({ entryPoints: [path.join(root, 'core/packs/source-build.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning', absWorkingDir: root });
  const { buildPackFromSource } = createRequire(import.meta.url)(outfile);
  built = await buildPackFromSource(srcDir);
} catch (err) {
  process.stderr.write(`${err && err.code ? `${err.code} ${JSON.stringify(err.params ?? {})}` : String(err)}\n`);
  process.exit(1);
} finally {
  await rm(tmp, { recursive: true, force: true });
}

if (check) {
  const committed = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
  if (committed !== built.text) {
    process.stderr.write(`${path.relative(root, outFile)} is out of date: run node scripts/build-pack.mjs ${packId}\n`);
    process.exit(1);
  }
} else {
  writeFileSync(outFile, built.text);
  process.stderr.write(`wrote ${path.relative(root, outFile)} (${built.languages.join(', ')})\n`);
}
