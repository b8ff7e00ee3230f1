// Crafted archives are refused before anything is inflated or written: path tricks, links,
// duplicates, too many entries, zip bombs, damaged and foreign files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import { verifyBundle } from '../../../core/bundle';
import { exportFixture, makeFixture, readZip, type Fixture, type ZipItem } from './fixture';
import { rawZip, type RawEntry } from './raw-zip';

let f: Fixture;
let bundle: Buffer;
let items: ZipItem[];
let top: string;

beforeAll(async () => {
  f = await makeFixture([]);
  const draft = { ...f.draft, answers: { ...f.draft.answers, 'C.3': { files: [], links: [] } } };
  const file = await exportFixture(f, { draft });
  bundle = await fs.readFile(file);
  items = await readZip(bundle);
  top = (items[0]?.name ?? '').split('/')[0] ?? '';
});
afterAll(async () => {
  await fs.rm(f.dir, { recursive: true, force: true });
});

/** The real bag's entries plus or instead of crafted ones. */
const bag = (extra: RawEntry[] = [], keep: (i: ZipItem) => boolean = () => true): Buffer =>
  rawZip([...items.filter(keep).map((i) => ({ name: i.name, data: i.bytes })), ...extra]);
const reasonOf = async (zip: Buffer) => (await verifyBundle(zip)).reason?.code.replace('bundle:verify.', '');

it('the real bag re-packed by this writer is valid (the crafted cases differ from it only as described)', async () => {
  expect((await verifyBundle(bag())).status).toBe('valid-unregistered');
});

describe('paths', () => {
  it.each([
    ['../evil.txt', 'unsafePath'],
    ['TOP/../../evil.txt', 'unsafePath'],
    ['TOP/data/../../evil.txt', 'unsafePath'],
    ['/etc/passwd', 'unsafePath'],
    ['C:/Windows/evil.txt', 'unsafePath'],
    ['TOP\\..\\evil.txt', 'unsafePath'],
    ['TOP//data/x.txt', 'unsafePath'],
    ['TOP/./x.txt', 'unsafePath'],
    ['TOP/data/line\nbreak.txt', 'badName'],
    ['TOP/data/con:stream.txt', 'unsafePath'],
    ['TOP/data/what?.txt', 'unsafePath'],
    ['TOP/data/trailing-dot.', 'unsafePath'],
    ['TOP/data/trailing-space ', 'unsafePath'],
    ['evil.txt', 'outsideTopFolder'],
    ['other/evil.txt', 'outsideTopFolder'],
  ])('%j is refused (%s)', async (name, reason) => {
    expect(await reasonOf(bag([{ name: name.replace('TOP', top), data: Buffer.from('x') }]))).toBe(reason);
  });

  it('a name that is not UTF-8 is refused, with or without the UTF-8 flag', async () => {
    const name = Buffer.concat([Buffer.from(`${top}/data/`), Buffer.from([0xff, 0xfe, 0x41])]);
    expect(await reasonOf(bag([{ name, data: Buffer.from('x') }]))).toBe('badName');
    expect(await reasonOf(bag([{ name, data: Buffer.from('x'), utf8Flag: false }]))).toBe('badName');
  });

  it('duplicate names are refused, also when they differ only in case or Unicode form', async () => {
    expect(await reasonOf(bag([{ name: `${top}/bagit.txt`, data: Buffer.from('BagIt-Version: 1.0\n') }]))).toBe('duplicateName');
    expect(await reasonOf(bag([{ name: `${top}/DATA/report.pdf`, data: Buffer.from('x') }]))).toBe('duplicateName');
    const nfc = `${top}/data/caf\u00e9.txt`;
    const nfd = `${top}/data/cafe\u0301.txt`;
    expect(await reasonOf(bag([{ name: nfc, data: Buffer.from('x') }, { name: nfd, data: Buffer.from('y') }]))).toBe('duplicateName');
  });

  it('a local header that names another file than the central directory is refused', async () => {
    const zip = bag();
    // Rename the first local header's file only (same length): tools reading either would disagree.
    const at = zip.indexOf(Buffer.from(`${top}/bagit.txt`));
    zip.write('X', at + top.length + 1);
    expect(await reasonOf(zip)).toBe('damagedZip');
  });
});

describe('links and special files', () => {
  it('a symbolic link entry is refused, wherever it points', async () => {
    for (const target of ['/etc/passwd', '../../.ssh/id_ed25519', 'bagit.txt']) {
      expect(await reasonOf(bag([{ name: `${top}/data/link`, data: Buffer.from(target), mode: 0o120777 }]))).toBe('symlink');
    }
  });

  it('a device, a FIFO, or a "directory" with content is refused', async () => {
    expect(await reasonOf(bag([{ name: `${top}/data/dev`, mode: 0o020644 }]))).toBe('specialFile');
    expect(await reasonOf(bag([{ name: `${top}/data/fifo`, mode: 0o010644 }]))).toBe('specialFile');
    expect(await reasonOf(bag([{ name: `${top}/data/dir/`, data: Buffer.from('x'), mode: 0o040755 }]))).toBe('specialFile');
  });

  it('plain directory entries (as `zip -r` writes them) are accepted', async () => {
    const dirs = ['', 'data/', 'signatures/'].map((d) => ({ name: `${top}/${d}`, mode: 0o040755 }));
    expect((await verifyBundle(rawZip([...dirs, ...items.map((i) => ({ name: i.name, data: i.bytes }))]))).status).toBe('valid-unregistered');
  });
});

describe('size limits', () => {
  it('10 000 entries are listed without reading them, and refused as files no manifest lists', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ name: `${top}/data/many/${i}.txt` }));
    const result = await verifyBundle(bag(many));
    expect(result.reason?.code).toBe('bundle:verify.notInManifest');
  });

  it('more entries than the limit are refused before any is read', async () => {
    const many = Array.from({ length: 20_001 }, (_, i) => ({ name: `${top}/data/${i}` }));
    expect(await reasonOf(rawZip(many))).toBe('tooManyEntries');
  });

  /** 1 GiB of zeros as raw deflate, built from 1 MiB blocks so it is never held uncompressed. */
  function gigabyteOfZeros(): Buffer {
    const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
    return Buffer.concat([...Array<Buffer>(1024).fill(block), deflateRawSync(Buffer.alloc(0))]);
  }

  it('an entry declaring 1 GiB from a thousandth of that is refused by its ratio, unread', async () => {
    const compressed = gigabyteOfZeros();
    expect(compressed.length).toBeLessThan(2 * 1024 * 1024);
    const bomb = { name: `${top}/data/bomb.bin`, method: 8 as const, compressed, declaredSize: 1024 ** 3, crc: 0 };
    expect(await reasonOf(bag([bomb]))).toBe('compressionRatio');
  });

  it('a bomb that lies about its size is cut off at the declared size, memory stays bounded', async () => {
    const compressed = gigabyteOfZeros();
    const tag = items.find((i) => i.name.endsWith('tagmanifest-sha256.txt'));
    if (!tag) throw new Error('no tagmanifest');
    // The tagmanifest is read early (for the signature); here it says 1 000 bytes and inflates to 1 GiB.
    const lying = { name: tag.name, method: 8 as const, compressed, declaredSize: 1000, crc: 0 };
    const before = process.memoryUsage().rss;
    expect(await reasonOf(bag([lying], (i) => i !== tag))).toBe('damagedZip');
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
  });

  it('a stored entry whose declared sizes disagree is refused', async () => {
    const data = Buffer.from('hello');
    const zip = rawZip([...items.map((i) => ({ name: i.name, data: i.bytes })), { name: `${top}/data/x`, data, declaredSize: 3 }]);
    expect(await reasonOf(zip)).toBe('damagedZip');
  });
});

describe('damaged or foreign files', () => {
  it('a truncated archive is refused at every cut', async () => {
    for (const keep of [0, 10, Math.floor(bundle.length / 2), bundle.length - 30, bundle.length - 1]) {
      expect((await verifyBundle(bundle.subarray(0, keep))).status, `cut at ${keep}`).toBe('invalid');
    }
  });

  it('random bytes, an empty zip and a missing file are refused with their own reasons', async () => {
    expect(await reasonOf(Buffer.from('PK\u0003\u0004 this is not really a zip'))).toBe('notZip');
    expect(await reasonOf(rawZip([]))).toBe('emptyZip');
    expect(await reasonOf(await fs.readFile(path.join(__dirname, 'raw-zip.ts')))).toBe('notZip');
    expect((await verifyBundle(path.join(f.dir, 'nope.zip'))).reason?.code).toBe('bundle:verify.notFound');
  });
});
