// The secretariat workspace end to end in Chromium, in English and in Arabic: create a workspace,
// register two countries' keys (a mistyped fingerprint refused first), import a folder's bundles — a
// valid one, a later revision, a duplicate, a tampered one, one of an unregistered key, a zip that is
// not a bundle — after a dry run; register the missing key and see the held bundle imported; the
// submissions list in the interface language's alphabetical order; read a submission; compare its two
// revisions. axe on every screen.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../core/bundle';
import { countryName } from '../../core/i18n/countries';
import { exportFixture, readZip, writeZip } from '../unit/bundle/fixture';
import { makeKit, type Kit } from '../unit/secretariat/fixture';
import { axeViolations } from './axe';
import { browserTestsEnabled, cleanupsEachTest, makeTempDir } from './harness';
import { chooseFile } from './file-choice';
import { openApp } from './workflow-steps';
import { go, registerKey, typed } from './secretariat-steps';
import type { RunningHost } from './harness';
import arText from '../../locales/ar/secretariat.json';
import enText from '../../locales/en/secretariat.json';

type Text = typeof enText;
const TEXT: Record<'en' | 'ar', Text> = { en: enText, ar: arText as unknown as Text };

interface Files {
  dir: string;
  /** In the order they are chosen: each decision depends on the ones before. */
  bundles: { fra1: string; fra2: string; duplicate: string; tampered: string; ken: string; notBundle: string };
  pem: { fra: string; mar: string; ken: string };
}

let kit: Kit;
let files: Files;
const cleanups = cleanupsEachTest();

async function makeFiles(): Promise<Files> {
  kit = await makeKit();
  const dir = path.join(kit.dir, 'received');
  await fs.mkdir(dir, { recursive: true });
  const fra1 = await kit.bundle({ country: 'FRA', revision: 1, date: '2026-03-01' }, path.join(kit.dir, 'r1'));
  // The later revision answers C.4 differently: the comparison has something to show.
  const draft = { ...kit.fixture.draft, answers: { ...kit.fixture.draft.answers, 'C.4': 'Marches exploratoires avec des femmes, des jeunes et des commerçants.' } };
  const fra2 = await exportFixture(kit.fixture, { draft, submissionRevision: 2, externalIdentifier: 'urn:uuid:3b0f6c1e-93a4-4f55-8d7e-2f1a9c0b7d21', out: path.join(kit.dir, 'fra2.zip'), now: new Date('2026-05-02T10:00:00Z') });
  const ken = await kit.bundle({ country: 'KEN', revision: 1, date: '2026-04-01' }, path.join(kit.dir, 'k'));
  const bundles = {
    fra1: path.join(dir, '1-france-r1.zip'),
    fra2: path.join(dir, '2-france-r2.zip'),
    duplicate: path.join(dir, '3-france-r1-copy.zip'),
    tampered: path.join(dir, '4-france-tampered.zip'),
    ken: path.join(dir, '5-kenya.zip'),
    notBundle: path.join(dir, '6-notes.zip'),
  };
  await fs.copyFile(fra1, bundles.fra1);
  await fs.copyFile(fra2, bundles.fra2);
  await fs.copyFile(fra1, bundles.duplicate);
  // The later revision with one answer changed after it was signed.
  const items = await readZip(fra2);
  const submission = items.find((i) => i.name.endsWith('data/submission.json'));
  if (!submission) throw new Error('no submission.json');
  submission.bytes = Buffer.from(submission.bytes.toString('utf8').replace('Lyon', 'Lyom'));
  await fs.writeFile(bundles.tampered, await writeZip(items));
  await fs.copyFile(ken, bundles.ken);
  await fs.writeFile(bundles.notBundle, 'meeting notes, not a bundle');
  const pem = { fra: path.join(kit.dir, 'france.pub.pem'), mar: path.join(kit.dir, 'maroc.pub.pem'), ken: path.join(kit.dir, 'kenya.pub.pem') };
  await fs.writeFile(pem.fra, kit.keys.fra.publicKeyPem);
  await fs.writeFile(pem.mar, kit.keys.approver.publicKeyPem);
  await fs.writeFile(pem.ken, kit.keys.ken.publicKeyPem);
  return { dir, bundles, pem };
}

describe.skipIf(!browserTestsEnabled)('the secretariat workspace (Chromium)', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    files = await makeFiles();
  }, 120_000);
  afterAll(async () => {
    await fs.rm(kit.dir, { recursive: true, force: true });
  });

  for (const lng of ['en', 'ar'] as const) {
    it(`${lng}: registers keys, imports a folder after a dry run, files a held bundle once its key is registered, reads and compares`, async () => {
      const t = TEXT[lng];
      const { page } = await openApp(cleanups, lng);
      const ws = await makeTempDir('secretariat-ws');
      cleanups.push(ws.remove);
      const dir = path.join(ws.path, 'workspace');

      // Home → Secretariat → a new workspace in a typed folder.
      await page.getByRole('link', { name: t.app.entry.open }).click();
      await page.getByLabel(t.app.chooser.path).fill(dir);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: t.app.chooser.create, exact: true }).click();
      await expect.poll(() => page.getByTestId('workspace-dir').textContent()).toBe(dir);

      // Registry: a mistyped fingerprint is refused, naming the group that differs; nothing is registered.
      await go(page, t, 'registry');
      const wrong = kit.keys.fra.fingerprint.slice(0, 60) + (kit.keys.fra.fingerprint.endsWith('0000') ? '1111' : '0000');
      await registerKey(page, t, files.pem.fra, 'FRA', typed(wrong));
      await page.locator('.error-message').filter({ hasText: '8' }).waitFor();
      expect(await page.getByTestId('key-table').count()).toBe(0);
      expect(await page.getByTestId('typed-fingerprint').textContent()).toContain(wrong.slice(0, 8));
      await page.fill('#add-key-fingerprint', typed(kit.keys.fra.fingerprint));
      await page.getByRole('button', { name: t.app.addKey.submit, exact: true }).click();
      await page.getByTestId('registry-change').waitFor();
      await registerKey(page, t, files.pem.mar, 'MAR', kit.keys.approver.fingerprint);
      await expect.poll(() => page.getByTestId('key-table').locator('tbody tr').count()).toBe(2);
      await expect.poll(() => page.getByTestId('registry-log').locator('li').count()).toBe(2);
      expect(await axeViolations(page)).toEqual([]);

      // Import: the folder's files, a dry run first (nothing written), then the import.
      await go(page, t, 'import');
      const order = Object.values(files.bundles);
      await chooseFile(page, page.locator('#import-files'), order);
      await expect.poll(() => page.getByTestId('import-chosen').locator('li').count()).toBe(order.length);
      await page.getByRole('button', { name: t.app.import.dryRun }).click();
      await page.getByRole('heading', { name: t.app.import.dryRunReport }).waitFor();
      expect(await page.getByTestId('decision-table').locator('tbody tr').count()).toBe(order.length);
      const rowDecisions = () => page.getByTestId('decision-table').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-decision')));
      const foreseen = await rowDecisions();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: t.app.import.start, exact: true }).click();
      await page.getByRole('heading', { name: t.app.import.report, exact: true }).waitFor();
      const decisions = await rowDecisions();
      expect(decisions).toEqual(['imported', 'supersedes', 'duplicate', 'rejected', 'held', 'rejected']);
      // The dry run foresaw each file's decision, the later revision and the copy included.
      expect(foreseen).toEqual(decisions);
      // The first reason of each refusal, in the interface language (never a code).
      const reasons = await page.locator('tr[data-decision="rejected"] td:last-child').allTextContents();
      for (const r of reasons) expect(r).not.toMatch(/bundle:|secretariat:|verify\./);
      expect(await axeViolations(page)).toEqual([]);

      // Kenya's key registered: the held bundle is imported and the outcome shown.
      await go(page, t, 'registry');
      await registerKey(page, t, files.pem.ken, 'KEN', kit.keys.ken.fingerprint);
      await page.getByTestId('registry-change').locator('tr[data-decision="imported"]').waitFor();

      // Submissions: countries in this language's alphabetical order, never by a result.
      await go(page, t, 'submissions');
      const table = page.getByTestId('submissions-table');
      await table.waitFor();
      const countries = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-country') ?? ''));
      expect(countries.sort()).toEqual(['FRA', 'KEN']);
      const shown = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-country') ?? ''));
      const collator = new Intl.Collator(lng);
      expect(shown).toEqual([...shown].sort((a, b) => collator.compare(countryName(a, lng), countryName(b, lng))));
      expect(await axeViolations(page)).toEqual([]);

      // Read France's current submission: item texts in the interface language, answers as written, in their own direction.
      const france = table.locator('tr[data-country="FRA"]');
      await france.getByRole('link', { name: t.app.submissions.revision.replace('{{revision}}', new Intl.NumberFormat(lng).format(2)), exact: true }).click();
      const reader = page.getByTestId('submission-reader');
      await reader.waitFor();
      const answer = reader.locator('[data-item="C.4"] .secretariat__answer');
      expect(await answer.textContent()).toContain('commerçants');
      expect(await answer.getAttribute('dir')).toBe('auto');
      expect(await answer.getAttribute('lang')).toBe('fr');
      expect(await page.locator('html').getAttribute('dir')).toBe(lng === 'ar' ? 'rtl' : 'ltr');
      expect(await reader.getByRole('button', { name: t.app.reader.pdf }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);

      // Compare its two revisions: C.4 changed, shown by the shared diff view.
      await reader.getByRole('link', { name: t.app.reader.back }).click();
      await page.getByTestId('submissions-table').locator('tr[data-country="FRA"]').getByRole('link', { name: new RegExp(t.app.submissions.compare) }).click();
      const compare = page.getByTestId('compare-revisions');
      await compare.locator('[data-item="C.4"]').waitFor();
      expect(await compare.locator('li[data-item]').count()).toBe(1);
      expect(await compare.locator('[data-item="C.4"] ins').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);

      // The countersign screen, as an approver finds it (countersigning itself is tested through the API).
      await go(page, t, 'countersign');
      await page.getByRole('heading', { name: t.app.countersign.title }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  it('en: an approver countersigns a bundle with this computer’s key; every signer is named with its registered role', async () => {
    const t = TEXT.en;
    const { page, host } = await openApp(cleanups, 'en');
    const pass = 'approver passphrase 2026';
    const key = await call<{ fingerprint: string; publicKeyPem: string }>(host, 'createSigningKey', [pass]);
    const ws = await makeTempDir('secretariat-cs');
    cleanups.push(ws.remove);
    const approverPem = path.join(ws.path, 'minister.pub.pem');
    await fs.writeFile(approverPem, key.publicKeyPem);

    await page.getByRole('link', { name: t.app.entry.open }).click();
    await page.getByLabel(t.app.chooser.path).fill(path.join(ws.path, 'workspace'));
    await page.getByRole('button', { name: t.app.chooser.create, exact: true }).click();
    await go(page, t, 'registry');
    await registerKey(page, t, files.pem.fra, 'FRA', kit.keys.fra.fingerprint);
    await expect.poll(() => page.getByTestId('key-table').locator('tbody tr').count()).toBe(1);
    await chooseFile(page, page.locator('#add-key-pem'), approverPem);
    await page.selectOption('#add-key-country', 'FRA');
    await page.fill('#add-key-fingerprint', key.fingerprint);
    await page.getByLabel(t.app.role.approver).check();
    await page.getByRole('button', { name: t.app.addKey.submit, exact: true }).click();
    await expect.poll(() => page.getByTestId('key-table').locator('tbody tr').count()).toBe(2);

    await go(page, t, 'countersign');
    await chooseFile(page, page.locator('#countersign-bundle'), files.bundles.fra1);
    await page.getByLabel(t.app.countersign.passphrase).fill(pass);
    await page.getByRole('button', { name: t.app.countersign.submit, exact: true }).click();
    const result = page.getByTestId('countersign-result');
    await result.waitFor({ timeout: 120_000 });
    const roles = await result.locator('li[data-role]').evaluateAll((items) => items.map((i) => i.getAttribute('data-role')).sort());
    expect(roles).toEqual(['approver', 'focal-point']);
    expect(await axeViolations(page)).toEqual([]);
    const download = page.waitForEvent('download');
    await result.getByRole('button', { name: t.app.countersign.download }).click();
    const saved = path.join(ws.path, (await download).suggestedFilename());
    await (await download).saveAs(saved);
    const verdict = await verifyBundle(saved);
    expect(verdict.status).not.toBe('invalid');
    expect([...verdict.fingerprints].sort()).toEqual([kit.keys.fra.fingerprint, key.fingerprint].sort());
  });
});

/** A contract call straight to the host (what another screen would do first). */
async function call<T>(host: RunningHost, method: string, args: unknown[]): Promise<T> {
  const res = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-scsa-token': host.token, origin: host.origin },
    body: JSON.stringify({ args }),
  });
  const body = (await res.json()) as { ok: boolean; value?: T };
  if (!body.ok || body.value === undefined) throw new Error(`${method}: ${JSON.stringify(body)}`);
  return body.value;
}
