/**
 * Steps shared by the workflow end-to-end tests: a host and a browser per test, creating an
 * assessment of the sample pack through the wizard, and waiting for the autosave to settle.
 */
import type { Page } from 'playwright-core';
import { makeTempDir, openBrowser, startHost, useLanguage, type RunningHost } from './harness';

export interface Opened {
  page: Page;
  host: RunningHost;
}

/** A fresh data folder, host and browser; each registers its cleanup. */
export async function openApp(cleanups: Array<() => Promise<unknown>>, lng: string): Promise<Opened> {
  const data = await makeTempDir('workflow-data');
  cleanups.push(data.remove);
  const host = await startHost(data.path);
  cleanups.push(() => host.stop());
  const session = await openBrowser();
  cleanups.push(() => session.close());
  const { page } = session;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await useLanguage(page, lng);
  return { page, host };
}

/** Through the wizard: Morocco, the sample pack, answers in `responseLanguage`; ends on the form. */
export async function createSampleAssessment(page: Page, responseLanguage: string): Promise<string> {
  await page.locator('a[href="#/new"]').first().click();
  await page.locator('#wizard-country').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('#wizard-pack option').length > 0);
  await page.selectOption('#wizard-pack', 'safer-cities-sample@0.1.0');
  await page.selectOption('#wizard-country', 'MAR');
  await page.selectOption('#wizard-language', responseLanguage);
  await page.fill('#wizard-fp-0-name', 'Amina Benali');
  await page.fill('#wizard-fp-0-email', 'a.benali@example.org');
  await page.click('.wizard button[type=submit]');
  await page.locator('.section-nav').waitFor();
  const match = /#\/a\/([a-z0-9-]+)\/form/.exec(page.url());
  if (!match?.[1]) throw new Error(`not on a form: ${page.url()}`);
  return match[1];
}

/** Wait until every change has been acknowledged by the core. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.save-status--saved') !== null, undefined, { timeout: 15_000 });
}

/** Open the n-th section (0-based) from the navigator. */
export async function section(page: Page, index: number): Promise<void> {
  await page.locator('.section-nav__item').nth(index).click();
  await page.locator('.section-nav__item--current').nth(0).waitFor();
}
