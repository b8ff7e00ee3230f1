// In Chromium, whose own date field shows the system's format (05/17/2024 here, under any interface
// language): dates are typed and shown in the interface language, in Arabic and in French, and the
// wizard names countries by their UN names.
import { afterEach, describe, expect, it } from 'vitest';
import { browserTestsEnabled, useLanguage } from './harness';
import { openApp, settled } from './workflow-steps';

let cleanups: Array<() => Promise<unknown>> = [];

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
  cleanups = [];
});

describe.skipIf(!browserTestsEnabled)('dates in the interface language (web host + Chromium)', { timeout: 180_000 }, () => {
  it('Arabic, then French and Chinese: the wizard and the form write and read dates the language’s way', async () => {
    const { page } = await openApp(cleanups, 'ar');
    await page.locator('a[href="#/new"]').first().click();
    await page.locator('#wizard-country').waitFor();
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    expect(await page.locator('#wizard-from-hint').textContent()).toBe('مثال: 31/12/2024');
    const countries = await page.locator('#wizard-country option').allTextContents();
    expect(countries).toContain('الاتحاد الروسي');
    expect(countries).toContain('دولة فلسطين');
    await page.waitForFunction(() => document.querySelectorAll('#wizard-pack option').length > 0);
    await page.selectOption('#wizard-pack', 'safer-cities-sample@0.1.0');
    await page.selectOption('#wizard-country', 'TUR');
    await page.fill('#wizard-fp-0-name', 'Amina Benali');
    await page.fill('#wizard-from', '٠١/٠٧/٢٠٢٣');
    await page.fill('#wizard-to', '30/06/2024');
    await page.click('.wizard button[type=submit]');
    await page.locator('.section-nav').waitFor();
    expect(await page.locator('.page-title').first().textContent()).toBe('تركيا');

    await page.fill('#item-A_2-input', '١٧/٥/٢٠٢٤');
    await page.locator('#item-A_1-input').focus();
    expect(await page.locator('#item-A_2-input').inputValue()).toBe('17/05/2024');
    await settled(page);
    await page.reload();
    await page.locator('.section-nav').waitFor();
    expect(await page.locator('#item-A_2-input').inputValue()).toBe('17/05/2024');

    await useLanguage(page, 'fr');
    expect(await page.locator('.page-title').first().textContent()).toBe('Türkiye');
    expect(await page.locator('#item-A_2-input').inputValue()).toBe('17/05/2024');
    expect(await page.locator('#item-A_2-input-date-example').textContent()).toBe('Par exemple 31/12/2024');
    await useLanguage(page, 'zh');
    expect(await page.locator('#item-A_2-input').inputValue()).toBe('2024/05/17');
  });
});
