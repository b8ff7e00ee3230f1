// Export refuses what it cannot sign honestly, and a failed export leaves no bundle behind.
import { DEFAULT_LIMITS } from '../../../core/bundle/zip-reader';
import { afterEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { AppError } from '../../../core/errors';
import { ExportRefusedError, exportBundle, safeFileName } from '../../../core/bundle';
import { makeFixture, type Fixture } from './fixture';

let f: Fixture | undefined;
afterEach(async () => {
  if (f) await fs.rm(f.dir, { recursive: true, force: true });
  f = undefined;
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the export to be refused');
}

const outFiles = async (fx: Fixture) => fs.readdir(path.join(fx.dir, 'out'));

/** A disk that fills up after `limit` bytes: every later write fails with ENOSPC. */
function fullDisk(limit: number): () => Writable {
  let written = 0;
  return () =>
    new Writable({
      write(chunk: Buffer, _enc, done) {
        written += chunk.length;
        if (written > limit) done(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
        else done();
      },
    });
}

describe('export is refused', () => {
  it('while required items are missing, with the completeness list', async () => {
    f = await makeFixture();
    const answers = { ...f.draft.answers };
    delete answers['A.1'];
    delete answers['B.5'];
    const err = await refusal(exportBundle(f.options({ draft: { ...f.draft, answers } })));
    expect(err).toBeInstanceOf(ExportRefusedError);
    expect(err.code).toBe('bundle:errors.incomplete');
    expect((err as ExportRefusedError).problems.map((p) => `${p.itemId}:${p.problem}`)).toEqual(['A.1:required', 'B.5:required']);
    expect(err.params).toMatchObject({ count: 2, items: 'A.1, B.5' });
    expect(await outFiles(f)).toEqual([]);
  });

  it('when the attachments add up to more than a bundle the verifier accepts, before anything is read or written', async () => {
    f = await makeFixture();
    const first = f.draft.attachments[0];
    if (!first) throw new Error('fixture has attachments');
    // Declared sizes only: the refusal comes before any attachment is opened.
    const huge = { ...first, size: DEFAULT_LIMITS.maxTotalBytes };
    const err = await refusal(exportBundle({ ...f.options(), draft: { ...f.draft, attachments: [huge, ...f.draft.attachments.slice(1)] } }));
    expect(err.code).toBe('bundle:errors.attachmentsTooLarge');
    expect(Number(err.params?.size)).toBeGreaterThan(Number(err.params?.limit));
    expect(await outFiles(f)).toEqual([]);
  });

  it('when an attachment is missing on disk, naming the file and the item that cites it', async () => {
    f = await makeFixture();
    const gone = f.draft.attachments[1];
    if (!gone) throw new Error('fixture has two attachments');
    await fs.rm(path.join(f.attachmentsDir, gone.sha256));
    const err = await refusal(exportBundle(f.options()));
    expect(err.code).toBe('bundle:errors.attachmentMissing');
    expect(err.params).toMatchObject({ name: 'photo.jpg', itemId: 'C.3' });
    expect(await outFiles(f)).toEqual([]);
  });

  it('when an attachment on disk no longer has the content the draft recorded', async () => {
    f = await makeFixture();
    const ref = f.draft.attachments[0];
    if (!ref) throw new Error('fixture has attachments');
    const file = path.join(f.attachmentsDir, ref.sha256);
    const bytes = await fs.readFile(file);
    bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    await fs.writeFile(file, bytes);
    expect((await refusal(exportBundle(f.options()))).code).toBe('bundle:errors.attachmentChanged');
    expect(await outFiles(f)).toEqual([]);
  });

  it('rather than overwrite an existing bundle', async () => {
    f = await makeFixture();
    const first = await exportBundle(f.options());
    const before = await fs.readFile(first.file);
    expect((await refusal(exportBundle(f.options()))).code).toBe('bundle:errors.outputExists');
    expect(await fs.readFile(first.file)).toEqual(before);
  });

  it('for a revision that is not a positive whole number', async () => {
    f = await makeFixture();
    expect((await refusal(exportBundle(f.options({ submissionRevision: 0 })))).code).toBe('bundle:errors.badRevision');
  });
});

describe('a failure while writing', () => {
  it('a full disk leaves no file with the final name, and no temp file', async () => {
    f = await makeFixture();
    for (const limit of [0, 100, 1500]) {
      const err = await exportBundle(f.options({ createOutput: fullDisk(limit) })).then(
        () => null,
        (e: unknown) => e,
      );
      expect((err as NodeJS.ErrnoException | null)?.code).toBe('ENOSPC');
      expect(await outFiles(f)).toEqual([]);
    }
  });

  it('a PDF renderer that fails mid-stream leaves nothing either', async () => {
    f = await makeFixture();
    async function* broken(): AsyncIterable<Uint8Array> {
      yield Buffer.from('%PDF-1.7\n');
      throw new Error('renderer crashed');
    }
    await expect(exportBundle(f.options({ renderPdf: async () => broken() }))).rejects.toThrow('renderer crashed');
    expect(await outFiles(f)).toEqual([]);
  });
});

describe('attachment names in the bag', () => {
  it('keep letters of every script and the extension, and lose anything a shell or zip tool could trip on', () => {
    expect(safeFileName('Plan d’action 2024 (final).docx')).toBe('Plan_d_action_2024_final_.docx');
    expect(safeFileName('../../etc/passwd')).toBe('etc_passwd');
    expect(safeFileName('خطة الأمن.pdf')).toBe('خطة_الأمن.pdf');
    expect(safeFileName('城市安全.xlsx')).toBe('城市安全.xlsx');
    expect(safeFileName('evil\u202Egnp.exe')).toBe('evil_gnp.exe');
    expect(safeFileName('...')).toBe('file');
    expect(safeFileName('final version.')).toBe('final_version');
    expect(safeFileName('a:b*c?.txt')).toBe('a_b_c_.txt');
    const long = safeFileName(`${'é'.repeat(200)}.pdf`);
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(120);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});

describe('a draft that is not a draft', () => {
  it('is refused with the place of the problem, not a crash', async () => {
    f = await makeFixture([]);
    const broken = { ...f.draft, assessment: { ...f.draft.assessment, countryCode: 'France' } };
    const err = await refusal(exportBundle(f.options({ draft: broken })));
    expect(err.code).toBe('drafts:errors.invalidDraft');
    expect(String(err.params?.path)).toContain('countryCode');
  });
});
