// Sending review copies (focal point) and reviewing one (another computer), through dispatch as the
// transports call them: the copy and the reply travel as the files the user downloads.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchUpload } from '../../../core/api/dispatch';
import { getPack } from '../../../core/checklist/registry';
import { setLogSink } from '../../../core/log';
import { addComment, buildReviewRequest, setVerdict, suggest, writeReviewCopy, type ReviewWork } from '../../../core/review';
import type { ReviewRequest } from '../../../core/review/schema';
import { EVERY_TYPE, META, SAMPLE, diskFile, makeCore, tempDir, type TestCore } from './harness';

let focalDir: string;
let reviewerDir: string;
let focal: TestCore;
let reviewer: TestCore;
const pack = getPack(SAMPLE).pack;

type Ticket = { token: string; fileName: string };
type Session = { request: ReviewRequest; work: ReviewWork; resumed: boolean; returns: unknown[]; carried: string[] };

beforeEach(async () => {
  setLogSink(null);
  focalDir = await tempDir('review-focal');
  reviewerDir = await tempDir('review-reviewer');
  focal = makeCore(focalDir);
  reviewer = makeCore(reviewerDir);
});

afterEach(async () => {
  await focal.service.dispose();
  await reviewer.service.dispose();
  await fs.rm(focalDir, { recursive: true, force: true });
  await fs.rm(reviewerDir, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

/** What the user's browser saves from a ticket: the file, written where they choose. */
async function download(core: TestCore, ticket: Ticket, dir: string): Promise<string> {
  const opened = await core.service.takeDownload(ticket.token, ticket.fileName);
  if (!opened) throw new Error('download not served');
  const bytes = await opened.handle.readFile();
  await opened.handle.close();
  const file = path.join(dir, ticket.fileName);
  await fs.writeFile(file, bytes);
  return file;
}

async function answeredAssessment(): Promise<string> {
  const { draft } = await focal.ok<{ draft: { id: string } }>('createAssessment', META, SAMPLE);
  await focal.ok('saveAnswers', draft.id, EVERY_TYPE);
  return draft.id;
}

const SEND = { institution: 'Ministry of Justice', name: 'Omar Khalil', scope: 'all', dueDate: '2026-12-31', message: 'Please review before 31 December.', withAttachments: true };
const open = (file: string) => dispatchUpload(reviewer.service.uploads, 'openReviewCopy', [], diskFile(file));

describe('sending review copies', () => {
  it('writes a copy of the saved revision, pins it, and lists several reviews as awaiting their reply', async () => {
    const id = await answeredAssessment();
    const first = await focal.ok<{ review: { reviewId: string; state: string; baseRevision: number }; copy: Ticket }>('sendForReview', id, SEND);
    expect(first.review.state).toBe('awaiting');
    expect(first.copy.fileName).toMatch(/^FRA_review_r1_\d{4}-\d{2}-\d{2}_[0-9a-f]{8}\.scsa-review$/);
    const second = await focal.ok<{ review: { reviewId: string } }>('sendForReview', id, { institution: 'وزارة المالية', scope: ['B'], withAttachments: false });

    const listed = await focal.ok<Array<{ reviewId: string; to: { institution: string }; state: string; scope: unknown; dueDate?: string }>>('listSentReviews', id);
    expect(listed.map((r) => [r.to.institution, r.state, r.scope])).toEqual([
      ['Ministry of Justice', 'awaiting', 'all'],
      ['وزارة المالية', 'awaiting', ['B']],
    ]);
    expect(listed[0]?.dueDate).toBe('2026-12-31');
    const pins = JSON.parse(await fs.readFile(path.join(focalDir, 'assessments', id, 'pins.json'), 'utf8')) as { pins: Array<{ reviewId: string; revision: number }> };
    expect(pins.pins.map((p) => p.reviewId)).toEqual([first.review.reviewId, second.review.reviewId]);

    // The copy carries the draft as saved, addressed to the institution.
    const file = await download(focal, first.copy, reviewerDir);
    const session = await open(file);
    expect(session.ok).toBe(true);
    const value = (session as { value: Session }).value;
    expect(value.request.to).toEqual({ institution: 'Ministry of Justice', name: 'Omar Khalil' });
    expect(value.request.draft.answers['A.1']).toBe(EVERY_TYPE['A.1']);
    expect(value.request.base.revision).toBe(first.review.baseRevision);
  });

  it('hands the same copy out again, and refuses a review the assessment does not have', async () => {
    const id = await answeredAssessment();
    const sent = await focal.ok<{ review: { reviewId: string }; copy: Ticket }>('sendForReview', id, SEND);
    const again = await focal.ok<Ticket>('downloadReviewCopy', id, sent.review.reviewId);
    expect(again.fileName).toBe(sent.copy.fileName);
    const unknown = await focal.call('downloadReviewCopy', id, '0b5f3c51-1d9e-4a43-8a4e-9b1b0c3a2f10');
    expect(unknown).toEqual({ ok: false, error: { code: 'review:errors.copyGone' } });
  });

  it('refuses a section the checklist does not have, and records nothing', async () => {
    const id = await answeredAssessment();
    const r = await focal.call('sendForReview', id, { ...SEND, scope: ['Z'] });
    expect(r.ok).toBe(false);
    expect((r as { error: { code: string } }).error.code).toBe('review:errors.unknownSection');
    expect(await focal.ok('listSentReviews', id)).toEqual([]);
  });
});

describe('reviewing a copy', () => {
  async function sentCopy(): Promise<string> {
    const id = await answeredAssessment();
    const sent = await focal.ok<{ copy: Ticket }>('sendForReview', id, SEND);
    return download(focal, sent.copy, reviewerDir);
  }

  it('autosaves comments and suggestions, returns a reply with them, and resumes the work when the copy is opened again', async () => {
    const file = await sentCopy();
    const opened = (await open(file)) as { ok: true; value: Session };
    expect(opened.value.resumed).toBe(false);
    const { request } = opened.value;
    let work = addComment(opened.value.work, pack, { itemId: 'B.2', text: 'Name the coordinating body.' });
    work = suggest(work, request, pack, { itemId: 'A.1', answer: 'Ministère de l’Intérieur', note: 'Official name' });
    await reviewer.ok('saveReviewerWork', request.reviewId, work);

    const list = await reviewer.ok<Array<{ reviewId: string; comments: number; suggestions: number; to: { institution: string } }>>('listReviewerWork');
    expect(list).toEqual([expect.objectContaining({ reviewId: request.reviewId, comments: 1, suggestions: 1, to: { institution: 'Ministry of Justice', name: 'Omar Khalil' } })]);

    expect(await reviewer.call('returnReview', request.reviewId)).toEqual({ ok: false, error: { code: 'review:errors.noVerdict' } });
    await reviewer.ok('saveReviewerWork', request.reviewId, setVerdict(work, 'changes_requested', 'See B.2'));
    const returned = await reviewer.ok<{ reply: Ticket }>('returnReview', request.reviewId);
    expect(returned.reply.fileName).toMatch(/^FRA_review-reply_.*\.scsa-reply\.json$/);
    const reply = JSON.parse(await fs.readFile(await download(reviewer, returned.reply, reviewerDir), 'utf8')) as Record<string, unknown>;
    expect(reply).toMatchObject({
      format: 'scsa-review-reply',
      reviewId: request.reviewId,
      base: request.base,
      reviewer: { name: 'Omar Khalil', institution: 'Ministry of Justice' },
      verdict: 'changes_requested',
      note: 'See B.2',
      comments: [{ itemId: 'B.2', text: 'Name the coordinating body.' }],
      suggestions: [{ itemId: 'A.1', answer: 'Ministère de l’Intérieur', note: 'Official name' }],
    });

    // Opened again after returning it: the same work, and the reply already written is known.
    const again = (await open(file)) as { ok: true; value: Session };
    expect(again.value.resumed).toBe(true);
    expect(again.value.work.comments).toHaveLength(1);
    expect(again.value.returns).toHaveLength(1);
    // And from the home screen's list, by its id.
    const resumed = await reviewer.ok<Session>('openReviewerWork', request.reviewId);
    expect(resumed.work.verdict).toBe('changes_requested');
  });

  it('refuses work that does not fit the copy, and keeps the work saved before', async () => {
    const file = await sentCopy();
    const { value } = (await open(file)) as { ok: true; value: Session };
    const id = value.request.reviewId;
    const bad = { ...value.work, suggestions: [{ id: 's1', itemId: 'B.1', answer: 'maybe', at: value.work.updatedAt }] };
    const r = await reviewer.call('saveReviewerWork', id, bad);
    expect((r as { error: { code: string } }).error.code).toBe('review:errors.invalidSuggestion');
    const other = await reviewer.call('saveReviewerWork', id, { ...value.work, base: { ...value.work.base, revision: 99 } });
    expect(other).toEqual({ ok: false, error: { code: 'review:errors.workMismatch' } });
    const held = await reviewer.ok<Session>('openReviewerWork', id);
    expect(held.work.suggestions).toEqual([]);
  });

  it('refuses a file that is not a copy, a damaged copy, and a copy of a checklist this app lacks — keeping nothing', async () => {
    const text = path.join(reviewerDir, 'notes.scsa-review');
    await fs.writeFile(text, 'just some text');
    expect(await open(text)).toEqual({ ok: false, error: { code: 'review:errors.notACopy' } });

    const good = await sentCopy();
    const bytes = await fs.readFile(good);
    const damaged = path.join(reviewerDir, 'damaged.scsa-review');
    await fs.writeFile(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const d = await open(damaged);
    expect(d.ok).toBe(false);
    expect(['review:errors.copyDamaged', 'review:errors.notACopy']).toContain((d as { error: { code: string } }).error.code);

    const { draft } = await focal.ok<{ draft: Parameters<typeof buildReviewRequest>[0] }>('openExample', 'en');
    const request = buildReviewRequest({ ...draft, checklist: { id: draft.checklist.id, version: '99.0.0' } }, pack, { to: { institution: 'X' } });
    const future = path.join(reviewerDir, 'future.scsa-review');
    await writeReviewCopy(future, request);
    expect(await open(future)).toEqual({ ok: false, error: { code: 'review:errors.copyUnknownChecklist', params: { id: draft.checklist.id, version: '99.0.0' } } });

    expect(await reviewer.ok('listReviewerWork')).toEqual([]);
  });
});
