import AxeBuilder from '@axe-core/playwright';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browserTestsEnabled, makeTempDir, openBrowser, startHost, type RunningHost } from './harness';
import { commonText } from './locales';

let cleanups: Array<() => Promise<unknown>> = [];

async function setUp(): Promise<{ host: RunningHost; page: import('playwright-core').Page }> {
  const data = await makeTempDir('home-data');
  cleanups.push(data.remove);
  const host = await startHost(data.path);
  cleanups.push(() => host.stop());
  const session = await openBrowser();
  cleanups.push(() => session.close());
  return { host, page: session.page };
}

/** Create an assessment the way the page does, over the host's API, before the page opens. */
async function createAssessment(host: RunningHost, countryCode: string, responseLanguage: string): Promise<void> {
  const res = await fetch(`${host.origin}/api/createAssessment`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-scsa-token': host.token },
    body: JSON.stringify({ args: [{ countryCode, responseLanguage }] }),
  });
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
}

const regionName = (lng: string, iso2: string) => new Intl.DisplayNames([lng], { type: 'region' }).of(iso2);

// A browser start costs seconds on a busy two-core machine: generous limits, no timing asserted.
describe.skipIf(!browserTestsEnabled)('the home screen (web host + Chromium)', { timeout: 120_000 }, () => {
  beforeEach(() => {
    cleanups = [];
  });

  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  it('on a first start tells the user there is no assessment yet and what to do', async () => {
    const { host, page } = await setUp();
    await page.goto(host.url);
    await expect.poll(() => page.getByText(commonText('en', 'home.emptyTitle')).count()).toBe(1);
    expect(await page.getByRole('link', { name: commonText('en', 'home.create') }).count()).toBe(1);
  });

  it('lists the assessments of the data folder, country names in the interface language', async () => {
    const { host, page } = await setUp();
    await createAssessment(host, 'COL', 'es');
    await createAssessment(host, 'KEN', 'en');
    await page.goto(host.url);
    const table = page.getByRole('table');
    await table.waitFor();
    expect(await table.getByRole('link').allTextContents()).toEqual(expect.arrayContaining([regionName('en', 'CO'), regionName('en', 'KE')]));

    const saved = page.waitForResponse((r) => r.url().endsWith('/api/setLanguage'));
    await page.selectOption('#language-picker', 'ar');
    await saved;
    await expect.poll(() => table.getByRole('link').allTextContents()).toEqual(expect.arrayContaining([regionName('ar', 'CO'), regionName('ar', 'KE')]));

    // The filled-in list, right to left, is as accessible as the empty one.
    const result = await new AxeBuilder({ page }).analyze();
    expect(result.passes.map((p) => p.id)).toEqual(expect.arrayContaining(['color-contrast', 'th-has-data-cells']));
    expect(result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
