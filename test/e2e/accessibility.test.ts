import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserTestsEnabled, makeTempDir, openBrowser, startHost, useLanguage, type RunningHost } from './harness';
import { axeViolations } from './axe';
import { commonText } from './locales';

let cleanups: Array<() => Promise<unknown>> = [];

async function openIn(lng: string): Promise<{ page: Page; host: RunningHost }> {
  const data = await makeTempDir('a11y-data');
  cleanups.push(data.remove);
  const host = await startHost(data.path);
  cleanups.push(() => host.stop());
  const session = await openBrowser();
  cleanups.push(() => session.close());
  const { page } = session;
  await page.goto(host.url);
  await useLanguage(page, lng);
  return { page, host };
}

// A browser start costs seconds on a busy two-core machine: generous limits, no timing asserted.
describe.skipIf(!browserTestsEnabled)('accessibility (axe-core in Chromium)', { timeout: 120_000 }, () => {
  beforeEach(() => {
    cleanups = [];
  });

  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  it.each([['en'], ['ar']])('the home screen in %s has no violations', async (lng) => {
    const { page } = await openIn(lng);
    expect(await axeViolations(page, ['button-name', 'color-contrast'])).toEqual([]);
  });

  it.each([['en'], ['ar']])('the About dialog in %s has no violations', async (lng) => {
    const { page } = await openIn(lng);
    await page.getByRole('button', { name: commonText(lng, 'about.open'), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: commonText(lng, 'about.title') });
    await dialog.waitFor();
    // Wait for the facts from the core, so axe sees the finished dialog.
    await dialog.getByText(commonText(lng, 'about.dataFolder')).waitFor();
    expect(await axeViolations(page, ['button-name', 'color-contrast'])).toEqual([]);
  });
});
