// Screenshots of the merge screen with the benchmark's ten replies, at 1366×768, in English and in
// Arabic, when BENCH_SHOTS names a folder: to look at the screen as the figures measure it.
import path from 'node:path';
import type { Page } from 'playwright-core';

export async function mergeShots(page: Page, url: string): Promise<void> {
  const dir = process.env.BENCH_SHOTS;
  if (!dir) return;
  await page.setViewportSize({ width: 1366, height: 768 });
  for (const lng of ['en', 'ar'] as const) {
    if (lng !== 'en') {
      // The choice is saved by the host: the page is loaded again only once it is, or opens in English.
      const saved = page.waitForResponse((r) => r.url().endsWith('/api/setLanguage'));
      await page.selectOption('#language-picker', lng);
      await saved;
    }
    await page.goto('about:blank');
    await page.goto(url);
    await page.waitForFunction((l) => document.documentElement.lang === l, lng);
    await page.locator('.merge-item').nth(1).waitFor({ timeout: 120_000 });
    await page.screenshot({ path: path.join(dir, `merge-300-${lng}-top.png`) });
    await page.evaluate(() => document.querySelector('.merge-toolbar')?.scrollIntoView({ block: 'start' }));
    await painted(page);
    await page.screenshot({ path: path.join(dir, `merge-300-${lng}-list.png`) });
    await scrolledToEnd(page, '.merge-more');
    await page.screenshot({ path: path.join(dir, `merge-300-${lng}-more.png`) });
  }
}

/**
 * Scroll until `selector` is at the foot of the screen. The cards scrolled to are laid out only
 * then, at their real height instead of the placeholder's, and push it down: scroll again.
 */
async function scrolledToEnd(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const seen = await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      el?.scrollIntoView({ block: 'end' });
      return el ? el.getBoundingClientRect().bottom : NaN;
    }, selector);
    await painted(page);
    const now = await page.evaluate((sel) => document.querySelector(sel)?.getBoundingClientRect().bottom ?? NaN, selector);
    if (Number.isNaN(now) || Math.abs(now - seen) < 1) return;
  }
}

/** Cards off screen are not painted (content-visibility: auto): wait for the frames after a scroll. */
async function painted(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
  await page.waitForTimeout(300);
}
