// An assessment after its creation, in Chromium against the web host, in English and in Arabic: the
// Details screen edits what the wizard asked; the home list shows progress and status; a file copy of
// an assessment already here asks (keep both → a numbered copy, replace → the next revision); archive
// and delete ask first, delete moves the folder into the trash of the data folder, and both undo.
import { chooseFile } from './file-choice';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { setLogSink } from '../../core/log';
import { countryName } from '../../core/i18n/countries';
import { browserTestsEnabled, makeTempDir, openBrowser, startHost, useLanguage, type RunningHost } from './harness';
import { axeViolations } from './axe';
import { fill, hostApi } from './host-api';
import { createSampleAssessment } from './workflow-steps';
import arCommon from '../../locales/ar/common.json';
import enCommon from '../../locales/en/common.json';
import arForm from '../../locales/ar/form.json';
import enForm from '../../locales/en/form.json';

let cleanups: Array<() => Promise<unknown>> = [];
const TEXT = { en: { common: enCommon, form: enForm }, ar: { common: arCommon, form: arForm } } as const;

async function setUp(lng: string): Promise<{ page: Page; host: RunningHost; data: string }> {
  const data = await makeTempDir('life-data');
  cleanups.push(data.remove);
  const host = await startHost(data.path);
  cleanups.push(() => host.stop());
  const session = await openBrowser();
  cleanups.push(() => session.close());
  await session.page.setViewportSize({ width: 1366, height: 768 });
  await session.page.goto(host.url);
  await useLanguage(session.page, lng);
  return { page: session.page, host, data: data.path };
}

/** The rows of the main list (not the archived ones). */
const listRows = (page: Page) => page.locator('.card > .table-wrap tbody tr');

describe.skipIf(!browserTestsEnabled)('the assessment after creation (Chromium)', { timeout: 240_000 }, () => {
  beforeEach(() => {
    cleanups = [];
    setLogSink(null);
  });

  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
    setLogSink((line) => process.stderr.write(line + '\n'));
  });

  for (const lng of ['en', 'ar'] as const) {
    it(`${lng}: details edited from the form; progress and status in the list; a file copy asks; archive and delete undo`, async () => {
      const t = TEXT[lng];
      const { page, host, data } = await setUp(lng);
      const id = await createSampleAssessment(page, 'fr');
      const morocco = countryName('MAR', lng);

      // Details, from a tab of the form: the wizard's fields, saved as a new revision.
      await page.getByRole('link', { name: t.form.nav.details, exact: true }).click();
      await page.locator('#details-fp-0-name').fill('Amina Benali-Haddad');
      await page.getByRole('button', { name: t.form.wizard.addInstitution }).click();
      await page.locator('#details-institution-0').fill('Ministère de l’Intérieur');
      await page.getByRole('button', { name: t.form.details.save }).click();
      await expect.poll(() => page.locator('.details__status').textContent()).toMatch(/\S/);
      expect(await axeViolations(page)).toEqual([]);
      await page.reload();
      await expect.poll(() => page.locator('#details-fp-0-name').inputValue()).toBe('Amina Benali-Haddad');
      expect(await page.locator('#details-institution-0').inputValue()).toBe('Ministère de l’Intérieur');

      // The list: country, progress (answered of the items that apply), status.
      await page.getByRole('link', { name: t.form.nav.home }).first().click();
      await listRows(page).first().waitFor();
      const nine = `progress_${new Intl.PluralRules(lng).select(9)}` as keyof typeof t.common.home;
      const row = (await listRows(page).first().textContent()) ?? '';
      expect(row).toContain(morocco);
      expect(row).toContain(fill(t.common.home[nine] as string, { answered: 0, count: 9 }));
      expect(row).toContain(t.common.home.status.draft);
      expect(await axeViolations(page, ['color-contrast', 'th-has-data-cells'])).toEqual([]);

      // A file copy of this very assessment: the app asks, and "keep both" numbers the copy.
      const copy = await hostApi<{ fileName: string; text: string }>(host, 'exportCopy', id);
      const file = path.join(data, '..', `${path.basename(data)}-${copy.fileName}`);
      await fs.writeFile(file, copy.text);
      cleanups.push(() => fs.rm(file, { force: true }));
      await chooseFile(page, page.getByRole('button', { name: t.common.home.openFile }), file);
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('heading', { name: t.common.home.copy.existsTitle }).waitFor();
      expect(await dialog.textContent()).toContain(t.common.home.copy.same);
      expect(await axeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: t.common.home.copy.keepBoth }).click();
      await page.locator('.section-nav').waitFor();
      const copyId = /#\/a\/([a-z0-9-]+)\/form/.exec(page.url())?.[1];
      expect(copyId).toBeTruthy();
      expect(copyId).not.toBe(id);
      await page.getByRole('link', { name: t.form.nav.home }).first().click();
      await expect.poll(() => listRows(page).count()).toBe(2);
      const copyRow = page.locator(`tr[data-assessment="${copyId}"]`);
      expect(await copyRow.textContent()).toContain(fill(t.common.home.copyLabel, { n: 1, date: '' }).replace(/\s*$/, '').split(/[,،]/)[0]);
      const texts = await listRows(page).allTextContents();
      expect(texts[0]).not.toBe(texts[1]);

      // The same file again, "replace": the same assessment, one revision on; still two rows.
      await chooseFile(page, page.getByRole('button', { name: t.common.home.openFile }), file);
      await page.getByRole('dialog').getByRole('button', { name: t.common.home.copy.replace }).click();
      await page.waitForURL(new RegExp(`#/a/${id}/form$`));
      await page.getByRole('link', { name: t.form.nav.home }).first().click();
      await expect.poll(() => listRows(page).count()).toBe(2);

      // Archive the copy: asked first; then it waits under "Archived assessments" and comes back.
      await copyRow.getByRole('button', { name: new RegExp(`^${t.common.home.actions.archive}`) }).click();
      await page.getByRole('dialog').getByRole('button', { name: t.common.home.confirmArchive.confirm, exact: true }).click();
      await expect.poll(() => listRows(page).count()).toBe(1);
      const archived = page.locator('details.archived');
      await archived.locator('summary').click();
      expect(await axeViolations(page)).toEqual([]);
      await archived.getByRole('button', { name: new RegExp(`^${t.common.home.actions.unarchive}`) }).click();
      await expect.poll(() => listRows(page).count()).toBe(2);

      // Delete the copy: asked first (Cancel has the focus); its folder moves into the trash; Undo puts it back.
      await copyRow.getByRole('button', { name: new RegExp(`^${t.common.home.actions.delete}`) }).click();
      const confirm = page.getByRole('dialog');
      await confirm.getByRole('heading', { name: fill(t.common.home.confirmDelete.title, { country: morocco }) }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(t.common.home.cancel);
      // axe takes text written wholly in Arabic for an icon ligature and leaves it out of its contrast
      // check, and this dialog has no other text: there the buttons' names are what it must find.
      expect(await axeViolations(page, lng === 'ar' ? ['button-name'] : ['color-contrast'])).toEqual([]);
      await confirm.getByRole('button', { name: t.common.home.confirmDelete.confirm }).click();
      await expect.poll(() => listRows(page).count()).toBe(1);
      const trash = await fs.readdir(path.join(data, 'trash'));
      expect(trash).toHaveLength(1);
      expect(trash[0]?.startsWith(`${copyId}--`)).toBe(true);
      expect(await fs.readdir(path.join(data, 'assessments'))).toEqual([id]);
      await page.getByRole('button', { name: t.common.home.done.undo }).click();
      await expect.poll(() => listRows(page).count()).toBe(2);
      expect((await fs.readdir(path.join(data, 'assessments'))).sort()).toEqual([id, copyId].sort());
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(lng === 'ar' ? 'rtl' : 'ltr');
    });
  }
});
