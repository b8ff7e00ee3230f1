// The screens run the diff, merge and reviewer's-work code in the web page: those modules must load
// in a browser, with no Node builtin anywhere down their imports. Bundling each for the browser proves it.
import { build } from 'esbuild';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const PURE = ['core/diff/index.ts', 'core/review/schema.ts', 'core/review/parse.ts', 'core/review/merge.ts', 'core/review/view.ts', 'core/review/work.ts', 'core/review/admit.ts', 'core/review/accept.ts', 'core/review/record.ts', 'core/review/ledger.ts'];

async function bundlesForBrowser(entry: string): Promise<string[]> {
  try {
    await build({ entryPoints: [path.join(ROOT, entry)], bundle: true, write: false, platform: 'browser', format: 'esm', logLevel: 'silent', absWorkingDir: ROOT });
    return [];
  } catch (err) {
    return ((err as { errors?: Array<{ text: string }> }).errors ?? [{ text: String(err) }]).map((e) => e.text);
  }
}

describe('review and diff modules used by the screens', () => {
  it.each(PURE)('%s bundles for the browser', async (entry) => {
    expect(await bundlesForBrowser(entry)).toEqual([]);
  });

  it('the check itself fails on a module that needs Node', async () => {
    expect((await bundlesForBrowser('core/review/content-hash.ts')).join(' ')).toMatch(/node:crypto/);
  });
});
