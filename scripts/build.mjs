// Builds everything the app, the web host and the command line need into dist/.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');
const say = (msg) => { if (!quiet) process.stderr.write(msg + '\n'); };

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: false,
  logLevel: 'warning',
  absWorkingDir: root,
};

const targets = [
  { entryPoints: ['electron/main/index.ts'], outfile: 'dist/electron/main.cjs', external: ['electron', 'pdfkit', 'fontkit', 'exceljs', '@node-rs/crc32'] },
  { entryPoints: ['electron/preload/index.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] },
  { entryPoints: ['cli/scsa.ts'], outfile: 'dist/cli/scsa.cjs', external: ['electron', 'pdfkit', 'fontkit', 'exceljs', '@node-rs/crc32'] },
  { entryPoints: ['web-host/host.ts'], outfile: 'dist/web-host/host.cjs', external: ['electron', 'pdfkit', 'fontkit', 'exceljs', '@node-rs/crc32'] },
];

const started = Date.now();
await Promise.all(targets.map((t) => build({ ...node, ...t })));
say(`built main, preload, cli and web host in ${Date.now() - started} ms`);
await viteBuild({ configFile: path.join(root, 'vite.config.mts'), logLevel: quiet ? 'error' : 'warn' });
say(`built renderer in ${Date.now() - started} ms`);
