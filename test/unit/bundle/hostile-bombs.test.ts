// Bombs made of many entries: 8,100 entries of 1 MiB of zeros (each under the per-entry ratio floor,
// about 10 MB in all) are refused from the central directory alone, before any entry is read, by
// the archive's overall ratio; so is a total uncompressed size above the limit. A payload file the
// manifest does not list is refused before any payload is hashed. "Nothing read" is counted at the
// zip reader's two entry points, through which every byte of content passes.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';

const reads = vi.hoisted(() => ({ files: [] as string[], small: [] as string[] }));
vi.mock('../../../core/bundle/zip-reader', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../core/bundle/zip-reader')>();
  return {
    ...real,
    readFile: (...args: Parameters<typeof real.readFile>) => {
      reads.files.push(args[1].path);
      return real.readFile(...args);
    },
    readSmall: (...args: Parameters<typeof real.readSmall>) => {
      reads.small.push(args[1].path);
      return real.readSmall(...args);
    },
  };
});

import { DEFAULT_LIMITS, verifyBundle } from '../../../core/bundle';
import { createTranslator } from '../../../cli/i18n';
import { exportFixture, makeFixture, newSigningKey, readZip, type Fixture } from './fixture';
import { BagEdit, MIB, sha, zeroEntries } from './hostile-corpus';

let f: Fixture;
let bag: BagEdit;

beforeAll(async () => {
  f = await makeFixture([]);
  const draft = { ...f.draft, answers: { ...f.draft.answers, 'C.3': { files: [], links: [] } } };
  bag = BagEdit.of(await readZip(await exportFixture(f, { draft })));
});
afterAll(async () => {
  await fs.rm(f.dir, { recursive: true, force: true });
});
beforeEach(() => {
  reads.files.length = 0;
  reads.small.length = 0;
});

describe('8,100 entries of 1 MiB of zeros (the reproduction)', () => {
  it('are refused by the archive’s ratio before a single entry is read, from a file as from memory', async () => {
    const zip = bag.zip(zeroEntries(bag.top, 8100));
    expect(zip.length).toBeGreaterThan(8 * 1000 * 1000);
    expect(zip.length).toBeLessThan(12 * 1000 * 1000);
    const file = path.join(f.dir, 'zeros.zip');
    await fs.writeFile(file, zip);
    for (const source of [zip, file]) {
      const result = await verifyBundle(source);
      expect(result.status).toBe('invalid');
      expect(result.reason?.code).toBe('bundle:verify.archiveRatio');
      // Stopped where the entries passed the total limit: the rest of the directory was not even listed.
      expect(result.reason?.params.size).toBe(DEFAULT_LIMITS.maxTotalBytes / MIB + 1);
      expect(result.reason?.params.compressed).toBeLessThanOrEqual(12);
    }
    expect(reads).toEqual({ files: [], small: [] });
    const text = createTranslator('en')('bundle:verify.archiveRatio', { size: 8101, compressed: 10 });
    expect(text).toContain('8101 MiB from 10 MiB');
  });

  it('are refused the same way when listed in the manifest under a signature that holds (an attacker’s own key)', async () => {
    const entries = zeroEntries(bag.top, 8100);
    const zeros = sha(Buffer.alloc(MIB));
    const listed = bag.listInManifest(entries.map((e) => ({ path: String(e.name).slice(bag.top.length + 1), sha256: zeros })));
    const signed = listed.resign(await newSigningKey());
    expect((await verifyBundle(signed.zip(entries))).reason?.code).toBe('bundle:verify.archiveRatio');
    expect(reads).toEqual({ files: [], small: [] });
  });

  it('fewer of them (4,000: 4,000 MiB, under the total limit) are refused by the ratio of the whole directory', async () => {
    const result = await verifyBundle(bag.zip(zeroEntries(bag.top, 4000)));
    expect(result.reason?.code).toBe('bundle:verify.archiveRatio');
    expect(reads).toEqual({ files: [], small: [] });
  });

  it('without the overall limits, would be refused as unlisted before any payload is hashed', async () => {
    const limits = { ...DEFAULT_LIMITS, maxArchiveRatio: 1_000_000, maxTotalBytes: 16 * 1024 ** 3 };
    const result = await verifyBundle(bag.zip(zeroEntries(bag.top, 8100)), { limits });
    expect(result.reason?.code).toBe('bundle:verify.notInManifest');
    // Only the signatures and tag files were read; nothing under data/ was.
    expect(reads.files).toEqual([]);
    expect(reads.small.every((p) => !p.startsWith('data/'))).toBe(true);
  });
});

describe('one payload file the manifest does not list', () => {
  it('is refused, naming it, before any payload file is read or hashed', async () => {
    const result = await verifyBundle(bag.zip([{ name: `${bag.top}/data/extra.bin`, data: Buffer.alloc(4 * MIB, 7) }]));
    expect(result.reason).toEqual({ code: 'bundle:verify.notInManifest', params: { path: 'data/extra.bin' } });
    expect(reads.files).toEqual([]);
  });
});

describe('the total uncompressed size', () => {
  it('above the limit, declared by entries whose own ratio is honest, is refused before anything is read', async () => {
    // Three stored entries declaring 1.5 GiB each (stored: compressed = uncompressed, ratio 1): 4.5 GiB in all.
    const big = [0, 1, 2].map((i) => ({ name: `${bag.top}/data/big-${i}.bin`, data: Buffer.from('x'), declaredSize: 1.5 * 1024 ** 3, declaredCompressedSize: 1.5 * 1024 ** 3 }));
    const result = await verifyBundle(bag.zip(big));
    expect(result.reason).toEqual({ code: 'bundle:verify.totalTooLarge', params: { limit: DEFAULT_LIMITS.maxTotalBytes / MIB } });
    expect(reads).toEqual({ files: [], small: [] });
  });

  it('is judged on what the entries declare, and the limit is what the limits say', async () => {
    const limits = { ...DEFAULT_LIMITS, maxTotalBytes: 1024 };
    expect((await verifyBundle(bag.zip(), { limits })).reason?.code).toBe('bundle:verify.totalTooLarge');
    expect(reads).toEqual({ files: [], small: [] });
  });
});

describe('what stays accepted', () => {
  it('a real bag is valid, even with no ratio floor at all', async () => {
    expect((await verifyBundle(bag.zip())).status).toBe('valid-unregistered');
    const limits = { ...DEFAULT_LIMITS, archiveRatioFloorBytes: 0 };
    expect((await verifyBundle(bag.zip(), { limits })).status).toBe('valid-unregistered');
  });
});

