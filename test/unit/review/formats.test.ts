// The review copy (*.scsa-review) and the reply (*.scsa-reply.json): written, read back, and every
// damaged or foreign file refused with its own translated message.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yazl from 'yazl';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors';
import { ingestAttachment } from '../../../core/store/attachments';
import {
  contentSha256,
  parseReply,
  readReplyFile,
  readReviewCopy,
  replyText,
  REVIEW_LIMITS,
  ReviewReplySchema,
  writeReplyFile,
  writeReviewCopy,
} from '../../../core/review';
import { baseDraft, reply, request } from './fixture';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-review-formats-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function code(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return 'no error';
}

/** A zip with these entries, written by hand (no checks), to imitate a damaged or crafted copy. */
async function rawZip(file: string, entries: Record<string, Buffer | string>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries)) zip.addBuffer(Buffer.from(content), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  await fs.writeFile(file, Buffer.concat(chunks));
}

describe('the review copy', () => {
  it('round-trips: the request and attachments come back exactly, the base hash matches the content', async () => {
    const attachmentsDir = path.join(dir, 'att');
    const ref = await ingestAttachment(attachmentsDir, [Buffer.from('تقرير المراجعة')], { name: 'تقرير.txt', mediaType: 'text/plain' });
    const draft = { ...baseDraft(), attachments: [ref] };
    const req = request(draft, { scope: ['B', 'C'], dueDate: '2026-12-01', message: 'يرجى المراجعة قبل نهاية الشهر.', to: { institution: 'وزارة الصحة', name: 'د. سارة' } });
    expect(req.base).toEqual({ draftId: 'ken-2026', revision: 5, contentSha256: contentSha256(draft) });
    const file = path.join(dir, 'copy.scsa-review');
    const written = await writeReviewCopy(file, req, (sha) => path.join(attachmentsDir, sha));
    expect(written.attachments).toBe(1);
    const copy = await readReviewCopy(file);
    try {
      expect(copy.request).toEqual(req);
      expect(copy.attachments).toEqual([ref.sha256]);
      expect((await copy.readAttachment(ref.sha256)).toString()).toBe('تقرير المراجعة');
    } finally {
      copy.close();
    }
    expect((await fs.readdir(dir)).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('can leave the attachments out; their list still travels', async () => {
    const ref = { sha256: 'c'.repeat(64), name: 'x.pdf', size: 3, mediaType: 'application/pdf' };
    const req = request({ ...baseDraft(), attachments: [ref] });
    const file = path.join(dir, 'copy.scsa-review');
    await writeReviewCopy(file, req);
    const copy = await readReviewCopy(await fs.readFile(file));
    copy.close();
    expect(copy.attachments).toEqual([]);
    expect(copy.request.draft.attachments).toEqual([ref]);
  });

  it('is not written when an attachment is missing', async () => {
    const req = request({ ...baseDraft(), attachments: [{ sha256: 'd'.repeat(64), name: 'gone.pdf', size: 3, mediaType: 'application/pdf' }] });
    const file = path.join(dir, 'copy.scsa-review');
    expect(await code(writeReviewCopy(file, req, (sha) => path.join(dir, sha)))).toBe('review:errors.attachmentMissing');
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('refuses unknown sections when the copy is made', async () => {
    expect(await code(() => request(baseDraft(), { scope: ['B', 'Q'] }))).toBe('review:errors.unknownSection');
  });

  it('refuses a copy whose content was edited after it was made', async () => {
    const req = request();
    const edited = { ...req, draft: { ...req.draft, answers: { ...req.draft.answers, 'A.1': 'معدَّل' } } };
    const file = path.join(dir, 'edited.scsa-review');
    await rawZip(file, { [`scsa-review-${req.reviewId}/review-request.json`]: JSON.stringify(edited) });
    expect(await code(readReviewCopy(file))).toBe('review:errors.copyAltered');
  });

  it.each([
    ['not a zip', async (f: string) => fs.writeFile(f, 'hello'), 'review:errors.notACopy'],
    ['a zip without the request', async (f: string) => rawZip(f, { 'top/other.txt': 'x' }), 'review:errors.notACopy'],
    ['a request that is not JSON', async (f: string) => rawZip(f, { 'top/review-request.json': '{oops' }), 'review:errors.copyDamaged'],
    ['a reply in place of the request', async (f: string) => rawZip(f, { 'top/review-request.json': replyText(reply(request(), { institution: 'X' }).reply) }), 'review:errors.notACopy'],
    ['files outside one top folder', async (f: string) => rawZip(f, { 'review-request.json': JSON.stringify(request()), 'other/x': 'x' }), 'review:errors.copyDamaged'],
    [
      'a file the request does not list',
      async (f: string) => {
        const req = request();
        await rawZip(f, { [`t/review-request.json`]: JSON.stringify(req), 't/attachments/evil.exe': 'x' });
      },
      'review:errors.copyUnexpectedFile',
    ],
    [
      'a request from a newer version',
      async (f: string) => rawZip(f, { 't/review-request.json': JSON.stringify({ ...request(), schemaVersion: 2 }) }),
      'review:errors.futureVersion',
    ],
  ])('refuses %s', async (_what, make, expected) => {
    const file = path.join(dir, 'bad.scsa-review');
    await make(file);
    expect(await code(readReviewCopy(file))).toBe(expected);
  });
});

describe('the reply', () => {
  it('round-trips through its file; re-saving with other spacing keeps its hash', async () => {
    const r = reply(request(), { institution: 'وزارة الصحة', suggestions: { 'A.1': 'نص مقترح' }, comments: [{ itemId: 'B.1', text: 'لماذا جزئيا؟' }] });
    const file = path.join(dir, 'r.scsa-reply.json');
    await writeReplyFile(file, r.reply);
    const back = await readReplyFile(file);
    expect(back.reply).toEqual(r.reply);
    expect(back.sha256).toBe(r.sha256);
    await fs.writeFile(file, JSON.stringify(JSON.parse(await fs.readFile(file, 'utf8'))));
    expect((await readReplyFile(file)).sha256).toBe(r.sha256);
    expect(ReviewReplySchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8'))).success).toBe(true);
  });

  it('refuses a file over 5 MB before reading it', async () => {
    const file = path.join(dir, 'big.scsa-reply.json');
    const handle = await fs.open(file, 'w');
    await handle.truncate(50 * 1024 * 1024);
    await handle.close();
    expect(await code(readReplyFile(file))).toBe('review:errors.replyTooLarge');
    expect(await code(() => parseReply(new Uint8Array(REVIEW_LIMITS.replyBytes + 1)))).toBe('review:errors.replyTooLarge');
  });

  it.each([
    ['invalid JSON (edited by hand)', '{"format": "scsa-review-reply", "comments": [', 'review:errors.replyNotJson'],
    ['not UTF-8', Buffer.from([0xff, 0xfe, 0x00]), 'review:errors.replyNotJson'],
    ['another kind of file', '{"schemaVersion": 1, "id": "a draft"}', 'review:errors.notAReply'],
    ['nested too deep', `{"format":"scsa-review-reply","x":${'['.repeat(100)}${']'.repeat(100)}}`, 'review:errors.tooDeep'],
    ['a newer format', JSON.stringify({ format: 'scsa-review-reply', schemaVersion: 9 }), 'review:errors.futureVersion'],
    ['a field missing', JSON.stringify({ format: 'scsa-review-reply', schemaVersion: 1 }), 'review:errors.replyInvalid'],
  ])('refuses %s', async (_what, content, expected) => {
    expect(await code(() => parseReply(Buffer.from(content)))).toBe(expected);
  });

  it('refuses two suggestions on one item and a note id used twice', async () => {
    const r = reply(request(), { institution: 'X', suggestions: { 'A.1': 'a', 'A.2': '2026-02-02' } }).reply;
    const twice = { ...r, suggestions: [r.suggestions[0], { ...r.suggestions[1], itemId: 'A.1' }] };
    expect(await code(() => parseReply(Buffer.from(JSON.stringify(twice))))).toBe('review:errors.replyInvalid');
    const sameId = { ...r, suggestions: [r.suggestions[0], { ...r.suggestions[1], id: r.suggestions[0]?.id }] };
    expect(await code(() => parseReply(Buffer.from(JSON.stringify(sameId))))).toBe('review:errors.replyInvalid');
  });

  it('a missing file is named', async () => {
    expect(await code(readReplyFile(path.join(dir, 'none.json')))).toBe('review:errors.replyNotFound');
  });
});
