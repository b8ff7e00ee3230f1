import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserTestsEnabled } from './harness';
import { createSampleAssessment, openApp, section, settled } from './workflow-steps';
import { chooseFile } from './file-choice';

let cleanups: Array<() => Promise<unknown>> = [];

const value = (page: Page, selector: string) => page.locator(selector).inputValue();
const checked = (page: Page, selector: string) => page.locator(selector).isChecked();

/** Answer one item of every type of the sample pack (B.3 stays skipped: B.1 is "fully"). */
async function answerEverything(page: Page): Promise<void> {
  await page.fill('#item-A_1-input', 'وزارة الداخلية');
  await page.fill('#item-A_2-input', '2024-05-01');
  await page.check('#item-A_3 input[value=civil_society]');
  await page.check('#item-A_3 input[value=academia]');
  await page.check('#item-A_4 input[value=yes]');
  await section(page, 1);
  await page.check('#item-B_1 input[value=fully]');
  await page.check('#item-B_2 input[value=ministry]');
  await page.fill('#item-B_4-input', '40');
  await page.check('#item-B_5 input[name="B_5.status"][value=partially]');
  await page.fill('#item-B_5-input-measures', 'قانون رقم 12');
  await page.check('#item-B_5 input[name="B_5.assistanceNeeded"][value=yes]');
  await page.check('#item-B_5 input[name="B_5.assistanceTypes"][value=capacity_building]');
  await section(page, 2);
  await page.check('#item-C_1 input[name="C_1.status"][value=fully]');
  await page.locator('#item-C_2-input').click();
  await page.fill('#item-C_2-input-r0-city', 'الرباط');
  await page.fill('#item-C_2-input-r0-adopted', '2021-03-04');
  await page.fill('#item-C_2-input-r0-population', '580000');
  await page.selectOption('#item-C_2-input-r0-audit', 'yes');
  await page.locator('#item-C_3').waitFor();
  await chooseFile(page, page.locator('#item-C_3-input'), { name: 'plan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 plan') });
  await page.locator('#item-C_3 .evidence__file').waitFor();
  await page.locator('#item-C_3').getByRole('button', { name: /lien/ }).last().click();
  await page.fill('#item-C_3 input[type=url]', 'https://example.org/plan');
  await page.fill('#item-C_4-input', 'مشاورات مع النساء والشباب');
  await settled(page);
}

// A browser start costs seconds on a busy two-core machine: generous limits, no timing asserted.
describe.skipIf(!browserTestsEnabled)('the focal point’s workflow (web host + Chromium)', { timeout: 180_000 }, () => {
  beforeEach(() => {
    cleanups = [];
  });
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  it('French interface, Arabic answers: every item type survives a reload', async () => {
    const { page } = await openApp(cleanups, 'fr');
    await createSampleAssessment(page, 'ar');
    expect(await page.locator('#item-A_1-input').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('#item-A_1-input').getAttribute('lang')).toBe('ar');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await answerEverything(page);
    await page.reload();
    await page.locator('.section-nav').waitFor();

    expect(await value(page, '#item-A_1-input')).toBe('وزارة الداخلية');
    // Typed as an ISO date, shown as the French interface writes dates.
    expect(await value(page, '#item-A_2-input')).toBe('01/05/2024');
    expect(await checked(page, '#item-A_3 input[value=civil_society]')).toBe(true);
    expect(await checked(page, '#item-A_3 input[value=academia]')).toBe(true);
    expect(await checked(page, '#item-A_3 input[value=local_governments]')).toBe(false);
    expect(await checked(page, '#item-A_4 input[value=yes]')).toBe(true);
    await section(page, 1);
    expect(await checked(page, '#item-B_1 input[value=fully]')).toBe(true);
    expect(await checked(page, '#item-B_2 input[value=ministry]')).toBe(true);
    expect(await value(page, '#item-B_4-input')).toBe('40');
    expect(await checked(page, '#item-B_5 input[name="B_5.status"][value=partially]')).toBe(true);
    expect(await value(page, '#item-B_5-input-measures')).toBe('قانون رقم 12');
    expect(await checked(page, '#item-B_5 input[name="B_5.assistanceTypes"][value=capacity_building]')).toBe(true);
    await section(page, 2);
    expect(await checked(page, '#item-C_1 input[name="C_1.status"][value=fully]')).toBe(true);
    expect(await value(page, '#item-C_2-input-r0-city')).toBe('الرباط');
    expect(await value(page, '#item-C_2-input-r0-adopted')).toBe('04/03/2021');
    expect(await value(page, '#item-C_2-input-r0-population')).toBe('580000');
    expect(await value(page, '#item-C_2-input-r0-audit')).toBe('yes');
    expect(await page.locator('#item-C_3 .evidence__file').textContent()).toContain('plan.pdf');
    expect(await value(page, '#item-C_3 input[type=url]')).toBe('https://example.org/plan');
    expect(await value(page, '#item-C_4-input')).toBe('مشاورات مع النساء والشباب');
    // Everything required is answered: the completeness screen has nothing to report.
    await page.locator('.tabs a').nth(0).click();
    await page.locator('.success').waitFor();
  });

  it('skip logic hides and shows items; search finds questions and answers', async () => {
    const { page } = await openApp(cleanups, 'en');
    await createSampleAssessment(page, 'en');
    await page.fill('#item-A_1-input', 'Directorate of Urban Safety');
    await section(page, 1);
    expect(await page.locator('#item-B_2').count()).toBe(0);
    expect(await page.locator('#item-B_3').count()).toBe(0);
    expect(await page.locator('.section__skipped').textContent()).toContain('B.2 and B.3');
    await page.check('#item-B_1 input[value=not_implemented]');
    await page.locator('#item-B_3').waitFor();
    expect(await page.locator('#item-B_2').count()).toBe(0);
    await page.check('#item-B_1 input[value=partially]');
    await page.locator('#item-B_2').waitFor();
    expect(await page.locator('#item-B_3').count()).toBe(0);

    await page.fill('#form-search', 'urban safety directorate');
    await page.locator('#item-A_1').waitFor();
    expect(await page.locator('[data-item-card]').count()).toBe(1);
    await page.fill('#form-search', 'consent publication');
    await page.locator('#item-A_4').waitFor();
    expect(await page.locator('[data-item-card]').count()).toBe(1);
    await page.fill('#form-search', '');
    await page.selectOption('#form-filter', 'answered');
    await page.waitForFunction(() => document.querySelectorAll('[data-item-card]').length === 2);
    expect(await page.locator('[data-item-card]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-item-card')))).toEqual(['A.1', 'B.1']);
  });

  it('restores an earlier version from the history screen', async () => {
    const { page } = await openApp(cleanups, 'en');
    await createSampleAssessment(page, 'en');
    // The core keeps a version at least every minute and whenever the assessment is closed.
    const reopen = async () => {
      await page.locator('.assessment-header a[href="#/"]').last().click();
      await page.locator('.table a[href^="#/a/"]').first().click();
      await page.locator('.section-nav').waitFor();
    };
    await page.fill('#item-A_1-input', 'First answer');
    await settled(page);
    await reopen();
    await page.fill('#item-A_1-input', 'Second answer');
    await settled(page);
    await reopen();
    expect(await value(page, '#item-A_1-input')).toBe('Second answer');
    await page.locator('.tabs a', { hasText: 'Saved versions' }).click();
    const rows = page.locator('.history tbody tr');
    await rows.first().waitFor();
    // Newest first: "Second answer", then "First answer", then the empty draft.
    expect(await rows.count()).toBe(3);
    await rows.nth(1).getByRole('button', { name: /Restore this version/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Restore', exact: true }).click();
    await page.locator('.section-nav').waitFor();
    await page.waitForFunction(() => (document.querySelector('#item-A_1-input') as HTMLInputElement | null)?.value === 'First answer');
    await page.reload();
    await page.locator('.section-nav').waitFor();
    expect(await value(page, '#item-A_1-input')).toBe('First answer');
  });
  it('works from the keyboard alone: wizard, items, choices and sections', async () => {
    const { page } = await openApp(cleanups, 'en');
    await page.locator('a[href="#/new"]').first().focus();
    await page.keyboard.press('Enter');
    await page.locator('#wizard-country').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('#wizard-pack option').length > 1);
    await page.focus('#wizard-pack');
    await page.keyboard.press('End');
    expect(await value(page, '#wizard-pack')).toBe('safer-cities-sample@0.1.0');
    // Arrow keys step through the countries (type-ahead would depend on typing speed).
    await page.focus('#wizard-country');
    for (let step = 0; step < 200 && (await value(page, '#wizard-country')) !== 'MAR'; step += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('wizard-language');
    await page.focus('#wizard-fp-0-name');
    await page.keyboard.type('Amina Benali');
    await page.keyboard.press('Enter');
    await page.locator('.section-nav').waitFor();
    expect(await page.locator('.page-title').textContent()).toBe('Morocco');

    await page.focus('#item-A_1-input');
    await page.keyboard.type('Ministry of the Interior');
    await page.keyboard.press('Alt+ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-item-card'))).toBe('A.2');
    await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Alt+ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-item-card'))).toBe('A.4');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await settled(page);
    expect(await checked(page, '#item-A_3 input[value=local_governments]')).toBe(true);
    expect(await checked(page, '#item-A_4 input[value=yes]')).toBe(true);

    // The section list is reachable too: Enter opens a section and focus lands on its heading.
    await page.locator('.section-nav__item').nth(1).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'section-B');
    await page.reload();
    await page.locator('.section-nav').waitFor();
    expect(await value(page, '#item-A_1-input')).toBe('Ministry of the Interior');
    expect(await checked(page, '#item-A_4 input[value=yes]')).toBe(true);
  });
});
