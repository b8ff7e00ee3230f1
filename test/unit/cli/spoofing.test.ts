// Terminal spoofing (issue 14.3): strings from files reach the terminal only with their control and
// bidi characters as visible escapes, whatever command prints them. Runs the built command line.
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLI_ENTRY, ensureBuilt } from '../../e2e/harness';
import { SPOOF, baseDraft } from '../../fixtures/hostile/corpus';
import { MAX_ANSWER_DEPTH } from '../../../core/draft/limits';
import { nestedText } from '../../fixtures/hostile/corpus';

// What a terminal would obey: C0 but LF and TAB, DEL, C1, embeddings, overrides and isolates, ALM, separators.
const OBEYED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u061c\u2028\u2029]/u;
let dir: string;

function scsa(args: string[]) {
  const { SCSA_LANG: _ignored, ...env } = process.env;
  const run = spawnSync(process.execPath, [CLI_ENTRY, ...args], { encoding: 'utf8', cwd: dir, env });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(async () => {
  await ensureBuilt();
});
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-cli-spoof-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('scsa prints values from files with their controls escaped', () => {
  it.each(['en', 'ar', 'zh'])('a checklist id that clears the screen and prints a fake verdict (%s)', async (lng) => {
    const draft = { ...baseDraft(), checklist: { id: SPOOF.clearScreen, version: `1${SPOOF.reversedExtension}` } };
    await fs.writeFile(path.join(dir, 'd.scsa.json'), JSON.stringify(draft));
    const r = scsa(['validate', 'd.scsa.json', '--lang', lng]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(OBEYED);
    expect(r.stderr).toContain('\\u001b[2J\\u001b[HValid');
    expect(r.stderr).toContain('\\u202egpj.exe');
  });

  it('a file name with a carriage return, C1 controls and a bidi override', async () => {
    const name = `a\r${SPOOF.c1}${SPOOF.reversedExtension}.json`;
    await fs.writeFile(path.join(dir, name), '{}');
    const r = scsa(['validate', name]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(OBEYED);
    expect(r.stderr).toContain('a\\u000dx\\u009b2J\\u0085y');
    // The core's own reason is told, not a bare placeholder.
    expect(r.stderr).not.toContain('{{');
  });

  it('an answer nested past the bound is refused in one sentence naming the item', async () => {
    const text = JSON.stringify(baseDraft()).replace('"answers":{}', `"answers":{"Z.1":${nestedText(5000)}}`);
    await fs.writeFile(path.join(dir, 'deep.scsa.json'), text);
    const r = scsa(['validate', 'deep.scsa.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^scsa: deep\\.scsa\\.json .*Z\\.1.* ${MAX_ANSWER_DEPTH} .*\\n$`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
