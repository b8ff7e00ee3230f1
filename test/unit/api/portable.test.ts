import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../../../core/log';
import { EVERY_TYPE, META, SAMPLE, makeCore, memoryFile, tempDir, type TestCore } from './harness';

let dir: string;
let core: TestCore;

type Opened = { draft: { id: string; revision: number; answers: Record<string, unknown> }; notices: Array<{ code: string }> };
type Copy = { fileName: string; text: string };

beforeEach(async () => {
  setLogSink(null);
  dir = await tempDir('api-portable');
  core = makeCore(dir);
});

afterEach(async () => {
  await core.service.dispose();
  await fs.rm(dir, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

const assessmentDirs = async () => (await fs.readdir(path.join(dir, 'assessments')).catch(() => [] as string[])).filter((n) => !n.startsWith('.'));

describe('portable copies', () => {
  it('exports a copy named after country, checklist and revision, and imports it beside the original ("keep both") with the same answers', async () => {
    const { draft } = await core.ok<Opened>('createAssessment', META, SAMPLE);
    await core.ok('saveAnswers', draft.id, EVERY_TYPE);
    const copy = await core.ok<Copy>('exportCopy', draft.id);
    expect(copy.fileName).toBe('FRA_safer-cities-sample_r1.scsa.json');
    expect(JSON.parse(copy.text)).toMatchObject({ id: draft.id, answers: EVERY_TYPE });

    const imported = await core.ok<Opened>('importCopy', copy, 'keepBoth');
    expect(imported.draft.id).not.toBe(draft.id);
    expect(imported.draft.answers).toEqual(EVERY_TYPE);
    expect(imported.notices.map((n) => n.code)).toContain('drafts:notices.keptAsCopy');
    expect((await assessmentDirs()).sort()).toEqual([draft.id, imported.draft.id].sort());
    // The import is open for editing at once, and on disk.
    await core.ok('saveAnswers', imported.draft.id, { 'A.1': 'changed in the copy' });
    await core.ok('closeAssessment', imported.draft.id);
    expect((await core.ok<Opened>('openAssessment', imported.draft.id)).draft.answers['A.1']).toBe('changed in the copy');
    expect((await core.ok<Opened>('openAssessment', draft.id)).draft.answers['A.1']).toBe(EVERY_TYPE['A.1']);
  });

  it('keeps the id of a copy from another computer', async () => {
    const other = await tempDir('api-portable-other');
    const there = makeCore(other);
    const { draft } = await there.ok<Opened>('createAssessment', META, SAMPLE);
    await there.ok('saveAnswers', draft.id, { 'A.1': 'from the USB stick' });
    const copy = await there.ok<Copy>('exportCopy', draft.id);
    await there.service.dispose();
    await fs.rm(other, { recursive: true, force: true });

    const imported = await core.ok<Opened>('importCopy', copy);
    expect(imported.draft.id).toBe(draft.id);
    expect(imported.draft.answers).toEqual({ 'A.1': 'from the USB stick' });
  });

  it.each([
    ['cut short', (t: string) => t.slice(0, t.length / 2), 'truncated'],
    ['not JSON', () => 'hello, world', 'json'],
    ['another kind of JSON', () => JSON.stringify({ name: 'package', version: '1.0.0' }), 'schema'],
    ['a draft with a broken field', (t: string) => t.replace('"revision": 1', '"revision": "one"'), 'schema'],
  ])('refuses a copy that is %s, with a clear error, creating nothing', async (_what, damage, reason) => {
    const { draft } = await core.ok<Opened>('createAssessment', META, SAMPLE);
    await core.ok('saveAnswers', draft.id, { 'A.1': 'x' });
    const copy = await core.ok<Copy>('exportCopy', draft.id);
    const before = await assessmentDirs();
    const r = await core.call('importCopy', { fileName: 'C:\\Users\\fp\\copy.scsa.json', text: damage(copy.text) });
    expect(r).toMatchObject({ ok: false, error: { code: 'drafts:errors.importInvalid', params: { reason, file: 'copy.scsa.json' } } });
    expect(await assessmentDirs()).toEqual(before);
    expect(await core.ok<unknown[]>('listAssessments')).toHaveLength(1);
  });

  it('refuses a copy written by a newer version without creating anything', async () => {
    const { draft } = await core.ok<Opened>('createAssessment', META, SAMPLE);
    const copy = await core.ok<Copy>('exportCopy', draft.id);
    const future = copy.text.replace(/"schemaVersion": \d+/, '"schemaVersion": 99');
    expect(await core.call('importCopy', { fileName: copy.fileName, text: future })).toMatchObject({ ok: false, error: { code: 'drafts:errors.futureVersion' } });
    expect(await assessmentDirs()).toEqual([draft.id]);
  });

  it('says which attachments did not travel with the text', async () => {
    const { draft } = await core.ok<Opened>('createAssessment', META, SAMPLE);
    async function* bytes() {
      yield new TextEncoder().encode('evidence');
    }
    await core.service.uploads.addAttachment(memoryFile(bytes(), 'plan.pdf', 'application/pdf'), draft.id);
    const copy = await core.ok<Copy>('exportCopy', draft.id);
    const imported = await core.ok<Opened>('importCopy', copy, 'keepBoth');
    expect(imported.notices).toContainEqual(expect.objectContaining({ code: 'drafts:notices.attachmentMissing', params: expect.objectContaining({ name: 'plan.pdf' }) }));
  });
});
