import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { DraftStore } from '../../../core/store/draft-store';
import { makeStore, pack, quietLogs, tempDir } from './helpers';

let dir: string;
let store: DraftStore;
beforeEach(async () => {
  quietLogs();
  dir = await tempDir();
});
afterEach(async () => {
  await store.closeAll();
  await fs.rm(dir, { recursive: true, force: true });
});

/** A stream of `chunks` pseudo-random 64 KiB chunks, counting how many were pulled. */
function generated(chunks: number, seed = 7) {
  const pulled = { count: 0 };
  const expected = createHash('sha256');
  const make = (i: number) => {
    const buf = Buffer.alloc(65536);
    for (let j = 0; j < buf.length; j += 4) buf.writeUInt32LE(((i + 1) * 2654435761 + j * seed) >>> 0, j);
    return buf;
  };
  for (let i = 0; i < chunks; i++) expected.update(make(i));
  const stream = new Readable({
    read() {
      if (pulled.count >= chunks) this.push(null);
      else this.push(make(pulled.count++));
    },
  });
  return { stream, pulled, sha256: expected.digest('hex'), size: chunks * 65536 };
}

describe('attachments', () => {
  it('are streamed to disk under their SHA-256, with the right size', async () => {
    store = makeStore(dir);
    const d = await store.create({ countryCode: 'CHN', responseLanguage: 'zh' }, pack);
    const src = generated(160); // 10 MiB
    const ref = await store.addAttachment(d.id, src.stream, { name: '安全审计报告.pdf', mediaType: 'application/pdf' });
    expect(ref).toEqual({ sha256: src.sha256, name: '安全审计报告.pdf', size: src.size, mediaType: 'application/pdf' });
    const stored = await fs.readFile(store.attachmentPath(d.id, ref.sha256));
    expect(createHash('sha256').update(stored).digest('hex')).toBe(src.sha256);
    expect(await fs.readdir(store.paths(d.id).attachments)).toEqual([src.sha256]);
  });

  it('store the same content once', async () => {
    store = makeStore(dir);
    const d = await store.create({ countryCode: 'CHN', responseLanguage: 'zh' }, pack);
    const a = await store.addAttachment(d.id, generated(3).stream, { name: 'a.bin', mediaType: 'application/octet-stream' });
    const b = await store.addAttachment(d.id, generated(3).stream, { name: 'b.bin', mediaType: 'application/octet-stream' });
    expect(a.sha256).toBe(b.sha256);
    expect(await fs.readdir(store.paths(d.id).attachments)).toEqual([a.sha256]);
  });

  it('over the size limit: refused with a clear error, reading stops early, nothing left behind', async () => {
    store = makeStore(dir, { maxAttachmentBytes: 3 * 65536 });
    const d = await store.create({ countryCode: 'CHN', responseLanguage: 'zh' }, pack);
    const src = generated(100);
    await expect(store.addAttachment(d.id, src.stream, { name: 'huge.mov', mediaType: 'video/quicktime' })).rejects.toMatchObject({
      code: 'drafts:errors.attachmentTooLarge',
      params: { name: 'huge.mov', limit: 3 * 65536 },
    });
    expect(src.pulled.count).toBeLessThan(20);
    expect(await fs.readdir(store.paths(d.id).attachments)).toEqual([]);
  });

  it('refuse a path-like hash', () => {
    store = makeStore(dir);
    expect(() => store.attachmentPath('some-assessment', '../../etc/passwd')).toThrow(expect.objectContaining({ code: 'drafts:errors.badAttachmentHash' }));
  });
});
