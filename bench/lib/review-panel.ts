// The focal point's reviews screen in Chromium with ten replies on the 300-item draft: how long the
// merge view takes to show, and the time of each keystroke typed into a comment's answer while it
// is open (bench/review.bench.ts). Served by the web host in the benchmark's process.
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import saclPackJson from '../../core/checklist/packs/safer-cities-sacl.pack.json';
import { DEFAULT_PACK, getPack } from '../../core/checklist/registry';
import type { Draft } from '../../core/draft/schema';
import { LEDGER_FILE, replySha256, replyText, reviewBaseOf, writeLedger, emptyLedger, type ReviewReply } from '../../core/review';
import { DraftStore } from '../../core/store';
import { pinForReview } from '../../core/store/pins';
import { startWebHost } from '../../web-host/server';
import type { Page } from 'playwright-core';
import { launchChromium } from './browser';
import { bigPackSource, ITEM_COUNT } from './fixture';
import { Skip } from './harness';
import { startProfiles } from './profile';
import { mergeShots } from './review-shots';

declare global {
  interface Window {
    __panelKeys?: number[];
  }
}

export interface PanelTimings {
  /** Navigation start → the first item of the merge view listed. */
  firstItemMs: number;
  /** Navigation start → the first item's comment ready to answer (its answer field present). */
  openMs: number;
  /** Each call to the core during the load: path, response size, start and end (ms from navigation start). */
  calls: Array<{ what: string; kib: number; start: number; end: number }>;
  /** A suggestion rejected: click → the list shows it decided. */
  decideMs: number;
  keys: number[];
  long: number[];
}

/** The registry's default pack becomes the 300-item one (the JSON module object is shared, as in renderer.bench.ts). */
function installBigPack(): void {
  (saclPackJson as unknown as { sections: unknown }).sections = bigPackSource().sections;
  if (getPack(DEFAULT_PACK).items.size !== ITEM_COUNT) throw new Error('the web host would not serve the 300-item pack');
}

export async function reviewPanelKeystrokes(base: Draft, current: Draft['answers'], replies: readonly ReviewReply[], keys: number): Promise<PanelTimings> {
  const rendererDir = path.join(process.cwd(), 'dist', 'renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) throw new Skip('the renderer is not built (dist/renderer/index.html)');
  installBigPack();
  const loaded = getPack(DEFAULT_PACK);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-bench-panel-'));
  const store = new DraftStore({ dataDir });
  await store.create(base.assessment, loaded.pack, base.id);
  const sent = await store.save({ ...(store.current(base.id) as Draft), answers: base.answers });
  const paths = store.paths(base.id);
  // Each reply answers a review of the revision saved above; the ledger records it as sent and returned.
  const now = new Date().toISOString();
  const ledger = emptyLedger();
  await fs.mkdir(path.join(paths.dir, 'replies'), { recursive: true });
  for (const r of replies) {
    const reply: ReviewReply = { ...r, base: reviewBaseOf(sent) };
    await pinForReview(paths, sent, reply.reviewId);
    await fs.writeFile(path.join(paths.dir, 'replies', `${reply.reviewId}.scsa-reply.json`), replyText(reply));
    ledger.reviews.push({
      reviewId: reply.reviewId,
      to: { institution: reply.reviewer.institution },
      sentAt: now,
      base: reply.base,
      scope: 'all',
      replies: [{ sha256: replySha256(reply), reviewer: reply.reviewer, returnedAt: reply.returnedAt, verdict: reply.verdict, importedAt: now }],
      decisions: {},
      resolved: {},
    });
  }
  await writeLedger(path.join(paths.dir, LEDGER_FILE), ledger);
  await store.save({ ...(store.current(base.id) as Draft), answers: current });
  await store.close(base.id);

  const host = await startWebHost({ rendererDir, dataDir, port: 0 });
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    // Timed inside the page, as renderer.bench.ts does: a MutationObserver installed before any app
    // code runs notes when the first item and its comment's answer field enter the document.
    await page.addInitScript(() => {
      const w = window as unknown as { __mergeFirst?: number; __mergeField?: number };
      const seen = new MutationObserver(() => {
        w.__mergeFirst ??= document.querySelector('.merge-item') ? performance.now() : undefined;
        w.__mergeField ??= document.querySelector('.merge-comment__resolve textarea') ? performance.now() : undefined;
        // Not watching while the keystrokes are timed.
        if (w.__mergeFirst !== undefined && w.__mergeField !== undefined) seen.disconnect();
      });
      seen.observe(document, { childList: true, subtree: true });
    });
    const stopProfiles = await startProfiles(page, 'review-open');
    await page.goto(`${host.url}#/a/${base.id}/reviews`);
    const field = page.locator('.merge-comment__resolve textarea').first();
    await field.waitFor({ timeout: 300_000 });
    await stopProfiles();
    const { firstItemMs, openMs } = await page.evaluate(() => {
      const w = window as unknown as { __mergeFirst?: number; __mergeField?: number };
      return { firstItemMs: w.__mergeFirst ?? NaN, openMs: w.__mergeField ?? NaN };
    });
    const calls = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => new URL(e.name).pathname.startsWith('/api/'))
        .map((e) => ({ what: new URL(e.name).pathname, kib: e.decodedBodySize / 1024, start: e.startTime, end: e.responseEnd })),
    );
    await field.click();
    await page.evaluate(() => {
      window.__panelKeys = [];
      (window as unknown as { __panelLong: number[] }).__panelLong = [];
      let start = 0;
      window.addEventListener('keydown', (e) => {
        const t = performance.now();
        start = e.timeStamp > 0 && e.timeStamp <= t ? e.timeStamp : t;
      }, true);
      window.addEventListener('input', (e) => {
        void (e.target as HTMLElement).offsetHeight;
        window.__panelKeys?.push(performance.now() - start);
      });
      new PerformanceObserver((list) => list.getEntries().forEach((en) => (window as unknown as { __panelLong: number[] }).__panelLong.push(en.duration))).observe({ type: 'longtask' });
    });
    await page.keyboard.type('Noted; the figure will be updated. '.repeat(3).slice(0, keys), { delay: 50 });
    await page.waitForTimeout(500);
    const timings = await page.evaluate(() => ({ keys: window.__panelKeys ?? [], long: (window as unknown as { __panelLong: number[] }).__panelLong }));
    if (timings.keys.length !== keys) throw new Error(`${timings.keys.length} input events for ${keys} keys`);
    const decideMs = await rejectFirst(page);
    await mergeShots(page, `${host.url}#/a/${base.id}/reviews`);
    return { firstItemMs, openMs, calls, decideMs, ...timings };
  } finally {
    await browser.close().catch(() => undefined);
    await host.close().catch(() => undefined);
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/** Reject the first suggestion not decided: click → its decision shown (the list reloaded). */
async function rejectFirst(page: Page): Promise<number> {
  const card = page.locator('.merge-suggestion').first();
  const decided = card.locator('.merge-decision');
  const t0 = Date.now();
  await card.getByRole('button', { name: /reject/i }).click();
  await decided.waitFor({ timeout: 300_000 });
  return Date.now() - t0;
}
