// The training example end to end: opened from the home screen, exported as a PDF the browser downloads.
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadExample } from '../../core/checklist/examples';
import { browserTestsEnabled, makeTempDir } from './harness';
import { commonText } from './locales';
import { openApp } from './workflow-steps';

let cleanups: Array<() => Promise<unknown>> = [];

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

async function openExampleFromHome(page: Page, lng: 'en' | 'ar'): Promise<void> {
  await page.getByRole('button', { name: commonText('en', `home.example.open.${lng}`), exact: true }).click();
  await page.locator('.section-nav').waitFor();
}

// A browser start and a full report cost seconds on a busy two-core machine: generous limits, no timing asserted.
describe.skipIf(!browserTestsEnabled)('PDF export of the training example (Chromium)', { timeout: 240_000 }, () => {
  beforeEach(() => {
    cleanups = [];
  });

  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  it('downloads a PDF of the English example that contains its answer to A.1', async () => {
    const { page } = await openApp(cleanups, 'en');
    await openExampleFromHome(page, 'en');
    expect(page.url()).toMatch(/#\/a\/example-en\/form$/);
    await page.locator('.page-title', { hasText: 'Example' }).waitFor();

    const download = page.waitForEvent('download', { timeout: 180_000 });
    await page.getByRole('button', { name: 'Export PDF', exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^XXX_[A-Za-z0-9.-]+_r\d+_\d{4}-\d{2}-\d{2}\.pdf$/);
    const out = await makeTempDir('pdf-export');
    cleanups.push(out.remove);
    const saved = path.join(out.path, file.suggestedFilename());
    await file.saveAs(saved);

    const bytes = await fs.readFile(saved);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', saved, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const answer = loadExample('en').answers['A.1'];
    expect(typeof answer).toBe('string');
    expect(words(text)).toContain(words(answer as string));
    // The outcome is said on the screen (and in the live region) once the download has been handed over.
    await page.getByText('PDF report ready:').waitFor();
    expect(await page.locator('.pdf-export [role=status]').textContent()).toBe(`The PDF report is ready: ${file.suggestedFilename()}`);
  });

  it.each([['en'], ['ar']] as const)('the home screen with the training example in %s has no axe violations', async (lng) => {
    const { page } = await openApp(cleanups, lng);
    await page.getByRole('heading', { name: commonText(lng, 'home.example.title') }).waitFor();
    await page.getByRole('button', { name: commonText(lng, 'home.example.open.ar'), exact: true }).waitFor();
    const result = await new AxeBuilder({ page }).analyze();
    expect(result.passes.map((p) => p.id)).toEqual(expect.arrayContaining(['button-name', 'color-contrast']));
    expect(result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
