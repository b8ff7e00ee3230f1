// Internal review, the sending and reviewing half, in Chromium: a focal point (French interface,
// answers in Arabic) sends review copies to two institutions; a reviewer in English and one in
// Arabic, each on their own computer (data folder and web host), comment, suggest and return replies.
import { promises as fs } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../../core/log';
import { parseReply } from '../../core/review/parse';
import frMerge from '../../locales/fr/merge.json';
import frReview from '../../locales/fr/review.json';
import { axeViolations } from './axe';
import { browserTestsEnabled, makeTempDir } from './harness';
import { fill } from './host-api';
import { goTo, openReviewCopy, reviewAndReturn, reviewItem, sendForReview } from './review-steps';
import { createSampleAssessment, openApp, settled } from './workflow-steps';

let cleanups: Array<() => Promise<unknown>> = [];

const A1 = 'وزارة الداخلية هي المسؤولة عن تنسيق التقييم الذاتي.';
const C4 = 'التحديات الرئيسية هي التمويل والتنسيق بين الوزارات.';

describe.skipIf(!browserTestsEnabled)('sending for review and reviewing (Chromium)', { timeout: 300_000 }, () => {
  beforeEach(() => {
    cleanups = [];
    setLogSink(null);
  });

  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
    setLogSink((line) => process.stderr.write(line + '\n'));
  });

  it('sends two copies, two reviewers in English and Arabic return replies with their verdicts, comments and suggestions', async () => {
    const out = await makeTempDir('review-e2e');
    cleanups.push(out.remove);

    // The focal point: French interface, answers in Arabic.
    const focal = await openApp(cleanups, 'fr');
    const id = await createSampleAssessment(focal.page, 'ar');
    await focal.page.fill('#item-A_1-input', A1);
    await settled(focal.page);
    await focal.page.getByRole('link', { name: frReview.send.open }).click();
    await focal.page.locator('#send-for-review').waitFor();
    expect(await axeViolations(focal.page)).toEqual([]);

    // The dialog, looked at before anything is sent.
    await focal.page.locator('#send-for-review').click();
    await focal.page.locator('#send-institution').waitFor();
    await focal.page.locator('input[name="scope"][value="some"]').check();
    expect(await axeViolations(focal.page)).toEqual([]);
    await focal.page.getByRole('button', { name: frReview.send.cancel }).click();

    const justice = await sendForReview(focal.page, id, { institution: 'Ministry of Justice', name: 'John Carter', dueDate: '2026-12-31', message: 'Merci de relire avant la fin du mois.' }, out.path);
    const finance = await sendForReview(focal.page, id, { institution: 'وزارة المالية', sections: ['B', 'C'], withAttachments: false }, out.path);
    expect(justice).toMatch(/MAR_review_r\d+_.*\.scsa-review$/);
    const rows = focal.page.locator('.reviews__table tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => focal.page.locator('.reviews__state--awaiting').allInnerTexts()).toEqual([frReview.sent.awaiting, frReview.sent.awaiting]);
    // One row per copy, in the one table that names institutions: what was sent, no reply yet, the copy again.
    const justiceRow = rows.filter({ hasText: 'Ministry of Justice' });
    expect(await justiceRow.textContent()).toContain(frMerge.record.noReply);
    expect(await justiceRow.getByRole('button', { name: fill(frReview.sent.downloadAgainFor, { institution: 'Ministry of Justice' }) }).count()).toBe(1);
    expect(await rows.filter({ hasText: 'وزارة المالية' }).textContent()).toContain(fill(frReview.sent.sectionsList, { list: 'B, C' }));
    expect(await focal.page.locator('table', { hasText: 'Ministry of Justice' }).count()).toBe(1);
    expect(await axeViolations(focal.page)).toEqual([]);

    // Reviewer one: English interface, on another computer.
    const english = await openApp(cleanups, 'en');
    const englishReply = await reviewAndReturn(
      english.page,
      justice,
      {
        comments: [{ itemId: 'B.2', text: 'Please name the coordinating body.' }],
        suggestions: [{ itemId: 'A.1', text: 'وزارة الداخلية والجماعات المحلية هي المسؤولة.', note: 'Official name of the ministry' }],
        verdict: 'changes_requested',
        note: 'Two points to fix before submission.',
      },
      out.path,
    );
    // Reviewer mode has no way to sign or export.
    await goTo(english.page, '#/');
    await openReviewCopy(english.page, justice);
    expect(await english.page.locator('a[href="#/signing-key"], a[href="#/check"], a[href$="/export"]').count()).toBe(0);
    expect(await english.page.getByRole('button', { name: /sign|export/i }).count()).toBe(0);
    await english.page.getByText(/You returned this review on/).waitFor();
    const card = await reviewItem(english.page, 'C.4');
    await card.locator('.reviewer-item__suggest').click();
    expect(await axeViolations(english.page)).toEqual([]);
    await goTo(english.page, '#/');
    await english.page.locator('#reviewer-home-list').waitFor();
    expect(await axeViolations(english.page)).toEqual([]);

    // Reviewer two: Arabic interface.
    const arabic = await openApp(cleanups, 'ar');
    const arabicReply = await reviewAndReturn(
      arabic.page,
      finance,
      {
        name: 'سلمى الحسيني',
        title: 'مديرة الميزانية',
        comments: [{ itemId: 'C.4', text: 'يرجى ذكر أرقام التمويل.' }],
        suggestions: [
          { itemId: 'C.4', text: C4 },
          { itemId: 'B.1', edit: (editor) => editor.locator('input[value=fully]').check() },
        ],
        verdict: 'comments',
      },
      out.path,
    );
    expect(await axeViolations(arabic.page)).toEqual([]);

    const en = parseReply(await fs.readFile(englishReply));
    expect(en).toMatchObject({
      reviewer: { name: 'John Carter', institution: 'Ministry of Justice' },
      verdict: 'changes_requested',
      note: 'Two points to fix before submission.',
      comments: [{ itemId: 'B.2', text: 'Please name the coordinating body.' }],
      suggestions: [{ itemId: 'A.1', answer: 'وزارة الداخلية والجماعات المحلية هي المسؤولة.', note: 'Official name of the ministry' }],
    });
    const ar = parseReply(await fs.readFile(arabicReply));
    expect(ar).toMatchObject({
      reviewer: { name: 'سلمى الحسيني', title: 'مديرة الميزانية', institution: 'وزارة المالية' },
      verdict: 'comments',
      comments: [{ itemId: 'C.4', text: 'يرجى ذكر أرقام التمويل.' }],
    });
    expect(Object.fromEntries(ar.suggestions.map((s) => [s.itemId, s.answer]))).toEqual({ 'C.4': C4, 'B.1': 'fully' });
    // Each reply answers its own copy, of the same base revision of the focal point's draft.
    expect(en.reviewId).not.toBe(ar.reviewId);
    expect(en.base).toEqual(ar.base);
    expect(en.base.draftId).toBe(id);
  });
});
