import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browserTestsEnabled } from './harness';
import { axeViolations } from './axe';
import { createSampleAssessment, openApp, section, settled } from './workflow-steps';

let cleanups: Array<() => Promise<unknown>> = [];

// A browser start costs seconds on a busy two-core machine: generous limits, no timing asserted.
describe.skipIf(!browserTestsEnabled)('accessibility of the workflow screens (axe-core in Chromium)', { timeout: 180_000 }, () => {
  beforeEach(() => {
    cleanups = [];
  });
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  it.each([['en'], ['ar']])('the wizard in %s, also with its errors shown, has no violations', async (lng) => {
    const { page } = await openApp(cleanups, lng);
    await page.locator('a[href="#/new"]').first().click();
    await page.locator('#wizard-country').waitFor();
    expect(await axeViolations(page, ['label', 'color-contrast'])).toEqual([]);
    await page.fill('#wizard-fp-0-email', 'not an address');
    await page.click('.wizard button[type=submit]');
    await page.locator('#wizard-country-error').waitFor();
    expect(await axeViolations(page, ['label', 'color-contrast'])).toEqual([]);
  });

  it.each([['en'], ['ar']])('the form in %s has no violations: every section, the UNCAC block opened, a table row, errors shown', async (lng) => {
    const { page } = await openApp(cleanups, lng);
    await createSampleAssessment(page, lng === 'ar' ? 'en' : 'ar');
    await page.fill('#item-A_2-input', '2010-01-01');
    await page.locator('#item-A_1-input').focus();
    await page.locator('#item-A_2-input').focus();
    await page.locator('#item-A_2 .item__errors').waitFor();
    expect(await axeViolations(page, ['label', 'color-contrast'])).toEqual([]);
    await section(page, 1);
    await page.check('#item-B_1 input[value=partially]');
    await page.check('#item-B_5 input[name="B_5.assistanceNeeded"][value=yes]');
    await page.check('#item-B_5 input[name="B_5.assistanceReceived"][value=yes]');
    await page.locator('#item-B_5-input-assistanceReceivedFrom').waitFor();
    expect(await axeViolations(page, ['label', 'color-contrast'])).toEqual([]);
    await section(page, 2);
    await page.check('#item-C_1 input[name="C_1.status"][value=fully]');
    await page.locator('#item-C_2-input').click();
    await page.fill('#item-C_2-input-r0-city', lng === 'ar' ? 'Rabat' : 'الرباط');
    await page.locator('#item-C_3').getByRole('button').last().click();
    await settled(page);
    expect(await axeViolations(page, ['label', 'color-contrast'])).toEqual([]);
  });

  it.each([['en'], ['ar']])('the completeness and history screens in %s have no violations', async (lng) => {
    const { page } = await openApp(cleanups, lng);
    await createSampleAssessment(page, lng);
    await page.fill('#item-A_1-input', lng === 'ar' ? 'وزارة الداخلية' : 'Ministry of the Interior');
    await settled(page);
    await page.locator('.tabs a').nth(0).click();
    await page.locator('.completeness__list').first().waitFor();
    expect(await axeViolations(page, ['link-name', 'color-contrast'])).toEqual([]);
    await page.locator('.tabs a').nth(1).click();
    await page.locator('.history tbody tr').first().waitFor();
    expect(await axeViolations(page, ['button-name', 'color-contrast'])).toEqual([]);
    await page.locator('.history tbody tr button').first().click();
    await page.getByRole('dialog').waitFor();
    // Behind a modal backdrop axe cannot always decide contrast; it must still check the buttons.
    expect(await axeViolations(page, ['button-name'])).toEqual([]);
  });
});
