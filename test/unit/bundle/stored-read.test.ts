// A bundle opened from a file reads its stored (uncompressed) entries straight from the file, in
// large pieces, instead of through yauzl's stream: every crafted case must get the same verdict as
// the same bytes checked from memory (the stream path), and a damaged stored entry is still refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { verifyBundle } from '../../../core/bundle';
import { openBag, readFile } from '../../../core/bundle/zip-reader';
import { exportFixture, makeFixture, readZip, type Fixture, type ZipItem } from './fixture';
import { rawZip } from './raw-zip';

// Spans three 1 MiB reads with a short last one, so piece boundaries are crossed.
const BIG = randomBytes(2 * 1024 * 1024 + 4097);
let f: Fixture;
let items: ZipItem[];
let bigName: string;
let files = 0;

beforeAll(async () => {
  f = await makeFixture([{ name: 'plans.bin', mediaType: 'application/octet-stream', bytes: BIG }]);
  const all = await readZip(await exportFixture(f));
  const big = all.find((i) => i.bytes.equals(BIG));
  if (!big) throw new Error('no attachment in the bag');
  bigName = big.name;
  // Every entry stored (rawZip's default), the big one last so that its data ends where the central directory starts.
  items = [...all.filter((i) => i !== big), big];
});
afterAll(async () => {
  await fs.rm(f.dir, { recursive: true, force: true });
});

const packed = (): Buffer => rawZip(items.map((i) => ({ name: i.name, data: i.bytes })));

/** Where the big entry's local header starts (its name's first occurrence is in its local header). */
const bigHeader = (zip: Buffer): number => zip.indexOf(Buffer.from(bigName)) - 30;

/** The verdict for the same bytes read from memory and from a file on disk. */
async function both(zip: Buffer): Promise<{ memory: string; file: string }> {
  const file = path.join(f.dir, `case-${files++}.zip`);
  await fs.writeFile(file, zip);
  const code = (r: Awaited<ReturnType<typeof verifyBundle>>) => r.reason?.code.replace('bundle:verify.', '') ?? r.status;
  const fromFile = code(await verifyBundle(file));
  // An import reads its own fresh copy at once rather than through the thread pool: same verdicts.
  expect(code(await verifyBundle(file, { syncReads: true }))).toBe(fromFile);
  return { memory: code(await verifyBundle(zip)), file: fromFile };
}

describe('stored entries read straight from the file', () => {
  it('a bag of stored entries is valid from a file, with every payload byte counted once', async () => {
    const zip = packed();
    const file = path.join(f.dir, 'stored.zip');
    await fs.writeFile(file, zip);
    const calls: [number, number][] = [];
    const verdict = await verifyBundle(file, { onProgress: (done, total) => void calls.push([done, total]) });
    expect(verdict.status).toBe('valid-unregistered');
    const last = calls[calls.length - 1];
    expect(last?.[0]).toBe(last?.[1]);
    expect(last?.[1]).toBeGreaterThan(BIG.length);
    expect(calls.some(([done]) => done > 0 && done < BIG.length)).toBe(true);
  });

  it('a byte changed at a piece boundary, the first or the last byte of a stored entry is caught', async () => {
    for (const at of [0, 1024 * 1024 - 1, 1024 * 1024, 2 * 1024 * 1024, BIG.length - 1]) {
      const zip = packed();
      const start = zip.indexOf(BIG.subarray(0, 64));
      zip[start + at] = (zip[start + at] as number) ^ 0x01;
      // The CRC-32 the zip records no longer matches, which is what `unzip -t` reports too.
      expect(await both(zip), `byte ${at}`).toEqual({ memory: 'crcMismatch', file: 'crcMismatch' });
    }
  });

  it('a local header that names another file is refused from a file too', async () => {
    const zip = packed();
    const name = bigHeader(zip) + 30;
    zip[name + bigName.length - 1] = (zip[name + bigName.length - 1] as number) ^ 0x01;
    expect(await both(zip)).toEqual({ memory: 'damagedZip', file: 'damagedZip' });
  });

  it('local header lengths that differ from the central directory move the data as yauzl reads it, and are refused', async () => {
    // A longer extra field in the local header only: the data read starts 4 bytes later.
    const shifted = packed();
    shifted.writeUInt16LE(4, bigHeader(shifted) + 28);
    expect(await both(shifted)).toEqual({ memory: 'crcMismatch', file: 'crcMismatch' });
    // So long that the data would run past the end of the file.
    const overflow = packed();
    overflow.writeUInt16LE(0xffff, bigHeader(overflow) + 28);
    expect(await both(overflow)).toEqual({ memory: 'damagedZip', file: 'damagedZip' });
    // A longer name length: the name no longer matches the central directory's.
    const longer = packed();
    longer.writeUInt16LE(bigName.length + 1, bigHeader(longer) + 26);
    expect(await both(longer)).toEqual({ memory: 'damagedZip', file: 'damagedZip' });
  });

  it('a file cut short while it is read is refused, not read past its end', async () => {
    const file = path.join(f.dir, 'shrinks.zip');
    await fs.writeFile(file, packed());
    const bag = await openBag(file);
    try {
      const entry = bag.files.get(bigName.slice(bag.top.length + 1));
      if (!entry) throw new Error('no entry');
      await fs.truncate(file, (await fs.stat(file)).size - Math.floor(BIG.length / 2));
      let bytes = 0;
      await expect(readFile(bag, entry, (chunk) => void (bytes += chunk.length))).rejects.toMatchObject({ reason: 'damagedZip' });
      expect(bytes).toBeLessThan(BIG.length);
    } finally {
      bag.zip.close();
    }
  });
});
