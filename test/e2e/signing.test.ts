// The signed submission end to end in Chromium: create the key, export the English training example,
// then check the downloaded bundle on the "Check a bundle" screen.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserTestsEnabled, makeTempDir } from './harness';
import { commonText } from './locales';
import arSigning from '../../locales/ar/signing.json';
import { openApp } from './workflow-steps';

let cleanups: Array<() => Promise<unknown>> = [];
const PASS = 'a workshop passphrase';

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.skipIf(!browserTestsEnabled)('signed submission (Chromium)', { timeout: 300_000 }, () => {
  beforeEach(() => {
    cleanups = [];
  });

  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  it('creates a key, exports the English example as a signed bundle, and the Check screen calls it valid', async () => {
    const { page } = await openApp(cleanups, 'en');

    await page.getByRole('link', { name: 'Signing key', exact: true }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await page.getByLabel('Type the passphrase again').fill(PASS);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create the key' }).click();
    await page.getByText('The signing key was created.').waitFor({ timeout: 60_000 });
    const printed = (await page.getByTestId('fingerprint').textContent()) ?? '';
    expect(printed).toMatch(/^([0-9a-f]{8} ){3}[0-9a-f]{8}\n([0-9a-f]{8} ){3}[0-9a-f]{8}$/);
    expect(await axeViolations(page)).toEqual([]);

    await page.locator('a.brand').click();
    await page.getByRole('button', { name: commonText('en', 'home.example.open.en'), exact: true }).click();
    await page.locator('.section-nav').waitFor();
    await page.getByRole('link', { name: 'Export the signed submission' }).click();
    await page.getByLabel('Passphrase of the signing key').fill(PASS);
    const download = page.waitForEvent('download', { timeout: 240_000 });
    await page.getByRole('button', { name: 'Sign and export' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^XXX_[A-Za-z0-9.-]+_v[A-Za-z0-9.-]+_r1_\d{4}-\d{2}-\d{2}\.zip$/);
    const out = await makeTempDir('signing-e2e');
    cleanups.push(out.remove);
    const saved = path.join(out.path, file.suggestedFilename());
    await file.saveAs(saved);
    expect((await fs.readFile(saved)).subarray(0, 2).toString('latin1')).toBe('PK');
    await page.getByText(/^Saved XXX_.*\(submission revision 1\)\.$/).waitFor();

    await page.getByRole('link', { name: 'Check a bundle', exact: true }).click();
    await page.getByLabel('Submission bundle (.zip)').setInputFiles(saved);
    await page.getByRole('button', { name: 'Check the bundle' }).click();
    const result = page.getByTestId('check-result');
    await result.or(page.locator('.error-message')).first().waitFor({ timeout: 60_000 });
    expect(await page.locator('.error-message').count(), (await page.locator('.error-message').allTextContents()).join(' ')).toBe(0);
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('Valid, but the signing key is not in the registry.');
    expect(text.replace(/\s+/g, '')).toContain(printed.replace(/\s+/g, ''));
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the signing key and check screens in Arabic are right-to-left and have no axe violations', async () => {
    const { page } = await openApp(cleanups, 'ar');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('link', { name: arSigning.nav.signingKey, exact: true }).click();
    await page.getByLabel(arSigning.key.confirm).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: arSigning.nav.checkBundle, exact: true }).click();
    await page.getByRole('button', { name: arSigning.check.submit }).click();
    await page.getByText(arSigning.check.noFile).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
