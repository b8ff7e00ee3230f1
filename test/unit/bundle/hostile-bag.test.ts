// Any change to a signed bag, however small, is caught: every byte of every file, files removed or
// added, a swapped key, reordered manifests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, sign } from 'node:crypto';
import { verifyBundle } from '../../../core/bundle';
import { exportFixture, makeFixture, newSigningKey, readZip, type Fixture, type ZipItem } from './fixture';
import { rawZip } from './raw-zip';

let f: Fixture;
let items: ZipItem[];
let top: string;
let scratch: string;

beforeAll(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-hostile-bag-'));
  // One small attachment keeps the manifest short; every byte of it is still flipped below.
  f = await makeFixture([{ name: 'note.txt', mediaType: 'text/plain', bytes: Buffer.from('Audit de sécurité, Lyon 2024.\n'.repeat(6)) }]);
  items = await readZip(await exportFixture(f));
  top = (items[0]?.name ?? '').split('/')[0] ?? '';
});
afterAll(async () => {
  await fs.rm(f.dir, { recursive: true, force: true });
  await fs.rm(scratch, { recursive: true, force: true });
});

const inBag = (p: string) => `${top}/${p}`;
const get = (list: ZipItem[], p: string) => {
  const item = list.find((i) => i.name === inBag(p));
  if (!item) throw new Error(`no ${p}`);
  return item;
};
const replace = (list: ZipItem[], p: string, bytes: Buffer): ZipItem[] => list.map((i) => (i.name === inBag(p) ? { ...i, bytes } : i));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const verdict = async (list: ZipItem[]) => verifyBundle(rawZip(list.map((i) => ({ name: i.name, data: i.bytes, mode: i.mode }))));
/** The same check on a file, as the app and `scsa verify` do it (stored entries are read straight from disk there). */
async function verdictFromFile(list: ZipItem[]) {
  const file = path.join(scratch, 'bundle.zip');
  await fs.writeFile(file, rawZip(list.map((i) => ({ name: i.name, data: i.bytes, mode: i.mode }))));
  return verifyBundle(file);
}

/** Positions to flip: all of a small file; for a larger one the edges and a fixed-seed random sample. */
function positions(length: number): number[] {
  if (length <= 512) return [...Array(length).keys()];
  let seed = length;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const picked = new Set([0, 1, length - 2, length - 1]);
  while (picked.size < 200) picked.add(Math.floor(random() * length));
  return [...picked];
}

it('the untouched re-zipped bag is valid (so every rejection below is caused by the change)', async () => {
  expect((await verdict(items)).status).toBe('valid-unregistered');
  expect((await verdictFromFile(items)).status).toBe('valid-unregistered');
});

describe('flipping one byte', () => {
  const files = () => items.map((i) => i.name.slice(top.length + 1));
  it.each([
    'bagit.txt',
    'bag-info.txt',
    'manifest-sha256.txt',
    'tagmanifest-sha256.txt',
    'data/submission.json',
    'data/report.pdf',
    'signatures',
    'data/attachments',
  ])('anywhere in %s is rejected', async (which) => {
    const targets = files().filter((p) => p === which || p.startsWith(`${which}/`));
    expect(targets.length).toBeGreaterThan(0);
    const accepted: string[] = [];
    let tried = 0;
    for (const p of targets) {
      const original = get(items, p).bytes;
      for (const at of positions(original.length)) {
        const bytes = Buffer.from(original);
        bytes[at] = (bytes[at] ?? 0) ^ 0x01;
        tried++;
        // Every other flip goes through a file on disk, so both read paths of the verifier see flips everywhere.
        const check = tried % 2 === 0 ? verdictFromFile : verdict;
        if ((await check(replace(items, p, bytes))).status !== 'invalid') accepted.push(`${p}@${at}`);
      }
    }
    expect(accepted).toEqual([]);
    expect(tried).toBeGreaterThan(targets.length);
  });
});

describe('whole files', () => {
  it('removing any one file is rejected', async () => {
    for (const item of items) {
      const result = await verdict(items.filter((i) => i !== item));
      expect(result.status, item.name).toBe('invalid');
    }
  });

  it('adding a file anywhere is rejected, naming it', async () => {
    for (const p of ['data/extra.txt', 'data/attachments/extra.txt', 'extra.txt', 'signatures/readme.txt', 'manifest-md5.txt']) {
      const result = await verdict([...items, { name: inBag(p), bytes: Buffer.from('hello'), method: 0, mode: 0o100644 }]);
      expect(result.status, p).toBe('invalid');
      expect(result.reason?.params.path).toBe(p);
    }
  });

  it('a file added with manifests rewritten but the old signature kept is rejected', async () => {
    const extra = Buffer.from('not signed');
    const manifest = Buffer.concat([get(items, 'manifest-sha256.txt').bytes, Buffer.from(`${sha(extra)}  data/extra.txt\n`)]);
    const tag = get(items, 'tagmanifest-sha256.txt').bytes.toString().replace(/^[0-9a-f]{64}(?=  manifest-sha256\.txt$)/m, sha(manifest));
    let list = replace(items, 'manifest-sha256.txt', manifest);
    list = replace(list, 'tagmanifest-sha256.txt', Buffer.from(tag));
    list = [...list, { name: inBag('data/extra.txt'), bytes: extra, method: 0, mode: 0o100644 }];
    expect((await verdict(list)).reason?.code).toBe('bundle:verify.signatureInvalid');
  });

  it('swapping the public key for another key is rejected (fingerprint, then signature)', async () => {
    const other = await newSigningKey();
    const fp = f.key.fingerprint;
    const swapped = replace(items, `signatures/${fp}.pub.pem`, Buffer.from(other.publicKeyPem));
    expect((await verdict(swapped)).reason?.code).toBe('bundle:verify.publicKeyMismatch');
    // Renaming the pair to the other key's fingerprint does not help: its signature does not hold.
    const renamed = items.map((i) =>
      i.name.includes(`signatures/${fp}`) ? { ...i, name: i.name.replace(fp, other.fingerprint), bytes: i.name.endsWith('.pem') ? Buffer.from(other.publicKeyPem) : i.bytes } : i,
    );
    expect((await verdict(renamed)).reason).toEqual({ code: 'bundle:verify.signatureInvalid', params: { fingerprint: other.fingerprint } });
  });

  it('a second signer is welcome; both must hold and both are reported', async () => {
    const second = await newSigningKey();
    const tag = get(items, 'tagmanifest-sha256.txt').bytes;
    const add = (sig: Buffer): ZipItem[] => [
      ...items,
      { name: inBag(`signatures/${second.fingerprint}.sig`), bytes: sig, method: 0, mode: 0o100644 },
      { name: inBag(`signatures/${second.fingerprint}.pub.pem`), bytes: Buffer.from(second.publicKeyPem), method: 0, mode: 0o100644 },
    ];
    const good = await verdict(add(sign(null, tag, second.privateKey)));
    expect(good.status).toBe('valid-unregistered');
    expect(good.fingerprints).toEqual([f.key.fingerprint, second.fingerprint].sort());
    expect((await verdict(add(sign(null, Buffer.from('other'), second.privateKey)))).status).toBe('invalid');
  });
});

describe('reordered manifest lines', () => {
  const reorder = (b: Buffer) => Buffer.from(b.toString().trimEnd().split('\n').reverse().join('\n') + '\n');

  it('are rejected when the signed bytes change: the signature covers the exact tagmanifest', async () => {
    expect((await verdict(replace(items, 'tagmanifest-sha256.txt', reorder(get(items, 'tagmanifest-sha256.txt').bytes)))).reason?.code).toBe(
      'bundle:verify.signatureInvalid',
    );
    expect((await verdict(replace(items, 'manifest-sha256.txt', reorder(get(items, 'manifest-sha256.txt').bytes)))).reason?.code).toBe(
      'bundle:verify.tagHashMismatch',
    );
  });

  it('are fine when the signer signed them in that order: line order carries no meaning (RFC 8493)', async () => {
    const manifest = reorder(get(items, 'manifest-sha256.txt').bytes);
    const tagText = get(items, 'tagmanifest-sha256.txt').bytes.toString().replace(/^[0-9a-f]{64}(?=  manifest-sha256\.txt$)/m, sha(manifest));
    const tag = reorder(Buffer.from(tagText));
    let list = replace(items, 'manifest-sha256.txt', manifest);
    list = replace(list, 'tagmanifest-sha256.txt', tag);
    list = replace(list, `signatures/${f.key.fingerprint}.sig`, sign(null, tag, f.key.privateKey));
    expect((await verdict(list)).status).toBe('valid-unregistered');
  });
});
