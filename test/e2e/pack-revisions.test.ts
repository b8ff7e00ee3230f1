// Checklist revisions in Chromium, in English and in Arabic: a signed revision of the sample pack is
// installed from a file (a tampered copy is refused first, nothing installed), the half-answered
// assessment shows "a new version is available", the preview names each question's fate, "Move"
// saves a new revision, the removed question's answer is among the kept ones (and copies), and the
// history undoes the move. axe reads every new screen.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserTestsEnabled, cleanupsEachTest, makeTempDir, openBrowser, type RunningHost, startHost, useLanguage } from './harness';
import { axeViolations } from './axe';
import { chooseFile } from './file-choice';
import { commonText } from './locales';
import { createSampleAssessment, section, settled } from './workflow-steps';
import { sampleRevisionRemovingSource } from '../fixtures/packs/sample-revision-removing';
import { packBytes, signatureEntries, signedPack, testKey, zipOf } from '../fixtures/packs/signing';
import arPacks from '../../locales/ar/packs.json';
import enPacks from '../../locales/en/packs.json';
import arForm from '../../locales/ar/form.json';
import enForm from '../../locales/en/form.json';

const TEXT = { en: { packs: enPacks, form: enForm }, ar: { packs: arPacks, form: arForm } } as const;
const PLAN_TEXT = { en: 'A national policy is planned for 2027.', ar: 'يُخطَّط لسياسة وطنية في عام 2027.' } as const;
/** The options chosen for A.3 (a multiple choice 0.2.0 removes here), as the sample pack words them. */
const A3_WORDS = { en: 'Civil society organizations, Women’s and youth organizations', ar: 'منظمات المجتمع المدني، منظمات المرأة والشباب' } as const;
/** The signed revision: the sample's 0.2.0, which also removes the multiple choice A.3. */
const revisionSource = () => sampleRevisionRemovingSource(['A.3']);
const fill = (template: string, params: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => params[k] ?? '');
/** Screenshots for the people who look at the screens (not part of what the test checks). */
const SHOTS = process.env.SCSA_SHOTS_DIR;

const cleanups = cleanupsEachTest();

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

async function openWithTrust(lng: string): Promise<{ page: Page; host: RunningHost; files: string }> {
  const data = await makeTempDir('revisions-data');
  cleanups.push(data.remove);
  const files = await makeTempDir('revisions-files');
  cleanups.push(files.remove);
  const secretariat = testKey();
  const trust = path.join(files.path, 'trust');
  await fs.mkdir(trust);
  await fs.writeFile(path.join(trust, 'secretariat.pub.pem'), secretariat.publicKeyPem);
  // The revision as the secretariat sends it, and a copy changed after signing.
  await fs.writeFile(path.join(files.path, 'sample-0.2.0.scsa-pack'), await signedPack(revisionSource(), secretariat));
  const bytes = packBytes(revisionSource());
  const changed = Buffer.from(bytes.toString('utf8').replace('"0.2.0"', '"0.2.1"'));
  await fs.writeFile(path.join(files.path, 'changed.scsa-pack'), await zipOf({ 'pack.json': changed, ...signatureEntries(secretariat, sign(null, bytes, secretariat.privateKey)) }));

  const host = await startHost(data.path, ['--trust', trust]);
  cleanups.push(() => host.stop());
  const session = await openBrowser();
  cleanups.push(() => session.close());
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  const { page } = session;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await useLanguage(page, lng);
  return { page, host, files: files.path };
}

describe.skipIf(!browserTestsEnabled)('checklist revisions (Chromium)', { timeout: 300_000 }, () => {

  for (const lng of ['en', 'ar'] as const) {
    it(`${lng}: install a signed revision (a tampered one refused), preview, move a half-answered draft, find the removed answer, undo`, async () => {
      const t = TEXT[lng];
      const { page, files } = await openWithTrust(lng);

      // A half-answered assessment on version 0.1.0: A.1, A.3 and B.3 (questions 0.2.0 removes), B.1.
      const id = await createSampleAssessment(page, lng);
      await page.fill('#item-A_1-input', 'Directorate of Urban Safety');
      await page.check('#item-A_3 input[value=civil_society]');
      await page.check('#item-A_3 input[value=women_youth]');
      await section(page, 1);
      await page.check('#item-B_1 input[value=not_implemented]');
      await page.locator('#item-B_3 textarea').fill(PLAN_TEXT[lng]);
      await settled(page);
      expect(await page.locator('.revision-strip').count()).toBe(0);

      // Checklist versions, from About.
      await page.getByRole('button', { name: commonText(lng, 'about.open'), exact: true }).click();
      await page.getByRole('link', { name: t.packs.about.manage }).click();
      await page.locator('#packs-title').waitFor();
      const picker = page.locator('#install-pack');
      await chooseFile(page, picker, path.join(files, 'changed.scsa-pack'));
      const refusal = page.locator('.packs-screen [role=alert]');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain(t.packs.errors.tampered.split('{{')[0]);
      expect(await page.locator('.packs-screen tbody tr').count()).toBe(2);
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, `${lng}-install-refused`);

      await chooseFile(page, picker, path.join(files, 'sample-0.2.0.scsa-pack'));
      await page.locator('.success-message').waitFor();
      await page.waitForFunction(() => document.querySelectorAll('.packs-screen tbody tr').length === 3);
      expect(await page.locator('.packs-screen tbody tr').nth(2).textContent()).toContain(t.packs.origin.installed);
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, `${lng}-install-ok`);

      // About lists the installed version and where it comes from.
      await page.getByRole('button', { name: commonText(lng, 'about.open'), exact: true }).click();
      const about = page.locator('.about-packs');
      await about.waitFor();
      expect(await about.locator('li').count()).toBe(3);
      expect(await about.locator('li').nth(2).textContent()).toContain(t.packs.origin.installed);
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, `${lng}-about`);
      await page.keyboard.press('Escape');

      // Back on the assessment: the new version is offered, and its preview says what happens.
      await page.evaluate((hash) => (window.location.hash = hash), `#/a/${id}/form`);
      const offer = page.locator('.revision-strip').first();
      await offer.waitFor();
      expect(await offer.textContent()).toContain(fill(t.packs.newVersion.available, { version: '0.2.0', current: '0.1.0' }));
      await shot(page, `${lng}-new-version`);
      await offer.getByRole('link', { name: t.packs.newVersion.preview }).click();
      await page.locator('.move-table').waitFor();
      const row = (oldId: string) => page.locator('.move-row').filter({ has: page.locator('.move-row__id', { hasText: new RegExp(`^${oldId.replace('.', '\\.')}( |$)`) }) });
      expect(await row('B.3').textContent()).toContain(t.packs.preview.kind.removed);
      expect(await row('B.3').textContent()).toContain(t.packs.preview.answer.retained);
      expect(await row('A.1').textContent()).toContain(t.packs.preview.pleaseCheck);
      expect(await page.locator('.move-row', { hasText: 'C.5' }).textContent()).toContain(t.packs.preview.kind.new);
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, `${lng}-preview`);

      await page.getByRole('button', { name: fill(t.packs.move.confirm, { version: '0.2.0' }) }).click();
      await page.locator('.section-nav').waitFor();
      // Two answers kept: Arabic has a form of its own for two.
      const doneTwo = lng === 'ar' ? arPacks.move.done_two : enPacks.move.done_other;
      const countTwo = lng === 'ar' ? arPacks.kept.count_two : enPacks.kept.count_other;
      await page.locator('.notice', { hasText: fill(doneTwo, { to: '0.2.0', from: '0.1.0', count: '2' }).slice(0, 20) }).waitFor();
      expect(await page.locator('#item-A_1-input').inputValue()).toBe('Directorate of Urban Safety');

      // The removed questions' answers are kept, read-only, and copy: the choices in their words, not their ids.
      const kept = page.locator('#kept-answers');
      await kept.waitFor();
      expect(await kept.locator('.kept-answer').count()).toBe(2);
      const choice = kept.locator('.kept-answer').nth(0);
      expect(await choice.locator('.kept-answer__text').textContent()).toBe(A3_WORDS[lng]);
      expect(await choice.textContent()).not.toContain('civil_society');
      expect(await kept.locator('.kept-answer').nth(1).locator('.kept-answer__text').textContent()).toBe(PLAN_TEXT[lng]);
      await choice.getByRole('button', { name: new RegExp(t.packs.kept.copy) }).click();
      await choice.getByRole('button', { name: new RegExp(t.packs.kept.copiedButton) }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(A3_WORDS[lng]);
      expect(await page.locator('.revision-strip').textContent()).toContain(fill(countTwo, { count: '2' }).slice(0, 12));
      expect(await axeViolations(page)).toEqual([]);
      await kept.scrollIntoViewIfNeeded();
      await shot(page, `${lng}-kept-answers`);

      // Undo through the history: the revision before the move comes back, on version 0.1.0.
      await page.getByRole('link', { name: t.form.nav.history, exact: true }).click();
      const rows = page.locator('.history tbody tr');
      await rows.first().waitFor();
      await rows.nth(1).getByRole('button', { name: new RegExp(t.form.history.restore) }).click();
      await page.getByRole('dialog').getByRole('button', { name: t.form.history.confirm, exact: true }).click();
      await page.locator('.section-nav').waitFor();
      await section(page, 1);
      await page.waitForFunction((want) => (document.querySelector('#item-B_3 textarea') as HTMLTextAreaElement | null)?.value === want, PLAN_TEXT[lng]);
      await page.locator('.revision-strip', { hasText: fill(t.packs.newVersion.available, { version: '0.2.0', current: '0.1.0' }) }).waitFor();
      expect(await page.locator('#kept-answers').count()).toBe(0);
    });
  }
});
