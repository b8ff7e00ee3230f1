// The focal point's record of reviews: sent and awaiting, returned, decided, resolved, closed; what is
// still open, which bases to keep, and who was consulted for the bundle.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  basesInUse,
  closeReview,
  consultations,
  decide,
  emptyLedger,
  openItems,
  readLedger,
  recordReply,
  recordSent,
  resolveComment,
  reviewState,
  writeLedger,
} from '../../../core/review';
import { baseDraft, reply, request } from './fixture';

const draft = baseDraft();
const health = request(draft, { to: { institution: 'وزارة الصحة' }, dueDate: '2026-12-01' });
const finance = request({ ...draft, revision: 6 }, { to: { institution: 'Ministry of Finance' } });
const healthReply = reply(health, { institution: 'وزارة الصحة', verdict: 'changes_requested', suggestions: { 'A.1': 'نص', 'B.4': 50 }, comments: [{ itemId: 'C.2', text: 'أرقام؟' }] });

describe('the review ledger', () => {
  it('follows a review from sent to closed', () => {
    let l = recordSent(recordSent(emptyLedger(), health), finance);
    expect(recordSent(l, health)).toBe(l);
    expect(l.reviews.map(reviewState)).toEqual(['awaiting', 'awaiting']);
    expect([...basesInUse(l)].sort()).toEqual([5, 6]);

    l = recordReply(l, healthReply.reply, healthReply.sha256, new Date('2026-11-11T08:00:00Z'));
    expect(recordReply(l, healthReply.reply, healthReply.sha256)).toEqual(l);
    expect(l.reviews.map(reviewState)).toEqual(['returned', 'awaiting']);
    expect(openItems(l, [healthReply.reply])).toEqual(new Set(['A.1', 'B.4', 'C.2']));

    const [a1, b4] = healthReply.reply.suggestions;
    l = decide(l, health.reviewId, a1!.id, 'accepted');
    l = decide(l, health.reviewId, b4!.id, 'rejected');
    expect(openItems(l, [healthReply.reply])).toEqual(new Set(['C.2']));
    l = resolveComment(l, health.reviewId, healthReply.reply.comments[0]!.id, '  أرقام تعداد 2019.  ');
    expect(Object.values(l.reviews[0]!.resolved)[0]?.answer).toBe('أرقام تعداد 2019.');
    expect(openItems(l, [healthReply.reply])).toEqual(new Set());

    l = closeReview(l, health.reviewId);
    expect(reviewState(l.reviews[0]!)).toBe('closed');
    expect([...basesInUse(l)]).toEqual([6]);
    expect(() => decide(l, '00000000-0000-4000-8000-000000000000', 's', 'accepted')).toThrow(expect.objectContaining({ code: 'review:errors.reviewNotFound' }));
  });

  it('gives the consultations for the bundle: one per review with a reply, its latest version', () => {
    let l = recordSent(recordSent(emptyLedger(), health), finance);
    l = recordReply(l, healthReply.reply, healthReply.sha256);
    const newer = reply(health, { institution: 'وزارة الصحة', verdict: 'no_objection', at: new Date('2026-11-20T10:00:00Z') });
    l = recordReply(l, newer.reply, newer.sha256);
    expect(consultations(l)).toEqual([
      { institution: 'وزارة الصحة', name: 'Reviewer, وزارة الصحة', reviewId: health.reviewId, sentAt: health.createdAt, returnedAt: '2026-11-20T10:00:00.000Z', verdict: 'no_objection' },
    ]);
  });

  it('is written atomically and read back; a damaged file is set aside and an empty ledger given', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-ledger-'));
    try {
      const file = path.join(dir, 'reviews.json');
      expect((await readLedger(file)).ledger).toEqual(emptyLedger());
      const l = recordReply(recordSent(emptyLedger(), health), healthReply.reply, healthReply.sha256);
      await writeLedger(file, l);
      expect((await readLedger(file)).ledger).toEqual(l);
      await fs.writeFile(file, '{"format": "scsa-reviews", "reviews": [');
      const damaged = await readLedger(file);
      expect(damaged.ledger).toEqual(emptyLedger());
      expect(path.basename(damaged.setAside ?? '')).toMatch(/^reviews\.corrupt-.*\.json$/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
