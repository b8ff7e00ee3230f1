// The form and the file screens in Chromium, in Arabic and in French (issue 13.5, 13.6): an item being
// answered stays under a filter with focus and scroll in place; the save status stays in view; a 300 KB
// paste survives a reload; tables fit their item in both directions and stack when narrow; validation
// names the reason; a table of 500 rows; the file picker opens with Space and Enter; a stale error goes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import pack from '../../core/checklist/packs/safer-cities-sacl.pack.json';
import { browserTestsEnabled } from './harness';
import { axeViolations } from './axe';
import { chooseFile } from './file-choice';
import { createSampleAssessment, openApp, section, settled } from './workflow-steps';

let cleanups: Array<() => Promise<unknown>> = [];

type Lng = 'fr' | 'ar' | 'en';
const locale = async (lng: string, ns: string): Promise<Record<string, unknown>> => (await import(`../../locales/${lng}/${ns}.json`)).default;
const at = (tree: Record<string, unknown>, key: string): string => key.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], tree) as string;
interface PackItem {
  id: string;
  columns?: { id: string; label: Record<Lng, string> }[];
  constraints?: { message: Record<Lng, string> }[];
}
const packItem = (id: string): PackItem => (pack.sections as unknown as { items: PackItem[] }[]).flatMap((s) => s.items).find((i) => i.id === id)!;

/** A call to the core as the page makes it (the web host's token is in the address). */
async function callApi(page: Page, method: string, ...args: unknown[]): Promise<{ ok: boolean }> {
  return page.evaluate(
    async ({ method, args }) => {
      const token = new URLSearchParams(location.search).get('token') ?? '';
      const res = await fetch(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-scsa-token': token }, body: JSON.stringify({ args }) });
      return (await res.json()) as { ok: boolean };
    },
    { method, args },
  );
}

/** Through the wizard with the default checklist (the full one); ends on its form; returns its id. */
async function createFullAssessment(page: Page, lng: string): Promise<string> {
  await page.locator('a[href="#/new"]').first().click();
  await page.locator('#wizard-country').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('#wizard-pack option').length > 0);
  await page.selectOption('#wizard-country', 'MAR');
  await page.selectOption('#wizard-language', lng);
  await page.fill('#wizard-fp-0-name', 'Amina Benali');
  await page.click('.wizard button[type=submit]');
  await page.locator('.section-nav').waitFor();
  return /#\/a\/([a-z0-9-]+)\/form/.exec(page.url())?.[1] ?? '';
}

/** What a paste does in the browser: the paste event, then (unless the page stopped it) the text inserted. */
async function paste(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).focus();
  await page.evaluate(
    ({ selector, text }) => {
      const field = document.querySelector(selector) as HTMLInputElement;
      const data = new DataTransfer();
      data.setData('text/plain', text);
      if (field.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))) document.execCommand('insertText', false, text);
    },
    { selector, text },
  );
}

const top = (page: Page, selector: string) => page.locator(selector).evaluate((e) => e.getBoundingClientRect().top);

// A browser start costs seconds on a busy two-core machine: generous limits, no timing asserted.
describe.skipIf(!browserTestsEnabled)('the form and the file screens (web host + Chromium)', { timeout: 240_000 }, () => {
  beforeEach(() => {
    cleanups = [];
  });
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  it.each([['fr'], ['ar']] as const)('in %s: the item answered stays with focus and scroll until the user moves on; the save time stays in view; a 300 KB paste is kept', async (lng) => {
    const { page } = await openApp(cleanups, lng);
    await page.setViewportSize({ width: 1366, height: 768 });
    await createSampleAssessment(page, lng);
    await page.selectOption('#form-filter', 'unanswered');
    await page.locator('.form-toolbar__status p[role=status]:not(:empty)').waitFor();
    await page.locator('#item-A_1-input').click();
    const scrolled = await page.evaluate(() => window.scrollY);
    const text = 'Direction générale de la sécurité urbaine — '.repeat(7000);
    expect(text.length).toBeGreaterThan(300_000);
    await paste(page, '#item-A_1-input', text);
    // The form takes the answer up after a pause in typing; the item is answered now.
    await page.locator('#item-A_1 .item__leaving').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('item-A_1-input');
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    expect(await page.locator('#item-A_1 .text-limit__count--over').count()).toBe(1);

    // Moving on: A.1 leaves the list, and A.3, where the user went, stays where it was on screen.
    const choice = page.locator('#item-A_3 input[type=checkbox]').first();
    await choice.scrollIntoViewIfNeeded();
    const before = await top(page, '#item-A_3');
    await choice.click();
    await page.locator('#item-A_1').waitFor({ state: 'detached' });
    expect(Math.abs((await top(page, '#item-A_3')) - before)).toBeLessThanOrEqual(2);
    expect(await page.locator('#item-A_3 input[type=checkbox]').first().isChecked()).toBe(true);

    // The save status, at the bottom of a long section, is in sight, its time in the interface language.
    await settled(page);
    await page.selectOption('#form-filter', 'all');
    await section(page, 1);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const status = page.locator('.form-toolbar .save-status--saved');
    const box = await status.boundingBox();
    const viewport = page.viewportSize()!;
    expect(box && box.y >= 0 && box.y + box.height <= viewport.height).toBe(true);
    const times = await page.evaluate(() => {
      const format = new Intl.DateTimeFormat(document.documentElement.lang, { timeStyle: 'short' });
      return [format.format(Date.now()), format.format(Date.now() - 60_000)];
    });
    const said = (await status.textContent()) ?? '';
    expect(times.some((t) => said.includes(t)), `${said} / ${times.join(' | ')}`).toBe(true);

    // Nothing of the paste is lost: after a reload the whole text is there, and the reason is named.
    await page.reload();
    await page.locator('.section-nav').waitFor();
    expect((await page.locator('#item-A_1-input').inputValue()).length).toBe(text.length);
    expect(await page.locator('#item-A_1 .item__errors').textContent()).toContain('300');
  });

  it.each([['fr'], ['ar']] as const)('in %s: tables fit their item and stack when narrow; the reasons are named; a table of 500 rows keeps them all', async (lng) => {
    const { page } = await openApp(cleanups, lng);
    await page.setViewportSize({ width: 1366, height: 768 });
    const id = await createFullAssessment(page, lng);
    const cities = Array.from({ length: 500 }, (_, i) => ({ city: `City ${i + 1}`, population: 1000 + i }));
    const saved = await callApi(page, 'saveAnswers', id, {
      'B.1': true,
      'B.3': [{ title: 'Stratégie nationale', year: 2021, end: 2019 }],
      'B.11': -5,
      'C.1': 3,
      'C.2': cities,
      'D.8': true,
      'D.9': 2019.5,
    });
    expect(saved.ok).toBe(true);
    await page.reload();
    await page.locator('.section-nav').waitFor();
    const drafts = await locale(lng, 'drafts');

    await section(page, 1);
    const b3 = packItem('B.3').columns!;
    const label = (col: string) => b3.find((c) => c.id === col)!.label[lng];
    const errors = (await page.locator('#item-B_3 .item__errors').textContent()) ?? '';
    expect(errors).toContain(label('end'));
    expect(errors).toContain(label('year'));
    expect(await page.locator('#item-B_11 .item__errors').textContent()).toBe(packItem('B.11').constraints![0]!.message[lng]);
    // Wide enough: a table, within its item, in either direction.
    const fits = () => page.locator('#item-B_3 .table-widget').evaluate((w) => ({ stacked: w.classList.contains('table-widget--stacked'), over: w.scrollWidth - w.clientWidth, page: document.documentElement.scrollWidth - window.innerWidth }));
    expect(await fits()).toEqual({ stacked: false, over: 0, page: 0 });
    // Narrow: rows become blocks of labelled fields, still within the item.
    await page.setViewportSize({ width: 640, height: 900 });
    await page.locator('#item-B_3 .table-widget--stacked').waitFor();
    const narrow = await fits();
    expect(narrow.over).toBeLessThanOrEqual(0);
    expect(narrow.page).toBeLessThanOrEqual(0);
    expect(await page.locator('#item-B_3 .table-widget__label').first().isVisible()).toBe(true);
    await page.setViewportSize({ width: 1366, height: 768 });

    await section(page, 3);
    expect(await page.locator('#item-D_9 .item__errors').textContent()).toBe(at(drafts, 'validation.notWhole'));

    // 500 rows: all there, the last one editable and saved, and the table says it is full.
    await section(page, 2);
    const c2 = page.locator('#item-C_2');
    await c2.locator('tbody tr').nth(499).waitFor();
    expect(await c2.locator('tbody tr').count()).toBe(500);
    expect(await c2.getByRole('button', { name: at(await locale(lng, 'form'), 'table.addRow') }).isDisabled()).toBe(true);
    expect(await c2.locator('.field__hint').isVisible()).toBe(true);
    await page.fill('#item-C_2-input-r499-city', 'Oujda');
    await settled(page);
    await page.reload();
    await page.locator('.section-nav').waitFor();
    await section(page, 2);
    expect(await page.locator('#item-C_2-input-r499-city').inputValue()).toBe('Oujda');
    expect(await page.locator('#item-C_2-input-r0-city').inputValue()).toBe('City 1');
  });

  it.each([['fr'], ['ar']] as const)('in %s: the file picker opens with Space and with Enter, names the chosen file, and a stale error goes', async (lng) => {
    const { page } = await openApp(cleanups, lng);
    const common = await locale(lng, 'common');
    await page.goto(page.url().replace(/#.*$/, '') + '#/check');
    await page.locator('#check-bundle').waitFor();
    // No browser "Choose File": every file input is out of sight; the button and the name are the app's.
    expect(await page.locator('input[type=file]:visible').count()).toBe(0);
    expect(await page.locator('#check-bundle-name').textContent()).toBe(at(common, 'filePicker.none'));
    expect(await page.locator('#check-bundle').textContent()).toBe(at(common, 'filePicker.choose'));

    await chooseFile(page, page.locator('#check-bundle'), { name: 'pas-un-paquet.zip', mimeType: 'application/zip', buffer: Buffer.from('PK not a zip') }, 'Space');
    expect(await page.locator('#check-bundle-name').textContent()).toBe('pas-un-paquet.zip');
    await page.locator('.signing-form button[type=submit]').click();
    await page.getByTestId('check-result').waitFor({ timeout: 60_000 });
    // Another file: the result was about the first one, and goes.
    await chooseFile(page, page.locator('#check-bundle'), { name: 'autre.zip', mimeType: 'application/zip', buffer: Buffer.from('PK') }, 'Enter');
    expect(await page.locator('#check-bundle-name').textContent()).toBe('autre.zip');
    await page.getByTestId('check-result').waitFor({ state: 'detached' });

    // The key screen: an error about a passphrase goes once it is typed again.
    await page.goto(page.url().replace(/#.*$/, '') + '#/signing-key');
    await page.locator('#new-passphrase').fill('court');
    await page.locator('#confirm-passphrase').fill('court');
    await page.locator('form[aria-labelledby=create-key-title] button[type=submit]').click();
    const error = page.locator('form[aria-labelledby=create-key-title] .error-message');
    await error.waitFor();
    await page.locator('#new-passphrase').fill('court, mais plus long');
    await error.waitFor({ state: 'detached' });
  });

  it.each([['en'], ['ar']] as const)('in %s: the changed screens have no axe violations', async (lng) => {
    const { page } = await openApp(cleanups, lng);
    await page.setViewportSize({ width: 1366, height: 768 });
    await createSampleAssessment(page, lng === 'ar' ? 'en' : 'ar');
    await paste(page, '#item-A_1-input', 'x'.repeat(320));
    await page.fill('#item-A_2-input', '2010-01-01');
    await page.selectOption('#form-filter', 'incomplete');
    await page.locator('.item__badge').first().waitFor();
    expect(await axeViolations(page, ['label', 'color-contrast'])).toEqual([]);
    await page.selectOption('#form-filter', 'all');
    await section(page, 2);
    await page.check('#item-C_1 input[name="C_1.status"][value=fully]');
    await page.locator('#item-C_2-input').click();
    await page.setViewportSize({ width: 640, height: 900 });
    await page.locator('#item-C_2 .table-widget--stacked').waitFor();
    expect(await axeViolations(page, ['label', 'color-contrast'])).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator('.tabs a').nth(0).click();
    await page.locator('.completeness__counts').waitFor();
    expect(await axeViolations(page, ['link-name', 'color-contrast'])).toEqual([]);

    await page.goto(page.url().replace(/#.*$/, '') + '#/check');
    await chooseFile(page, page.locator('#check-bundle'), { name: 'b.zip', mimeType: 'application/zip', buffer: Buffer.from('PK') });
    await page.locator('.signing-form button[type=submit]').click();
    await page.getByTestId('check-result').waitFor({ timeout: 60_000 });
    expect(await axeViolations(page, ['button-name', 'color-contrast'])).toEqual([]);
    await page.goto(page.url().replace(/#.*$/, '') + '#/signing-key');
    await page.locator('#new-passphrase').fill('short');
    await page.locator('#confirm-passphrase').fill('shorter');
    await page.locator('#confirm-passphrase-error').waitFor();
    expect(await axeViolations(page, ['label', 'color-contrast'])).toEqual([]);
  });
});
