// `scsa verify` agrees with the standard tools: a tag file with a byte order mark (which
// `sha256sum -c` reads differently) is refused, as is an entry whose CRC-32 `unzip -t` would reject,
// and entry names that extract or read as something else (Windows device names, invisible and
// direction-changing characters, C1 controls). The exporter never writes any of these.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { verifyBundle, type VerifyReason } from '../../../core/bundle';
import { safeFileName } from '../../../core/bundle/names';
import { entryNameProblem, isReservedDeviceName } from '../../../core/bundle/entry-names';
import { AppError } from '../../../core/errors';
import { createTranslator } from '../../../cli/i18n';
import { LANGUAGES } from '../../../core/i18n/languages';
import { exportFixture, makeFixture, readZip, type Fixture } from './fixture';
import { BOM, BagEdit } from './hostile-corpus';
import { rawZip } from './raw-zip';

let f: Fixture;
let bag: BagEdit;
let cases = 0;

beforeAll(async () => {
  f = await makeFixture([{ name: 'note.txt', mediaType: 'text/plain', bytes: Buffer.from('Audit de sécurité, Lyon 2024.\n'.repeat(6)) }]);
  bag = BagEdit.of(await readZip(await exportFixture(f)));
});
afterAll(async () => {
  await fs.rm(f.dir, { recursive: true, force: true });
});

/** The reason from memory and from a file (stored entries are read straight from disk there): they must agree. */
async function reasonOf(zip: Buffer): Promise<VerifyReason | undefined> {
  const file = path.join(f.dir, `case-${cases++}.zip`);
  await fs.writeFile(file, zip);
  const [memory, disk] = [await verifyBundle(zip), await verifyBundle(file)];
  expect(disk.reason).toEqual(memory.reason);
  return memory.reason;
}

/** Every language has its own text for the reason, with every placeholder filled. */
function expectTranslated(reason: VerifyReason | undefined): void {
  if (!reason) throw new Error('no reason');
  const texts = LANGUAGES.map((lng) => createTranslator(lng)(reason.code, reason.params));
  for (const text of texts) {
    expect(text).not.toBe(reason.code);
    expect(text).not.toMatch(/\{\{/);
  }
  expect(new Set(texts).size).toBe(LANGUAGES.length);
}

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

it('the bag re-packed, and re-signed by the same key, is valid (so each refusal below is the change)', async () => {
  expect((await verifyBundle(bag.zip())).status).toBe('valid-unregistered');
  expect((await verifyBundle(bag.resign(f.key).zip())).status).toBe('valid-unregistered');
});

describe('a byte order mark at the start of a tag file (RFC 8493 forbids it)', () => {
  it.each(['manifest-sha256.txt', 'bag-info.txt', 'bagit.txt'])('in %s, signed as it is, is refused naming the file', async (file) => {
    const edited = bag.set(file, Buffer.concat([BOM, bag.get(file)])).resign(f.key);
    const reason = await reasonOf(edited.zip());
    expect(reason).toEqual({ code: 'bundle:verify.byteOrderMark', params: { path: file } });
    expectTranslated(reason);
  });

  it('in tagmanifest-sha256.txt, under a signature that holds over those very bytes, is refused', async () => {
    const reason = await reasonOf(bag.resign(f.key, (tag) => Buffer.concat([BOM, tag])).zip());
    expect(reason).toEqual({ code: 'bundle:verify.byteOrderMark', params: { path: 'tagmanifest-sha256.txt' } });
  });

  it.skipIf(!has('sha256sum'))('is where sha256sum -c disagrees: it does not check the first line of such a manifest', async () => {
    const dir = path.join(f.dir, 'bom-manifest');
    const edited = bag.set('manifest-sha256.txt', Buffer.concat([BOM, bag.get('manifest-sha256.txt')]));
    const manifest = edited.get('manifest-sha256.txt');
    const first = manifest.subarray(BOM.length).toString().split('\n')[0]?.split('  ')[1] ?? '';
    for (const line of manifest.subarray(BOM.length).toString().trim().split('\n')) {
      const p = line.split('  ')[1] ?? '';
      await fs.mkdir(path.dirname(path.join(dir, p)), { recursive: true });
      await fs.writeFile(path.join(dir, p), edited.get(p));
    }
    await fs.writeFile(path.join(dir, 'manifest-sha256.txt'), manifest);
    const run = spawnSync('sha256sum', ['-c', 'manifest-sha256.txt'], { cwd: dir, encoding: 'utf8' });
    expect(first).toBe('data/submission.json');
    expect(run.stdout).not.toContain(`${first}: OK`);
    expect(run.stdout).toContain('data/report.pdf: OK');
  });
});

describe('a CRC-32 that does not match the content', () => {
  const withCrc = (p: string, crc: number, method: 0 | 8 = 0) =>
    rawZip(bag.entries().map((e) => (e.name === `${bag.top}/${p}` ? { ...e, crc, method } : e)));

  const signature = () => String(bag.entries().find((e) => String(e.name).endsWith('.sig'))?.name).slice(bag.top.length + 1);

  it.each([
    ['data/report.pdf', 0],
    ['data/submission.json', 8],
    ['bagit.txt', 0],
    ['the signature', 0],
  ] as const)('in %s (method %i) is refused, as unzip -t refuses it', async (which, method) => {
    const rel = which === 'the signature' ? signature() : which;
    const reason = await reasonOf(withCrc(rel, 0x12345678, method));
    expect(reason).toEqual({ code: 'bundle:verify.crcMismatch', params: { path: rel } });
    expectTranslated(reason);
  });

  it('only in the local header (the central directory has the right one) is refused too', async () => {
    const zip = bag.zip();
    const name = Buffer.from(`${bag.top}/data/report.pdf`);
    const header = zip.indexOf(name) - 30;
    expect(zip.readUInt32LE(header)).toBe(0x04034b50);
    zip.writeUInt32LE((zip.readUInt32LE(header + 14) ^ 1) >>> 0, header + 14);
    expect(await reasonOf(zip)).toEqual({ code: 'bundle:verify.crcMismatch', params: { path: 'data/report.pdf' } });
  });

  it.skipIf(!has('unzip'))('agrees with unzip -t on the same files', async () => {
    const good = path.join(f.dir, 'crc-good.zip');
    const bad = path.join(f.dir, 'crc-bad.zip');
    await fs.writeFile(good, bag.zip());
    await fs.writeFile(bad, withCrc('data/report.pdf', 0x12345678));
    expect(spawnSync('unzip', ['-tq', good]).status).toBe(0);
    expect(spawnSync('unzip', ['-tq', bad]).status).not.toBe(0);
    expect((await verifyBundle(good)).status).toBe('valid-unregistered');
    expect((await verifyBundle(bad)).reason?.code).toBe('bundle:verify.crcMismatch');
  });
});

describe('entry names', () => {
  const withFile = (name: string) => bag.zip([{ name: `${bag.top}/${name}`, data: Buffer.from('x') }]);

  it.each(['data/CON', 'data/con', 'data/aux.txt', 'data/NUL.tar.gz', 'data/com1', 'data/LPT9.pdf', 'data/Prn', 'data/nul .txt', 'data/COM\u00b9.txt', 'data/conin$', 'data/con/inside.txt'])(
    'a Windows device name, %j, is refused',
    async (name) => {
      const reason = await reasonOf(withFile(name));
      expect(reason?.code).toBe('bundle:verify.reservedName');
      expectTranslated(reason);
    },
  );

  it.each(['data/console.txt', 'data/auxiliary.pdf', 'data/com10.txt', 'data/CON-report.pdf', 'data/nullify.txt', 'data/lpt.txt'])(
    'a name that only starts like one, %j, passes the name check (and is then refused as unlisted)',
    async (name) => {
      expect((await reasonOf(withFile(name)))?.code).toBe('bundle:verify.notInManifest');
    },
  );

  it.each([
    ['data/report\u202Efdp.exe', 'U+202E'],
    ['data/a\u200Bb.txt', 'U+200B'],
    ['data/\u2066x\u2069.txt', 'U+2066'],
    ['data/x\u061C.txt', 'U+061C'],
    ['data/\uFEFFx.txt', 'U+FEFF'],
    ['data/a\u00ADb.txt', 'U+00AD'],
    ['data/x\u2028y.txt', 'U+2028'],
    ['data/a\u200Db.txt', 'U+200D'],
    ['data/\u200Fx.txt', 'U+200F'],
    ['data/\u202Adir/x.txt', 'U+202A'],
  ])('an invisible or direction-changing character in %j is refused, and not echoed', async (name, character) => {
    const reason = await reasonOf(withFile(name));
    expect(reason?.code).toBe('bundle:verify.invisibleInName');
    expect(reason?.params.character).toBe(character);
    expect(String(reason?.params.path)).toMatch(/^[\x20-\x7e]+$/);
    expectTranslated(reason);
  });

  it.each(['data/x\u0085y.txt', 'data/x\u009By.txt', 'data/x\u0080.txt'])('a C1 control in %j is refused', async (name) => {
    const reason = await reasonOf(withFile(name));
    expect(reason?.code).toBe('bundle:verify.badName');
    expect(String(reason?.params.path)).toMatch(/^[\x20-\x7e]+$/);
  });

  it('a byte order mark before the top folder is not silently dropped from the name', async () => {
    const renamed = rawZip(bag.entries().map((e) => ({ ...e, name: `\uFEFF${String(e.name)}` })));
    expect((await reasonOf(renamed))?.code).toBe('bundle:verify.invisibleInName');
  });
});

describe('the exporter never writes a name the verifier refuses', () => {
  const hostileNames = ['CON', 'aux.txt', 'LPT1.pdf', 'COM\u00b9.txt', 'report\u202Efdp.exe', 'a\u200Bb.pdf', 'x\u0085y.txt', '\uFEFFbom.txt', 'nul .txt'];

  it('attachment names are made safe: every entry passes the check and the bundle is valid', async () => {
    const g = await makeFixture(hostileNames.map((name, i) => ({ name, mediaType: 'text/plain', bytes: Buffer.from(`file ${i}\n`) })));
    try {
      const file = await exportFixture(g);
      const names = (await readZip(file)).map((e) => e.name);
      expect(names.filter((n) => n.includes('/data/attachments/'))).toHaveLength(hostileNames.length);
      expect(names.map((n) => [n, entryNameProblem(n)]).filter(([, p]) => p !== null)).toEqual([]);
      expect((await verifyBundle(file)).status).toBe('valid-unregistered');
    } finally {
      await fs.rm(g.dir, { recursive: true, force: true });
    }
  });

  it('a device name is kept as a name, with a mark added (the one file-name sanitiser, core/text/sanitize.ts)', () => {
    expect(safeFileName('CON')).not.toBe('CON');
    expect(safeFileName('CON')).toContain('CON');
    expect(isReservedDeviceName(safeFileName('CON'))).toBe(false);
    expect(isReservedDeviceName(safeFileName('aux.txt'))).toBe(false);
    expect(safeFileName('aux.txt')).toContain('aux');
    expect(safeFileName('console.txt')).toBe('console.txt');
  });

  it.each(['CON.zip', 'aux.zip', 'evil\u202Efdp.zip', 'zero\u200Bwidth.zip'])('an output file named %j, whose name the top folder takes, is refused before anything is written', async (name) => {
    const out = path.join(f.dir, 'named');
    await fs.mkdir(out, { recursive: true });
    let err: unknown;
    try {
      await exportFixture(f, { out: path.join(out, name) });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('bundle:errors.outputNameUnsafe');
    expect(String((err as AppError).params?.name)).toMatch(/^[\x20-\x7e]+$/);
    expect(await fs.readdir(out)).toEqual([]);
  });
});
