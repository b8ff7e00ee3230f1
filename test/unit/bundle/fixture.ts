// A complete French draft of the sample pack with two attachments, a signing key, and a fake PDF.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadSamplePack } from '../../../core/checklist/sample';
import { newDraft } from '../../../core/draft/create';
import type { Draft } from '../../../core/draft/schema';
import { ingestAttachment } from '../../../core/store/attachments';
import { generateKey, unlockKey, type SigningKey } from '../../../core/keys';
import { exportBundle, type ExportOptions, type PdfStamp } from '../../../core/bundle';
import { setLogSink } from '../../../core/log';
import yauzl from 'yauzl';
import yazl from 'yazl';

setLogSink(null);

export const pack = loadSamplePack().pack;
export const PASS = 'correct horse battery';
export const FAST = { scrypt: { N: 2 ** 14, r: 8, p: 1 } };
export const NOW = new Date('2026-11-20T09:30:00Z');

export async function tempDir(prefix = 'scsa-bundle-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function newSigningKey(): Promise<SigningKey> {
  return unlockKey((await generateKey(PASS, FAST)).keyFile, PASS);
}

/** A stand-in for the real report: a few bytes that record what the renderer was told. */
export const fakePdf = async (draft: Draft, stamp: PdfStamp): Promise<Uint8Array> =>
  Buffer.from(`%PDF-1.7\n% fake report for ${draft.id}\n% ${stamp.status} ${stamp.externalIdentifier} ${stamp.signerFingerprint}\n%%EOF\n`);

export interface Fixture {
  dir: string;
  attachmentsDir: string;
  draft: Draft;
  key: SigningKey;
  options: (extra?: Partial<ExportOptions>) => ExportOptions;
}

export async function makeFixture(attachments: { name: string; mediaType: string; bytes: Buffer }[] = defaultAttachments()): Promise<Fixture> {
  const dir = await tempDir();
  const attachmentsDir = path.join(dir, 'attachments');
  const refs = [];
  for (const a of attachments) refs.push(await ingestAttachment(attachmentsDir, [a.bytes], { name: a.name, mediaType: a.mediaType }));
  const base = newDraft(
    {
      countryCode: 'FRA',
      responseLanguage: 'fr',
      focalPoints: [{ name: 'Amélie Durand', institution: 'Ministère de la Cohésion des territoires', email: 'amelie.durand@example.org' }],
    },
    pack,
    new Date('2026-05-01T00:00:00Z'),
    'fra-2026',
  );
  const draft: Draft = {
    ...base,
    revision: 12,
    attachments: refs,
    answers: {
      'A.1': 'Ministère de la Cohésion des territoires',
      'A.2': '2026-03-01',
      'A.3': ['local_governments', 'academia'],
      'A.4': true,
      'B.1': 'fully',
      'B.2': 'interministerial',
      'B.4': 40,
      'B.5': { status: 'partially', measures: 'Loi de 2007 relative à la prévention', assistanceNeeded: true, assistanceTypes: ['data_and_indicators'] },
      'C.1': { status: 'fully' },
      'C.2': [{ city: 'Lyon', adopted: '2020-01-15', population: 500000, audit: true, stage: 'adopted' }],
      'C.3': { files: refs.map((r) => r.sha256), links: [{ url: 'https://example.org/strategie.pdf' }] },
      'C.4': 'Marches exploratoires avec des femmes et des jeunes — « sécurité ».',
    },
  };
  const key = await newSigningKey();
  const options = (extra: Partial<ExportOptions> = {}): ExportOptions => ({
    draft,
    pack,
    attachmentPath: (sha) => path.join(attachmentsDir, sha),
    signer: key,
    submissionRevision: 1,
    renderPdf: fakePdf,
    out: path.join(dir, 'out'),
    now: NOW,
    ...extra,
  });
  await fs.mkdir(path.join(dir, 'out'));
  return { dir, attachmentsDir, draft, key, options };
}

export function defaultAttachments(): { name: string; mediaType: string; bytes: Buffer }[] {
  return [
    { name: 'Stratégie de Lyon (2020).txt', mediaType: 'text/plain', bytes: Buffer.from('Stratégie locale de sécurité\n'.repeat(20)) },
    { name: 'photo.jpg', mediaType: 'image/jpeg', bytes: randomBytes(700) },
  ];
}

export async function exportFixture(f: Fixture, extra: Partial<ExportOptions> = {}): Promise<string> {
  return (await exportBundle(f.options(extra))).file;
}

export interface ZipItem {
  name: string;
  bytes: Buffer;
  method: number;
  mode: number;
}

/** Every entry of a (small, trusted) zip, in order, read into memory: tests only. */
export async function readZip(source: string | Buffer): Promise<ZipItem[]> {
  const zip = typeof source === 'string' ? await yauzl.openPromise(source, { lazyEntries: true }) : await yauzl.fromBufferPromise(source, { lazyEntries: true });
  const items: ZipItem[] = [];
  for await (const e of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    if (!e.fileName.endsWith('/')) for await (const c of await zip.openReadStreamPromise(e)) chunks.push(c as Buffer);
    items.push({ name: e.fileName, bytes: Buffer.concat(chunks), method: e.compressionMethod, mode: (e.externalFileAttributes >>> 16) & 0xffff });
  }
  zip.close();
  return items;
}

/** Zip entries into a buffer with yazl, as a tool re-packing a bag would. */
export async function writeZip(items: readonly { name: string; bytes: Buffer; mode?: number }[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const it of items) zip.addBuffer(it.bytes, it.name, { mtime: NOW, mode: it.mode ?? 0o100644, compress: false });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

/** The bundle's `data/submission.json`, parsed (an empty object when it has none). */
export async function submissionJson(file: string): Promise<Record<string, unknown>> {
  const entry = (await readZip(file)).find((e) => e.name.endsWith('/data/submission.json'));
  return JSON.parse(entry?.bytes.toString('utf8') ?? '{}') as Record<string, unknown>;
}
