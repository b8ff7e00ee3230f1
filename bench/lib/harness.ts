// What a benchmark module hands back to bench/run.mjs: tables to print, checks against targets,
// notes; or the reason it was skipped. Each benchmark runs in its own Node process.
import { promises as fs, writeFileSync } from 'node:fs';
import { setLogSink } from '../../core/log';

export interface Table {
  title?: string;
  head: string[];
  rows: string[][];
}

export interface Check {
  what: string;
  value: string;
  target: string;
  pass: boolean;
}

export interface BenchResult {
  id: string;
  title: string;
  tables: Table[];
  checks: Check[];
  notes: string[];
  skipped?: string;
  /** An unexpected error: the benchmark exists but did not complete. */
  failed?: string;
}

/** Thrown by a benchmark whose dependency is not there yet; the runner prints "skipped: <reason>". */
export class Skip extends Error {}

/** Run `body` and write its result as JSON to the file named in argv[2]. */
export function runBench(id: string, title: string, body: (r: BenchResult) => Promise<void>): void {
  const out = process.argv[2];
  if (!out) throw new Error('usage: node <bench>.cjs RESULT.json');
  setLogSink(null); // core modules log to stderr; the figures are the output here
  const result: BenchResult = { id, title, tables: [], checks: [], notes: [] };
  // An error thrown outside the awaited chain (an 'error' event nobody listens to) still ends in a result.
  process.on('uncaughtException', (err) => {
    result.failed = `uncaught: ${err.message}`;
    process.stderr.write(`${err.stack ?? err.message}\n`);
    writeFileSync(out, JSON.stringify(result, null, 2));
    process.exit(1);
  });
  body(result)
    .catch((err: unknown) => {
      if (err instanceof Skip) result.skipped = err.message;
      else {
        result.failed = err instanceof Error ? err.message : String(err);
        process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      }
    })
    .then(() => fs.writeFile(out, JSON.stringify(result, null, 2)))
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
}
