// The signed submission end to end in Chromium, in English and in Arabic: export the training example
// (a job with a progress bar, the bundle kept in the data folder), save it through the browser's
// download, check its bytes with the core, then check the saved file on the "Check a bundle" screen.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Download } from 'playwright-core';
import { verifyBundle } from '../../core/bundle';
import { setLogSink } from '../../core/log';
import { browserTestsEnabled, makeTempDir, type RunningHost } from './harness';
import { axeViolations } from './axe';
import { commonText } from './locales';
import arBundle from '../../locales/ar/bundle.json';
import enBundle from '../../locales/en/bundle.json';
import arSigning from '../../locales/ar/signing.json';
import enSigning from '../../locales/en/signing.json';
import { openApp } from './workflow-steps';
import { chooseFile } from './file-choice';

let cleanups: Array<() => Promise<unknown>> = [];
const PASS = 'a workshop passphrase';
const TEXT = { en: { signing: enSigning, bundle: enBundle }, ar: { signing: arSigning, bundle: arBundle } } as const;
const BUNDLE_NAME = /^XXX_[A-Za-z0-9.-]+_v[A-Za-z0-9.-]+_r1_\d{4}-\d{2}-\d{2}\.zip$/;

/** The key through the API, as the signing key screen would make it (that screen has tests of its own). */
async function createKey(host: RunningHost): Promise<string> {
  const res = await fetch(`${host.origin}/api/createSigningKey`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-scsa-token': host.token, origin: host.origin },
    body: JSON.stringify({ args: [PASS] }),
  });
  const body = (await res.json()) as { ok: boolean; value?: { fingerprint: string } };
  if (!body.ok || !body.value) throw new Error(`no key: ${JSON.stringify(body)}`);
  return body.value.fingerprint;
}

async function saved(download: Download, dir: string): Promise<string> {
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

describe.skipIf(!browserTestsEnabled)('signed submission (Chromium)', { timeout: 300_000 }, () => {
  beforeEach(() => {
    cleanups = [];
    setLogSink(null);
  });

  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
    setLogSink((line) => process.stderr.write(line + '\n'));
  });

  for (const lng of ['en', 'ar'] as const) {
    it(`${lng}: exports the example into a download that verifies, lists it for another copy, and the Check screen calls the file valid`, async () => {
      const t = TEXT[lng];
      const { page, host } = await openApp(cleanups, lng);
      const fingerprint = await createKey(host);
      const out = await makeTempDir('signing-e2e');
      cleanups.push(out.remove);

      await page.getByRole('button', { name: commonText(lng, `home.example.open.${lng}`), exact: true }).click();
      await page.locator('.section-nav').waitFor();
      await page.getByRole('link', { name: t.signing.nav.exportSubmission }).click();
      await page.getByText(t.bundle.app.keptNone).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel(t.signing.export.passphrase).fill(PASS);
      const download = page.waitForEvent('download', { timeout: 240_000 });
      await page.getByRole('button', { name: t.signing.export.submit }).click();
      const first = await download;
      expect(first.suggestedFilename()).toMatch(BUNDLE_NAME);
      const file = await saved(first, out.path);

      // The saved bytes are the signed bundle: the core's own verifier says so.
      const verdict = await verifyBundle(file);
      expect(verdict).toMatchObject({ status: 'valid-unregistered', fingerprints: [fingerprint] });
      expect(verdict.bundle?.country).toBe('XXX');

      // The export is listed with a button for another copy, which downloads the same bytes.
      const again = page.getByRole('button', { name: t.bundle.app.saveCopy.replace('{{file}}', first.suggestedFilename()) });
      await again.waitFor();
      expect(await axeViolations(page)).toEqual([]);
      const second = page.waitForEvent('download');
      await again.click();
      const copy = await saved(await second, path.join(out.path, 'copy'));
      expect((await fs.readFile(copy)).equals(await fs.readFile(file))).toBe(true);

      await page.getByRole('link', { name: t.signing.nav.checkBundle, exact: true }).click();
      await chooseFile(page, page.locator('#check-bundle'), file);
      await page.getByRole('button', { name: t.signing.check.submit }).click();
      const result = page.getByTestId('check-result');
      await result.or(page.locator('.error-message')).first().waitFor({ timeout: 60_000 });
      expect(await page.locator('.error-message').count(), (await page.locator('.error-message').allTextContents()).join(' ')).toBe(0);
      const text = (await result.textContent()) ?? '';
      expect(text).toContain(t.signing.check.validUnregistered);
      expect(text.replace(/\s+/g, '')).toContain(fingerprint);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(lng === 'ar' ? 'rtl' : 'ltr');
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
