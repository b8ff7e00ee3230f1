// `npm start`: build, then launch the desktop app. Where Electron's binary is missing, say why in one
// line (scripts/electron-status.mjs tells the cases apart) and point to the browser host.
// `npm start -- --no-build` launches what is already in dist/; other arguments go to the app.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronMessage, electronStatus } from './electron-status.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const status = electronStatus(root);
if (status.kind !== 'ready') {
  process.stderr.write(`${electronMessage(status)}\n`);
  process.exit(1);
}
const binary = status.binary;

const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
if (!skipBuild) {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

// ELECTRON_RUN_AS_NODE left in the environment would turn the app into a plain Node process.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary, [root, ...args.filter((a) => a !== '--no-build')], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
