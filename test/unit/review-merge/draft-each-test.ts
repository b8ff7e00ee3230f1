// The focal point's side of the merge tests: a fresh core and a draft with every question type
// answered before each test, removed after it. The bindings are live (`core`, `id`, `dir`).
import { promises as fs } from 'node:fs';
import { afterEach, beforeEach } from 'vitest';
import { setLogSink } from '../../../core/log';
import type { OpenedAssessment } from '../../../core/api/contract';
import type { Draft } from '../../../core/draft/schema';
import { assessmentPaths } from '../../../core/store/layout';
import { parseDraftBytes } from '../../../core/store/read';
import { EVERY_TYPE, META, SAMPLE, makeCore, tempDir, type TestCore } from '../api/harness';

export let dir: string;
export let core: TestCore;
export let id: string;

/** Register, in the calling test file, a fresh core and answered draft for each test. */
export function draftEachTest(name: string): void {
  beforeEach(async () => {
    setLogSink(null);
    dir = await tempDir(name);
    core = makeCore(dir);
    id = (await core.ok<OpenedAssessment>('createAssessment', META, SAMPLE)).draft.id;
    await core.ok('saveAnswers', id, EVERY_TYPE);
  });
  afterEach(async () => {
    await core.service.dispose();
    await fs.rm(dir, { recursive: true, force: true });
    setLogSink((line) => process.stderr.write(line + '\n'));
  });
}

/** The draft as saved on disk. */
export async function onDisk(): Promise<Draft> {
  const r = parseDraftBytes(await fs.readFile(assessmentPaths(dir, id).draft));
  if (!r.ok) throw new Error('draft unreadable');
  return r.draft;
}
