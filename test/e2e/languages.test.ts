import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LANGUAGES, directionOf } from '../../core/i18n/languages';
import { browserTestsEnabled, makeTempDir, openBrowser, startHost, type BrowserSession, type RunningHost } from './harness';
import { commonText } from './locales';

let cleanups: Array<() => Promise<unknown>> = [];
let dataDir: string;

async function newHost(): Promise<RunningHost> {
  const host = await startHost(dataDir);
  cleanups.push(() => host.stop());
  return host;
}

async function newBrowser(): Promise<BrowserSession> {
  const session = await openBrowser();
  cleanups.push(() => session.close());
  return session;
}

/** Open the printed address and wait until the home screen is there. */
async function openHome(page: Page, host: RunningHost): Promise<void> {
  await page.goto(host.url);
  await page.locator('h1').waitFor();
  await page.locator('#language-picker').waitFor();
}

/** Choose a language in the picker and wait until the host has saved it. */
async function choose(page: Page, lng: string): Promise<void> {
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/setLanguage') && r.status() === 200);
  await page.selectOption('#language-picker', lng);
  await saved;
  await page.waitForFunction((l) => document.documentElement.lang === l, lng);
}

const htmlAttrs = (page: Page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

// A browser start costs seconds on a busy two-core machine: generous limits, no timing asserted.
describe.skipIf(!browserTestsEnabled)('the app in six languages (web host + Chromium)', { timeout: 120_000 }, () => {
  beforeEach(async () => {
    const dir = await makeTempDir('e2e-data');
    dataDir = dir.path;
    cleanups = [dir.remove];
  });

  afterEach(async () => {
    // Browser and host first, then the data folder they were using.
    while (cleanups.length) await cleanups.pop()!();
  });

  it('opens in English on a first start', async () => {
    const host = await newHost();
    const { page } = await newBrowser();
    await openHome(page, host);
    expect(await htmlAttrs(page)).toEqual({ lang: 'en', dir: 'ltr' });
    expect(await page.locator('h1').textContent()).toBe(commonText('en', 'app.name'));
  });

  it('switches to each of the six languages in place, Arabic right-to-left', async () => {
    const host = await newHost();
    const { page } = await newBrowser();
    await openHome(page, host);
    // A mark on the window disappears if anything reloads the page.
    await page.evaluate(() => ((window as unknown as { scsaMark: number }).scsaMark = 42));
    for (const lng of LANGUAGES) {
      await choose(page, lng);
      expect(await htmlAttrs(page)).toEqual({ lang: lng, dir: directionOf(lng) });
      expect(await page.locator('h1').textContent()).toBe(commonText(lng, 'app.name'));
    }
    expect(await page.evaluate(() => (window as unknown as { scsaMark?: number }).scsaMark)).toBe(42);
  });

  it('keeps the chosen language after a reload, and in a new browser against the same data folder', async () => {
    const host = await newHost();
    const first = await newBrowser();
    await openHome(first.page, host);
    await choose(first.page, 'ar');
    expect(await htmlAttrs(first.page)).toEqual({ lang: 'ar', dir: 'rtl' });

    await first.page.reload();
    await first.page.locator('h1').waitFor();
    expect(await htmlAttrs(first.page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await first.page.locator('h1').textContent()).toBe(commonText('ar', 'app.name'));
    expect(await first.page.inputValue('#language-picker')).toBe('ar');

    // A new host run (new port, new token) and a fresh browser profile: only the data folder is shared.
    await host.stop();
    const again = await newHost();
    const second = await newBrowser();
    await openHome(second.page, again);
    expect(await htmlAttrs(second.page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await second.page.locator('h1').textContent()).toBe(commonText('ar', 'app.name'));
  });

  it('a page opened without the token cannot reach the core', async () => {
    const host = await newHost();
    const { page } = await newBrowser();
    const refused = page.waitForResponse((r) => r.url().includes('/api/') && r.status() === 403);
    await page.goto(host.origin + '/');
    expect((await refused).status()).toBe(403);
    // The user is told what to do, in words, not with a stack trace.
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain(commonText('en', 'errors.forbidden'));
  });
});
