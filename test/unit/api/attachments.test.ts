import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../../../core/log';
import { dispatchUpload } from '../../../core/api/dispatch';
import { META, SAMPLE, makeCore, memoryFile, tempDir, type TestCore } from './harness';

let dir: string;
let core: TestCore;
const LIMIT = 64 * 1024;

type Opened = { draft: { id: string; attachments: Array<{ sha256: string; name: string; size: number; mediaType: string }> } };

beforeEach(async () => {
  setLogSink(null);
  dir = await tempDir('api-attach');
  core = makeCore(dir, { maxAttachmentBytes: LIMIT });
});

afterEach(async () => {
  await core.service.dispose();
  await fs.rm(dir, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

/** A source in many small chunks that counts how far it was read. */
function chunked(total: number, chunk = 4096) {
  const state = { pulled: 0 };
  async function* gen() {
    for (let at = 0; at < total; at += chunk) {
      const n = Math.min(chunk, total - at);
      state.pulled += n;
      yield Uint8Array.from({ length: n }, (_, i) => (at + i) % 251);
    }
  }
  const all = Buffer.from(Uint8Array.from({ length: total }, (_, i) => i % 251));
  return { stream: gen(), state, sha256: createHash('sha256').update(all).digest('hex') };
}

const add = (id: unknown, source: { stream: AsyncIterable<Uint8Array>; name: string; mediaType: string }) =>
  dispatchUpload(core.service.uploads, 'addAttachment', [id], memoryFile(source.stream, source.name, source.mediaType));

describe('attachments', () => {
  it('streams a file into the store by its SHA-256, lists it in the draft and saves', async () => {
    const { draft } = await core.ok<Opened>('createAssessment', META, SAMPLE);
    const src = chunked(LIMIT - 10);
    const r = await add(draft.id, { stream: src.stream, name: 'C:\\docs\\Plan d’action.pdf', mediaType: 'application/PDF; q=1' });
    expect(r).toEqual({ ok: true, value: { attachment: { sha256: src.sha256, name: 'Plan d’action.pdf', size: LIMIT - 10, mediaType: 'application/pdf' }, revision: 1 } });
    const stored = await fs.readFile(path.join(dir, 'assessments', draft.id, 'attachments', src.sha256));
    expect(createHash('sha256').update(stored).digest('hex')).toBe(src.sha256);

    await core.ok('closeAssessment', draft.id);
    const reopened = await core.ok<Opened & { notices: unknown[] }>('openAssessment', draft.id);
    expect(reopened.draft.attachments).toEqual([{ sha256: src.sha256, name: 'Plan d’action.pdf', size: LIMIT - 10, mediaType: 'application/pdf' }]);
    expect(reopened.notices).toEqual([]);
  });

  it('lists the same content once, however often and under whatever name it is added', async () => {
    const { draft } = await core.ok<Opened>('createAssessment', META, SAMPLE);
    const first = await add(draft.id, { stream: chunked(5000).stream, name: 'a.bin', mediaType: '' });
    const again = await add(draft.id, { stream: chunked(5000).stream, name: 'copy of a.bin', mediaType: 'text/plain' });
    const other = await add(draft.id, { stream: chunked(5001).stream, name: 'b.bin', mediaType: '' });
    expect(first).toMatchObject({ ok: true, value: { revision: 1, attachment: { name: 'a.bin', mediaType: 'application/octet-stream' } } });
    expect(again).toMatchObject({ ok: true, value: { revision: 1, attachment: { name: 'a.bin' } } });
    expect(other).toMatchObject({ ok: true, value: { revision: 2 } });
    await core.ok('closeAssessment', draft.id);
    const reopened = await core.ok<Opened>('openAssessment', draft.id);
    expect(reopened.draft.attachments.map((a) => a.name)).toEqual(['a.bin', 'b.bin']);
    const files = (await fs.readdir(path.join(dir, 'assessments', draft.id, 'attachments'))).filter((f) => !f.startsWith('.'));
    expect(files).toHaveLength(2);
  });

  it('refuses a file over the limit without reading it all, keeping nothing', async () => {
    const { draft } = await core.ok<Opened>('createAssessment', META, SAMPLE);
    const big = chunked(LIMIT * 8);
    const r = await add(draft.id, { stream: big.stream, name: 'video.mp4', mediaType: 'video/mp4' });
    expect(r).toEqual({ ok: false, error: { code: 'drafts:errors.attachmentTooLarge', params: { name: 'video.mp4', limit: LIMIT } } });
    expect(big.state.pulled).toBeLessThan(LIMIT * 2);
    expect(await fs.readdir(path.join(dir, 'assessments', draft.id, 'attachments'))).toEqual([]);
    await core.ok('closeAssessment', draft.id);
    expect((await core.ok<Opened>('openAssessment', draft.id)).draft.attachments).toEqual([]);
  });

  it('refuses an assessment that is not open, and a malformed id, reading nothing', async () => {
    const { draft } = await core.ok<Opened>('createAssessment', META, SAMPLE);
    await core.ok('closeAssessment', draft.id);
    const src = chunked(100);
    expect(await add(draft.id, { stream: src.stream, name: 'a', mediaType: '' })).toMatchObject({ ok: false, error: { code: 'drafts:errors.notOpen' } });
    expect(await add('../../etc', { stream: src.stream, name: 'a', mediaType: '' })).toEqual({ ok: false, error: { code: 'errors.badRequest' } });
    expect(src.state.pulled).toBe(0);
  });
});
