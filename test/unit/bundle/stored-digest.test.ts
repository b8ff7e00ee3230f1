// A large stored entry of a bundle opened from a file is hashed on a second thread, and small
// deflated entries are inflated in one piece: every crafted case gets the same verdict as the same
// bytes checked from memory (yauzl's streams, on the main thread), and the hash is the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { verifyBundle } from '../../../core/bundle';
import { WORKER_MIN_BYTES } from '../../../core/bundle/stored-digest';
import { digestFile, openBag } from '../../../core/bundle/zip-reader';
import { exportFixture, makeFixture, readZip, type Fixture, type ZipItem } from './fixture';
import { rawZip } from './raw-zip';

// Above the worker's threshold, with a short last piece.
const BIG = randomBytes(WORKER_MIN_BYTES + 2 * 1024 * 1024 + 4097);
let f: Fixture;
let items: ZipItem[];
let files = 0;

beforeAll(async () => {
  f = await makeFixture([{ name: 'survey.bin', mediaType: 'application/octet-stream', bytes: BIG }]);
  items = await readZip(await exportFixture(f));
});
afterAll(async () => {
  await fs.rm(f.dir, { recursive: true, force: true });
});

/** The bag again, each entry stored or deflated as the app wrote it (the big one stored). */
const packed = (): Buffer => rawZip(items.map((i) => ({ name: i.name, data: i.bytes, method: i.method === 8 ? 8 : 0 })));

async function both(zip: Buffer): Promise<{ memory: string; file: string }> {
  const file = path.join(f.dir, `case-${files++}.zip`);
  await fs.writeFile(file, zip);
  const code = (r: Awaited<ReturnType<typeof verifyBundle>>) => r.reason?.code.replace('bundle:verify.', '') ?? r.status;
  const fromFile = code(await verifyBundle(file));
  // An import reads its own fresh copy at once rather than through the thread pool: same verdicts.
  expect(code(await verifyBundle(file, { syncReads: true }))).toBe(fromFile);
  return { memory: code(await verifyBundle(zip)), file: fromFile };
}

describe('large stored entries hashed on a second thread', () => {
  it('gives the SHA-256 and size of the bytes, and the bundle is valid', async () => {
    const file = path.join(f.dir, 'valid.zip');
    await fs.writeFile(file, packed());
    expect(await both(packed())).toEqual({ memory: 'valid-unregistered', file: 'valid-unregistered' });
    const bag = await openBag(file);
    try {
      const entry = [...bag.files.values()].find((e) => e.size === BIG.length);
      if (!entry) throw new Error('no big entry');
      let told = 0;
      const got = await digestFile(bag, entry, (n) => void (told += n));
      expect(got).toEqual({ sha256: createHash('sha256').update(BIG).digest('hex'), size: BIG.length });
      expect(told).toBe(BIG.length);
    } finally {
      bag.zip.close();
    }
  });

  it('a byte changed anywhere in the big entry is caught', async () => {
    for (const at of [0, 1024 * 1024, WORKER_MIN_BYTES, BIG.length - 1]) {
      const zip = packed();
      const start = zip.indexOf(BIG.subarray(0, 64));
      zip[start + at] = (zip[start + at] as number) ^ 0x01;
      expect(await both(zip), `byte ${at}`).toEqual({ memory: 'crcMismatch', file: 'crcMismatch' });
    }
  });

  it('a file cut short inside the big entry is refused', async () => {
    const zip = packed();
    const start = zip.indexOf(BIG.subarray(0, 64));
    const cut = Buffer.concat([zip.subarray(0, start + BIG.length - 10), zip.subarray(start + BIG.length)]);
    const verdict = await both(cut);
    expect(verdict.file).toBe(verdict.memory);
    expect(verdict.file).not.toMatch(/^valid/);
  });

  it('a deflated tag file whose declared size is one byte off is refused as from memory', async () => {
    for (const delta of [-1, 1]) {
      const zip = rawZip(items.map((i) => ({ name: i.name, data: i.bytes, method: i.method === 8 ? 8 : 0, ...(i.name.endsWith('/bag-info.txt') ? { declaredSize: i.bytes.length + delta } : {}) })));
      const verdict = await both(zip);
      expect(verdict.file, `size ${delta}`).toBe(verdict.memory);
      expect(verdict.file).not.toMatch(/^valid/);
    }
  });

  it('a deflated entry whose stream is damaged is refused as from memory', async () => {
    const zip = packed();
    const submission = items.find((i) => i.name.endsWith('/data/submission.json'));
    if (!submission) throw new Error('no submission');
    // The compressed bytes follow the local header and the name; spoil a byte in their middle.
    const at = zip.indexOf(Buffer.from(submission.name)) + submission.name.length + 200;
    zip[at] = (zip[at] as number) ^ 0xff;
    const verdict = await both(zip);
    expect(verdict.file).toBe(verdict.memory);
    expect(verdict.file).not.toMatch(/^valid/);
  });
});
