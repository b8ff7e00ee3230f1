// The exported revisions frozen in the history, in Chromium, in English and in Arabic: two signed
// exports of the training example (through the API; the export screen has its own test), then the
// "Saved versions" screen marks both, reads well to axe, and restores the first submitted revision.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../../core/log';
import { browserTestsEnabled, type RunningHost } from './harness';
import { axeViolations } from './axe';
import { commonText } from './locales';
import { openApp, settled } from './workflow-steps';
import arDrafts from '../../locales/ar/drafts.json';
import enDrafts from '../../locales/en/drafts.json';
import arForm from '../../locales/ar/form.json';
import enForm from '../../locales/en/form.json';

let cleanups: Array<() => Promise<unknown>> = [];
const PASS = 'a workshop passphrase';
const TEXT = { en: { drafts: enDrafts, form: enForm }, ar: { drafts: arDrafts, form: arForm } } as const;

/** One contract call over the web host's HTTP API, as the renderer makes it. */
async function api<T>(host: RunningHost, method: string, ...args: unknown[]): Promise<T> {
  const post = () =>
    fetch(`${host.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-scsa-token': host.token, origin: host.origin },
      body: JSON.stringify({ args }),
    });
  // While the host draws the PDF its keep-alive timer can close a pooled socket as Node's fetch
  // reuses it (ECONNRESET); a browser retries such a request by itself, Node's fetch does not. Only
  // the job poll, which changes nothing, is tried again.
  const res = await post()
    .catch((err: unknown) => (method === 'getJob' ? new Promise((r) => setTimeout(r, 200)).then(post) : Promise.reject(err)))
    .catch((err: unknown) => {
      throw new Error(`${method}: ${String(err)}; web host exit ${host.child.exitCode ?? host.child.signalCode}, stderr:\n${host.stderr().slice(-4000)}`);
    });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.value as T;
}

type Submission = { submissionRevision: number; externalIdentifier: string };

async function exportBundle(host: RunningHost, id: string): Promise<Submission> {
  const { jobId } = await api<{ jobId: string }>(host, 'exportSubmission', id, PASS);
  for (;;) {
    const job = await api<{ state: string; error?: unknown }>(host, 'getJob', jobId);
    if (job.state !== 'running' && job.state !== 'queued') {
      if (job.state !== 'done') throw new Error(`export ended ${job.state}: ${JSON.stringify(job.error)}`);
      return (await api<{ submission: Submission }>(host, 'takeJobResult', jobId)).submission;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const fill = (template: string, params: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => params[k] ?? '');

describe.skipIf(!browserTestsEnabled)('submitted revisions in the history (Chromium)', { timeout: 300_000 }, () => {
  beforeEach(() => {
    cleanups = [];
    setLogSink(null);
  });

  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
    setLogSink((line) => process.stderr.write(line + '\n'));
  });

  for (const lng of ['en', 'ar'] as const) {
    it(`${lng}: both exports are marked with their submission revision, date and identifier; the first one restores`, async () => {
      const t = TEXT[lng];
      const { page, host } = await openApp(cleanups, lng);
      await api(host, 'createSigningKey', PASS);
      await page.getByRole('button', { name: commonText(lng, `home.example.open.${lng}`), exact: true }).click();
      await page.locator('.section-nav').waitFor();
      const id = /#\/a\/([a-z0-9-]+)\//.exec(page.url())?.[1] as string;
      const sentFirst = await page.locator('#item-A_1-input').inputValue();

      const first = await exportBundle(host, id);
      await page.fill('#item-A_1-input', `${sentFirst} (2)`);
      await settled(page);
      const second = await exportBundle(host, id);

      await page.locator(`.tabs a[href$="/history"]`).click();
      const submitted = page.locator('.history tbody tr.history__submitted');
      await submitted.nth(1).waitFor();
      expect(await submitted.count()).toBe(2);
      const number = (n: number) => page.evaluate(([l, v]) => new Intl.NumberFormat(l as string).format(v as number), [lng, n] as const);
      // Newest first: submission revision 2, then 1, each with its own bundle identifier.
      const texts = await submitted.allTextContents();
      expect(texts[0]).toContain(fill(t.drafts.history.submitted, { n: await number(2) }));
      expect(texts[0]).toContain(second.externalIdentifier);
      expect(texts[1]).toContain(fill(t.drafts.history.submitted, { n: await number(1) }));
      expect(texts[1]).toContain(first.externalIdentifier);
      expect(texts[1]).toContain(fill(t.drafts.history.exportedOn, { date: '' }).trim());
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(lng === 'ar' ? 'rtl' : 'ltr');
      expect(await axeViolations(page)).toEqual([]);

      await submitted.nth(1).getByRole('button', { name: new RegExp(t.form.history.restore) }).click();
      await page.getByRole('dialog').getByRole('button', { name: t.form.history.confirm, exact: true }).click();
      await page.locator('.section-nav').waitFor();
      await page.waitForFunction((want) => (document.querySelector('#item-A_1-input') as HTMLInputElement | null)?.value === want, sentFirst);
    });
  }
});
