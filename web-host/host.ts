/**
 * Entry of the web test host (`npm run web -- --port P --data DIR`). Prints the address to open as
 * the first line on stdout; everything else goes to stderr.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../core/log';
import { HOST_USAGE, HostUsageError, parseHostArgs } from './args';
import { startWebHost } from './server';

const log = createLogger('web-host');

async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseHostArgs(argv);
  } catch (err) {
    if (!(err instanceof HostUsageError)) throw err;
    process.stderr.write(`web host: ${err.message}\n\n${HOST_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stderr.write(HOST_USAGE + '\n');
    return 0;
  }
  // Built as dist/web-host/host.cjs, next to dist/renderer.
  const rendererDir = path.resolve(__dirname, '..', 'renderer');
  try {
    await fs.access(path.join(rendererDir, 'index.html'));
  } catch {
    process.stderr.write(`web host: no built app at ${rendererDir}; run "npm run build" first\n`);
    return 1;
  }
  let dataDir: string;
  if (args.dataDir === null) {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-web-'));
    log.info(`no --data given; using a new temporary data folder ${dataDir}`);
  } else {
    dataDir = path.resolve(args.dataDir);
    await fs.mkdir(dataDir, { recursive: true });
  }
  // Built as dist/web-host/host.cjs: the project's trust list is ../../build/trust.
  const trustDir = args.trustDir === null ? path.resolve(__dirname, '..', '..', 'build', 'trust') : path.resolve(args.trustDir);
  const host = await startWebHost({ rendererDir, dataDir, port: args.port, trustDir });
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: shutting down`);
    host.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // Handlers go in before the URL is printed: whoever reads that line may signal us at once.
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.stdout.write(host.url + '\n');
  log.info(`serving ${rendererDir} with data folder ${dataDir} on 127.0.0.1:${host.port}; Ctrl+C stops`);
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    // Never a stack trace: one line saying what went wrong (e.g. the port is taken).
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`web host: could not start: ${message}\n`);
    process.exitCode = 1;
  },
);
