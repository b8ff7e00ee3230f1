// The focal point brings two ministries' replies into the draft, in Chromium, in French and in
// Arabic: the replies (seeded with the engine as the reviewers' app writes them) are imported
// together, the conflict on an item changed meanwhile is shown side by side, one suggestion is
// accepted and another rejected, a comment resolved, the draft compared with the base; the same
// reply imported again is refused with its message; the draft holds exactly what was decided.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSamplePack } from '../../core/checklist/sample';
import type { Draft } from '../../core/draft/schema';
import { assessmentPaths } from '../../core/store/layout';
import { parseDraftBytes } from '../../core/store/read';
import { readLedger, LEDGER_FILE } from '../../core/review';
import { replyBytes, replyTo, sendForReview } from '../review-seed';
import { browserTestsEnabled, cleanupsEachTest, makeTempDir, openBrowser, startHost, useLanguage } from './harness';
import { hostApi, fill } from './host-api';
import { chooseFile } from './file-choice';
import { axeViolations } from './axe';
import arMerge from '../../locales/ar/merge.json';
import frMerge from '../../locales/fr/merge.json';
import arReview from '../../locales/ar/review.json';
import frReview from '../../locales/fr/review.json';

const TEXT = { fr: { merge: frMerge, review: frReview }, ar: { merge: arMerge, review: arReview } } as const;
const pack = loadSamplePack().pack;
const SHOTS = process.env.SCSA_SHOTS;
const cleanups = cleanupsEachTest();

const ANSWERS = {
  'A.1': 'وزارة الداخلية هي المسؤولة عن التنسيق.',
  'A.3': ['civil_society', 'academia'],
  'B.1': 'partially',
  'B.2': 'interministerial',
  'C.2': [
    { city: 'الرباط', population: 570000, stage: 'adopted' },
    { city: 'فاس', stage: 'draft' },
  ],
  'C.4': 'التحديات الرئيسية هي التمويل والتنسيق.',
};
const HEALTH = 'وزارة الصحة';
const JUSTICE = 'Ministère de la Justice';

async function draftOnDisk(dataDir: string, id: string): Promise<Draft> {
  const r = parseDraftBytes(await fs.readFile(assessmentPaths(dataDir, id).draft));
  if (!r.ok) throw new Error('draft unreadable');
  return r.draft;
}

describe.skipIf(!browserTestsEnabled)('merging review replies (Chromium)', { timeout: 300_000 }, () => {

  for (const lng of ['fr', 'ar'] as const) {
    it(`${lng}: imports two replies, shows the conflict, accepts, rejects, resolves, compares with the base`, async () => {
      const t = TEXT[lng];
      const data = await makeTempDir('review-merge');
      cleanups.push(data.remove);
      const host = await startHost(data.path);
      cleanups.push(() => host.stop());

      // The focal point's draft, answered in Arabic, sent to two ministries from the same revision.
      const meta = { countryCode: 'MAR', responseLanguage: 'ar', focalPoints: [{ name: 'أمينة بنعلي', institution: 'وزارة الداخلية' }] };
      const id = (await hostApi<{ draft: Draft }>(host, 'createAssessment', meta, { id: 'safer-cities-sample', version: '0.1.0' })).draft.id;
      await hostApi(host, 'saveAnswers', id, ANSWERS);
      const base = await draftOnDisk(data.path, id);
      const health = await sendForReview(data.path, base, pack, HEALTH);
      const justice = await sendForReview(data.path, base, pack, JUSTICE);
      // Meanwhile the focal point rewrites C.4, which the health ministry also edits: a conflict.
      const mine = 'التحديات الرئيسية هي التمويل والتنسيق بين الوزارات.';
      await hostApi(host, 'saveAnswers', id, { 'C.4': mine });

      const replies = await makeTempDir('replies');
      cleanups.push(replies.remove);
      const healthReply = replyTo(health, pack, {
        name: 'سلمى العلوي',
        institution: HEALTH,
        suggestions: { 'A.1': 'وزارة الداخلية ووزارة الصحة مسؤولتان عن التنسيق.', 'C.4': 'التحديات الرئيسية هي التمويل.' },
        comments: [{ itemId: 'B.1', text: 'يرجى ذكر تاريخ اعتماد السياسة.' }],
      });
      const justiceReply = replyTo(justice, pack, {
        name: 'Jean Dupont',
        institution: JUSTICE,
        verdict: 'changes_requested',
        suggestions: { 'B.2': 'ministry' },
        comments: [{ itemId: 'C.2', text: 'Ajouter la population de Fès.' }],
      });
      const healthFile = path.join(replies.path, 'sante.scsa-reply.json');
      const justiceFile = path.join(replies.path, 'justice.scsa-reply.json');
      await fs.writeFile(healthFile, replyBytes(healthReply));
      await fs.writeFile(justiceFile, replyBytes(justiceReply));

      const session = await openBrowser();
      cleanups.push(() => session.close());
      const { page } = session;
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(host.url);
      await useLanguage(page, lng);
      await page.goto(`${host.url}#/a/${id}/reviews`);
      await page.locator('#import-replies-title').waitFor();

      // Both replies at once.
      await chooseFile(page, page.getByRole('button', { name: t.merge.import.choose }), [healthFile, justiceFile]);
      await page.locator('.merge-outcomes li').nth(1).waitFor();
      await page.locator('.merge-items').waitFor();
      const outcomes = await page.locator('.merge-outcomes').textContent();
      expect(outcomes).toContain(fill(t.merge.import.imported, { institution: HEALTH }));
      expect(outcomes).toContain(fill(t.merge.import.imported, { institution: JUSTICE }));
      // The one table of copies and replies: both institutions, with their verdicts.
      await page.locator('.reviews__table tbody tr').nth(1).waitFor();
      await expect.poll(() => page.locator('.reviews__table tbody').textContent()).toContain(t.review.verdict.changes_requested);

      const item = (itemId: string) => page.locator('li.merge-item', { has: page.locator(`[id="merge-${itemId}"]`) });
      // The conflict: the version sent, the focal point's and the ministry's, side by side.
      const conflict = item('C.4').locator('.merge-suggestion--conflict');
      await conflict.waitFor();
      expect(await conflict.locator('.merge-status').textContent()).toBe(t.review.status.conflict);
      const sides = conflict.locator('.merge-conflict__sides > section');
      expect(await sides.count()).toBe(3);
      expect(await sides.nth(0).textContent()).toContain(ANSWERS['C.4']);
      expect(await sides.nth(1).locator('ins').first().textContent()).toContain('بين');
      expect(await conflict.getByRole('button', { name: t.merge.item.accept, exact: true }).count()).toBe(0);
      expect(await item('A.1').locator('.merge-status').textContent()).toBe(t.review.status.clean);
      expect(await item('A.1').locator('.item-diff__text').getAttribute('dir')).toBe('auto');
      expect(await axeViolations(page)).toEqual([]);
      if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `merge-${lng}.png`), fullPage: true });

      // Accept the health ministry's A.1, reject the justice ministry's B.2, resolve the comment on C.2.
      await item('A.1').getByRole('button', { name: t.merge.item.accept, exact: true }).click();
      await page.waitForFunction(() => !document.querySelector('[id="merge-A.1"]'));
      await item('B.2').getByRole('button', { name: t.merge.item.reject, exact: true }).click();
      // Decided items leave the list of open ones.
      await page.waitForFunction(() => !document.querySelector('[id="merge-B.2"]'));
      await item('C.2').getByLabel(t.merge.item.answerLabel).fill('La population de Fès sera ajoutée.');
      await item('C.2').getByRole('button', { name: t.merge.item.resolve }).click();
      await page.waitForFunction(() => !document.querySelector('[id="merge-C.2"]'));

      // The same reply again: refused, translated, nothing changed.
      const before = await fs.readFile(assessmentPaths(data.path, id).draft, 'utf8');
      await chooseFile(page, page.getByRole('button', { name: t.merge.import.choose }), [healthFile]);
      await page.locator('.merge-outcomes [role=alert], .merge-outcomes .error').first().waitFor();
      expect(await page.locator('.merge-outcomes').textContent()).toContain(fill(t.review.errors.alreadyImported, { institution: HEALTH }));
      expect(await fs.readFile(assessmentPaths(data.path, id).draft, 'utf8')).toBe(before);

      // Compare with the base: what changed since the draft was sent to the health ministry.
      await page.locator('.reviews__table tbody tr', { hasText: HEALTH }).getByRole('link', { name: new RegExp(t.merge.record.sinceSent) }).click();
      await page.locator('#compare-result').waitFor();
      const changed = await page.locator('.compare__item h4').allTextContents();
      expect(changed.map((c) => c.split(' ')[0])).toEqual(['A.1', 'C.4']);
      expect(await page.locator('.compare__item').first().locator('ins').first().textContent()).toContain('الصحة');
      expect(await axeViolations(page)).toEqual([]);
      if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `compare-${lng}.png`), fullPage: true });

      // The draft holds exactly what was decided; the record names both institutions' decisions.
      const draft = await draftOnDisk(data.path, id);
      expect(draft.answers['A.1']).toBe('وزارة الداخلية ووزارة الصحة مسؤولتان عن التنسيق.');
      expect(draft.answers['B.2']).toBe('interministerial');
      expect(draft.answers['C.4']).toBe(mine);
      expect(draft.changeLog.flatMap((c) => c.accepted ?? [])).toEqual([{ itemId: 'A.1', reviewId: health.reviewId, institution: HEALTH, suggestionId: healthReply.suggestions[0]?.id }]);
      const { ledger } = await readLedger(path.join(assessmentPaths(data.path, id).dir, LEDGER_FILE));
      const justiceEntry = ledger.reviews.find((r) => r.reviewId === justice.reviewId);
      expect(Object.values(justiceEntry?.decisions ?? {}).map((d) => d.decision)).toEqual(['rejected']);
      expect(Object.values(justiceEntry?.resolved ?? {})[0]?.answer).toBe('La population de Fès sera ajoutée.');

      // The conflict is still open: the completeness screen warns, and links to the reviews.
      await page.goto(`${host.url}#/a/${id}/completeness`);
      const warning = page.locator('[data-testid=open-reviews]');
      await warning.waitFor();
      expect(await warning.getByRole('link', { name: t.merge.openNotice.link }).count()).toBe(1);
      if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `completeness-${lng}.png`) });

      if (SHOTS) {
        await page.goto(`${host.url}#/a/${id}/reviews`);
        await page.locator('.reviews__table').waitFor();
        await page.screenshot({ path: path.join(SHOTS, `reviews-panel-${lng}.png`) });
      }
    });
  }
});
