// The export screen in Chromium, in English and in Arabic: an incomplete assessment shows what is
// missing (by item title, each a link to the form) and no passphrase field; the complete training
// example asks for the passphrase, exports, then says where the bundle is and how to send it, and
// opens a transmittal letter that prints on its own (nothing of the app on paper).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { setLogSink } from '../../core/log';
import { loadSamplePack } from '../../core/checklist/sample';
import { browserTestsEnabled, makeTempDir, openBrowser, startHost, useLanguage, type RunningHost } from './harness';
import { axeViolations } from './axe';
import { fill, hostApi } from './host-api';
import arSigning from '../../locales/ar/signing.json';
import enSigning from '../../locales/en/signing.json';

let cleanups: Array<() => Promise<unknown>> = [];
const PASS = 'a workshop passphrase';
const TEXT = { en: enSigning, ar: arSigning } as const;
const SAMPLE = { id: 'safer-cities-sample', version: '0.1.0' };

async function setUp(lng: string): Promise<{ page: Page; host: RunningHost; data: string }> {
  const data = await makeTempDir('export-data');
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

const visibility = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).visibility);

describe.skipIf(!browserTestsEnabled)('export readiness before the passphrase (Chromium)', { timeout: 300_000 }, () => {
  beforeEach(() => {
    cleanups = [];
    setLogSink(null);
  });

  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
    setLogSink((line) => process.stderr.write(line + '\n'));
  });

  for (const lng of ['en', 'ar'] as const) {
    it(`${lng}: completeness first, the passphrase only when ready, then where the bundle is, how to send it, and the letter`, async () => {
      const t = TEXT[lng];
      const { page, host, data } = await setUp(lng);
      const key = await hostApi<{ fingerprint: string }>(host, 'createSigningKey', PASS);

      // Incomplete: the missing items by their titles, linked; no passphrase asked.
      const { draft } = await hostApi<{ draft: { id: string } }>(host, 'createAssessment', { countryCode: 'KEN', responseLanguage: 'en' }, SAMPLE);
      await hostApi(host, 'closeAssessment', draft.id);
      await page.goto(`${host.url}#/a/${draft.id}/export`);
      const problems = page.getByTestId('export-problems');
      await problems.waitFor();
      expect(await page.getByTestId('export-subject').textContent()).toContain(fill(t.export.subject, { revision: 0, next: 1 }));
      const firstItem = loadSamplePack().pack.sections[0]?.items.find((i) => i.id === 'A.1');
      const link = problems.getByRole('link').first();
      expect(await link.textContent()).toContain(firstItem?.text[lng] ?? 'missing');
      expect(await page.getByLabel(t.export.passphrase).count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await link.click();
      await page.waitForURL(/\/form\?item=A\.1$/);

      // Complete: the training example. The passphrase, the export, and what to do next.
      const example = await hostApi<{ draft: { id: string } }>(host, 'openExample', lng);
      await hostApi(host, 'closeAssessment', example.draft.id);
      await page.goto(`${host.url}#/a/${example.draft.id}/export`);
      await page.getByTestId('export-ready').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel(t.export.passphrase).fill(PASS);
      await page.getByRole('button', { name: t.export.submit }).click();
      const next = page.getByTestId('next-steps');
      await next.waitFor({ timeout: 240_000 });
      const kept = await hostApi<Array<{ fileName: string; externalIdentifier: string }>>(host, 'listSubmissions', example.draft.id);
      expect(kept).toHaveLength(1);
      expect(await next.getByTestId('bundle-path').textContent()).toBe(`${data}/submissions/${example.draft.id}/${kept[0]?.fileName}`);
      for (const way of [t.next.portal, t.next.email, t.next.usb]) expect(await next.textContent()).toContain(way);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('next-title');
      expect(await axeViolations(page)).toEqual([]);

      // The transmittal letter, in the interface language, printed alone.
      await next.getByRole('link', { name: t.next.openLetter }).click();
      const letter = page.getByTestId('transmittal-letter');
      await letter.waitFor();
      const text = (await letter.textContent()) ?? '';
      expect(text).toContain(kept[0]?.externalIdentifier ?? 'missing');
      expect(text.replace(/\s+/g, '')).toContain(key.fingerprint);
      expect(text).toContain(t.letter.fingerprint);
      expect(await axeViolations(page)).toEqual([]);
      await page.emulateMedia({ media: 'print' });
      expect(await visibility(page, '.app-header')).toBe('hidden');
      expect(await visibility(page, '.letter-tools button')).toBe('hidden');
      expect(await visibility(page, '.letter__title')).toBe('visible');
      await page.emulateMedia({ media: 'screen' });
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(lng === 'ar' ? 'rtl' : 'ltr');
    });
  }
});
