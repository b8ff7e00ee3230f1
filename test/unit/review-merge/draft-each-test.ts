// The focal point's side of the merge tests: a fresh core and a draft with every question type
// answered before each test, removed after it, and two institutions' reviews of it. The bindings
// are live (`core`, `id`, `dir`).
import { promises as fs } from 'node:fs';
import { afterEach, beforeEach } from 'vitest';
import { setLogSink } from '../../../core/log';
import type { OpenedAssessment } from '../../../core/api/contract';
import type { Draft } from '../../../core/draft/schema';
import { assessmentPaths } from '../../../core/store/layout';
import { parseDraftBytes } from '../../../core/store/read';
import { loadSamplePack } from '../../../core/checklist/sample';
import type { ReviewReply, ReviewRequest } from '../../../core/review';
import { replyTo, sendForReview } from '../../review-seed';
import { EVERY_TYPE, META, SAMPLE, makeCore, tempDir, type TestCore } from '../api/harness';

const pack = loadSamplePack().pack;

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

/** Two reviews of the current revision; the focal point then changes C.4, which the health ministry also edits. */
export async function twoReviews(): Promise<{ health: ReviewRequest; justice: ReviewRequest; healthReply: ReviewReply; justiceReply: ReviewReply }> {
  const base = await onDisk();
  const health = await sendForReview(dir, base, pack, 'وزارة الصحة');
  const justice = await sendForReview(dir, base, pack, 'Ministry of Justice');
  await core.ok('saveAnswers', id, { 'C.4': 'Texte long réécrit par le point focal' });
  const healthReply = replyTo(health, pack, {
    name: 'سلمى',
    institution: 'وزارة الصحة',
    suggestions: { 'C.4': 'Texte long proposé par la santé', 'A.1': 'وزارة التنمية الحضرية' },
    comments: [{ itemId: 'B.1', text: 'يرجى التوضيح' }],
  });
  const justiceReply = replyTo(justice, pack, {
    name: 'John Smith',
    institution: 'Ministry of Justice',
    verdict: 'changes_requested',
    // C.3 had no answer at the base: the suggestion's base is absent.
    suggestions: { 'A.3': ['local_governments', 'women_youth', 'academia'], 'B.2': 'ministry', 'C.3': { files: [], links: [{ url: 'https://example.org/plan.pdf' }] } },
    comments: [{ itemId: 'C.2', text: 'Add Marseille’s population.' }],
  });
  return { health, justice, healthReply, justiceReply };
}
