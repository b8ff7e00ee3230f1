// Internal review, the whole story, in Chromium (issue 11's acceptance): a focal point (French
// interface, answers in Arabic) sends two review copies; two reviewers (English and Arabic
// interfaces, each on their own computer) comment and suggest, one on an item the focal point
// changes meanwhile; the focal point imports both replies, sees the conflict, accepts one
// suggestion and rejects another, resolves a comment, compares with the base and exports: the
// bundle's `consultations` names both institutions.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBag, readSmall } from '../../core/bundle/zip-reader';
import { parseReply } from '../../core/review/parse';
import frMerge from '../../locales/fr/merge.json';
import frReview from '../../locales/fr/review.json';
import { axeViolations } from './axe';
import { chooseFile } from './file-choice';
import { browserTestsEnabled, cleanupsEachTest, makeTempDir } from './harness';
import { exportThroughApi, fill, hostApi } from './host-api';
import { goTo, reviewAndReturn, sendForReview } from './review-steps';
import { createSampleAssessment, openApp, settled } from './workflow-steps';
import { EVERY_TYPE } from '../unit/api/harness';

const cleanups = cleanupsEachTest();
const PASS = 'a focal point passphrase';
const A1 = 'وزارة الداخلية هي المسؤولة عن تنسيق التقييم الذاتي.';
const A1_SUGGESTED = 'وزارة الداخلية والجماعات المحلية هي المسؤولة.';
const C4_SENT = 'التحديات الرئيسية هي التمويل.';
const C4_MINE = 'التحديات الرئيسية هي التمويل والتنسيق المحلي.';
const C4_THEIRS = 'التحديات الرئيسية هي التمويل والتنسيق بين الوزارات.';
const JUSTICE = 'Ministry of Justice';
const FINANCE = 'وزارة المالية';

describe.skipIf(!browserTestsEnabled)('internal review, the whole story (Chromium)', { timeout: 400_000 }, () => {

  it('sends two copies, two reviewers answer, the focal point merges with a conflict, compares and exports the consultations', async () => {
    const out = await makeTempDir('review-story');
    cleanups.push(out.remove);

    // The focal point: French interface, answers in Arabic; two copies of the same revision.
    const focal = await openApp(cleanups, 'fr');
    const page = focal.page;
    const id = await createSampleAssessment(page, 'ar');
    // Every item answered (the export needs it), A.1 and C.4 in Arabic.
    await hostApi(focal.host, 'saveAnswers', id, { ...EVERY_TYPE, 'A.1': A1, 'C.4': C4_SENT });
    await page.reload();
    await page.locator('.section-nav').waitFor();
    await page.getByRole('link', { name: frReview.send.open }).click();
    await page.locator('#send-for-review').waitFor();
    const justiceCopy = await sendForReview(page, id, { institution: JUSTICE, name: 'John Carter' }, out.path);
    const financeCopy = await sendForReview(page, id, { institution: FINANCE }, out.path);

    // Meanwhile the focal point rewrites C.4, which the finance ministry is about to change too.
    await goTo(page, `#/a/${id}/form?item=C.4`);
    await page.locator('#item-C_4-input').waitFor();
    await page.fill('#item-C_4-input', C4_MINE);
    await settled(page);

    // Reviewer one, English interface: a suggestion on A.1 and a comment on B.2.
    const english = await openApp(cleanups, 'en');
    const justiceReply = await reviewAndReturn(
      english.page,
      justiceCopy,
      {
        comments: [{ itemId: 'B.2', text: 'Please name the coordinating body.' }],
        suggestions: [{ itemId: 'A.1', text: A1_SUGGESTED }],
        verdict: 'changes_requested',
      },
      out.path,
    );
    // Reviewer two, Arabic interface: C.4 (the item the focal point changed) and B.1.
    const arabic = await openApp(cleanups, 'ar');
    const financeReply = await reviewAndReturn(
      arabic.page,
      financeCopy,
      {
        name: 'سلمى الحسيني',
        comments: [{ itemId: 'C.4', text: 'يرجى ذكر أرقام التمويل.' }],
        suggestions: [
          { itemId: 'C.4', text: C4_THEIRS },
          { itemId: 'B.1', edit: (editor) => editor.locator('input[value=fully]').check() },
        ],
        verdict: 'comments',
      },
      out.path,
    );
    const finance = parseReply(await fs.readFile(financeReply));

    // The focal point merges both replies.
    await goTo(page, `#/a/${id}/reviews`);
    await chooseFile(page, page.getByRole('button', { name: frMerge.import.choose }), [justiceReply, financeReply]);
    await page.locator('.merge-outcomes li').nth(1).waitFor();
    const outcomes = await page.locator('.merge-outcomes').textContent();
    expect(outcomes).toContain(fill(frMerge.import.imported, { institution: JUSTICE }));
    expect(outcomes).toContain(fill(frMerge.import.imported, { institution: FINANCE }));
    await page.locator('.merge-items').waitFor();
    // One table names the institutions: per copy, what was sent, where it stands and the verdict.
    const justiceRow = page.locator('.reviews__table tbody tr', { hasText: JUSTICE });
    await expect.poll(() => justiceRow.locator('.reviews__state').textContent()).toBe(frMerge.record.states.returned);
    expect(await justiceRow.textContent()).toContain(frReview.verdict.changes_requested);
    expect(await page.locator('table', { hasText: FINANCE }).count()).toBe(1);
    const item = (itemId: string) => page.locator('li.merge-item', { has: page.locator(`[id="merge-${itemId}"]`) });

    // The conflict on C.4: the version sent, the focal point's and the ministry's side by side.
    const conflict = item('C.4').locator('.merge-suggestion--conflict');
    await conflict.waitFor();
    expect(await conflict.locator('.merge-status').textContent()).toBe(frReview.status.conflict);
    expect(await conflict.locator('.merge-conflict__sides > section').nth(0).textContent()).toContain(C4_SENT);
    expect(await axeViolations(page)).toEqual([]);

    // Accept the justice ministry's A.1, reject the finance ministry's B.1, resolve the comment on B.2.
    await item('A.1').getByRole('button', { name: frMerge.item.accept, exact: true }).click();
    await page.waitForFunction(() => !document.querySelector('[id="merge-A.1"]'));
    await item('B.1').getByRole('button', { name: frMerge.item.reject, exact: true }).click();
    await page.waitForFunction(() => !document.querySelector('[id="merge-B.1"]'));
    await item('B.2').getByLabel(frMerge.item.answerLabel).fill('L’organe sera nommé.');
    await item('B.2').getByRole('button', { name: frMerge.item.resolve }).click();
    await page.waitForFunction(() => !document.querySelector('[id="merge-B.2"]'));
    // The conflict stays open: nothing was decided for the focal point.
    expect(await item('C.4').locator('.merge-suggestion--conflict').count()).toBe(1);

    // Compare with the base: what changed since the copy went to the finance ministry.
    await page.locator('.reviews__table tbody tr', { hasText: FINANCE }).getByRole('link', { name: new RegExp(frMerge.record.sinceSent) }).click();
    await page.locator('#compare-result').waitFor();
    const changed = (await page.locator('.compare__item h4').allTextContents()).map((c) => c.split(' ')[0]);
    expect(changed).toEqual(['A.1', 'C.4']);
    expect(await page.locator('#compare-result').textContent()).toContain(fill(frMerge.compare.revisionShort, { n: finance.base.revision }));

    // The draft holds what was decided, and the export carries who was consulted.
    const draft = await hostApi<{ answers: Record<string, unknown> }>(focal.host, 'readVersion', id, 'current');
    expect(draft.answers['A.1']).toBe(A1_SUGGESTED);
    expect(draft.answers['B.1']).not.toBe('fully');
    expect(draft.answers['C.4']).toBe(C4_MINE);
    await hostApi(focal.host, 'createSigningKey', PASS);
    const bundle = await exportThroughApi(focal.host, id, PASS);
    const ticket = await hostApi<{ token: string; fileName: string }>(focal.host, 'downloadSubmission', id, bundle.fileName);
    const res = await fetch(`${focal.host.origin}/download/${ticket.token}/${encodeURIComponent(ticket.fileName)}`, { headers: { 'x-scsa-token': focal.host.token } });
    expect(res.status).toBe(200);
    const zip = path.join(out.path, bundle.fileName);
    await fs.writeFile(zip, Buffer.from(await res.arrayBuffer()));
    const bag = await openBag(zip);
    const entry = bag.files.get('data/submission.json');
    if (!entry) throw new Error('no data/submission.json in the bundle');
    const submission = JSON.parse((await readSmall(bag, entry, 64 * 1024 * 1024)).toString('utf8')) as { consultations?: Array<{ institution: string; verdict: string }> };
    bag.zip.close();

    // One click from the assessment: what changed since the last submission — nothing yet.
    await goTo(page, `#/a/${id}/compare`);
    await page.getByRole('link', { name: frMerge.compare.sinceSubmission }).click();
    await page.locator('#compare-result').waitFor();
    expect(await page.locator('#compare-result ~ p').first().textContent()).toBe(frMerge.compare.noChange);
    expect(submission.consultations?.map((c) => [c.institution, c.verdict]).sort()).toEqual(
      [
        [JUSTICE, 'changes_requested'],
        [FINANCE, 'comments'],
      ].sort(),
    );
  });
});
