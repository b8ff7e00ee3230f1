// A kept answer, end to end in Chromium, in English and in Arabic: France's focal point answered the
// multiple choice A.3, moved the draft to the sample pack's revision that removes A.3, and exported a
// signed bundle (all through the core, in the setup: the country's side is tested in
// pack-revisions.test.ts). The secretariat, whose app has that revision installed, registers
// France's key, imports the bundle, opens the submission and finds the answer among the "answers to
// questions no longer in the checklist": its question and the options chosen in words, in the
// interface language, never the option ids; then compares it with the revision before the move (on
// the old version). axe reads both screens; Arabic reads right to left.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { setLogSink } from '../../core/log';
import { loadPack } from '../../core/checklist/load';
import { loadSamplePack } from '../../core/checklist/sample';
import { installedPackFile } from '../../core/packs/install';
import { moveDraft } from '../../core/revisions';
import { exportFixture, submissionJson } from '../unit/bundle/fixture';
import { makeKit, type Kit } from '../unit/secretariat/fixture';
import { sampleRevisionRemovingSource } from '../fixtures/packs/sample-revision-removing';
import { signedPack, testKey } from '../fixtures/packs/signing';
import { axeViolations } from './axe';
import { chooseFile } from './file-choice';
import { browserTestsEnabled, cleanupsEachTest, makeTempDir, openBrowser, startHost, useLanguage } from './harness';
import { go, registerKey, type SecretariatText } from './secretariat-steps';
import arText from '../../locales/ar/secretariat.json';
import enText from '../../locales/en/secretariat.json';
import arReport from '../../locales/ar/report.json';
import enReport from '../../locales/en/report.json';
import arPacks from '../../locales/ar/packs.json';
import enPacks from '../../locales/en/packs.json';

const TEXT = { en: { s: enText, report: enReport, packs: enPacks }, ar: { s: arText as unknown as SecretariatText, report: arReport, packs: arPacks } } as const;
const SHOTS = process.env.SCSA_SHOTS_DIR;
const sample = loadSamplePack();
const revision = loadPack(sampleRevisionRemovingSource(['A.3']));
const a3 = sample.items.get('A.3');
/** The options France chose for A.3 in 0.1.0. */
const CHOSEN = ['local_governments', 'academia'];

interface Setup {
  kit: Kit;
  /** Revision 1 on 0.1.0 (A.3 answered), then revision 2 moved to 0.2.0 (A.3 kept aside). */
  first: string;
  bundle: string;
  pem: string;
  trust: string;
  pack: Buffer;
}

let setup: Setup;
const cleanups = cleanupsEachTest();

async function makeSetup(): Promise<Setup> {
  const kit = await makeKit();
  const before = { ...kit.fixture.draft, answers: { ...kit.fixture.draft.answers, 'A.3': CHOSEN } };
  const { draft: moved } = moveDraft(before, sample, revision, new Date('2026-06-01T12:00:00Z'));
  // C.4 became a short text: its long answer is kept aside too, and the focal point writes a short one.
  const draft = { ...moved, answers: { ...moved.answers, 'C.4': 'Marches exploratoires' } };
  const first = await exportFixture(kit.fixture, { draft: before, out: path.join(kit.dir, 'france-r1.zip'), now: new Date('2026-05-02T10:00:00Z') });
  const bundle = await exportFixture(kit.fixture, { draft, pack: revision.pack, submissionRevision: 2, out: path.join(kit.dir, 'france-r2-moved.zip') });
  const pem = path.join(kit.dir, 'france.pub.pem');
  await fs.writeFile(pem, kit.keys.fra.publicKeyPem);
  // The secretariat signed the revision; its app trusts that key and has the revision installed.
  const signer = testKey();
  const trust = path.join(kit.dir, 'trust');
  await fs.mkdir(trust);
  await fs.writeFile(path.join(trust, 'secretariat.pub.pem'), signer.publicKeyPem);
  return { kit, first, bundle, pem, trust, pack: await signedPack(sampleRevisionRemovingSource(['A.3']), signer) };
}

async function openSecretariatApp(lng: string): Promise<Page> {
  const data = await makeTempDir('reader-kept-data');
  cleanups.push(data.remove);
  const file = installedPackFile(data.path, { id: revision.pack.id, version: revision.pack.version });
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, setup.pack);
  const host = await startHost(data.path, ['--trust', setup.trust]);
  cleanups.push(() => host.stop());
  const session = await openBrowser();
  cleanups.push(() => session.close());
  await session.page.setViewportSize({ width: 1366, height: 768 });
  await session.page.goto(host.url);
  await useLanguage(session.page, lng);
  return session.page;
}

describe.skipIf(!browserTestsEnabled)('kept answers in the secretariat\'s reader (Chromium)', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    setLogSink(null);
    setup = await makeSetup();
  }, 120_000);
  afterAll(async () => {
    if (setup) await fs.rm(setup.kit.dir, { recursive: true, force: true });
  });

  it('the bundle is on the revision, with A.3 among its kept answers', async () => {
    // What the browser part relies on: a submission on 0.2.0 whose A.3 answer was set aside.
    const submission = await submissionJson(setup.bundle);
    expect(submission.checklist).toEqual({ id: revision.pack.id, version: revision.pack.version });
    const kept = (submission.retiredAnswers ?? []) as Array<{ itemId: string; answer: unknown }>;
    expect(kept.filter((k) => k.itemId === 'A.3').map((k) => k.answer)).toEqual([CHOSEN]);
    expect(revision.items.has('A.3')).toBe(false);
  });

  for (const lng of ['en', 'ar'] as const) {
    it(`${lng}: imports the moved submission and reads its kept multiple choice in words`, async () => {
      const t = TEXT[lng];
      const page = await openSecretariatApp(lng);
      const ws = await makeTempDir('reader-kept-ws');
      cleanups.push(ws.remove);

      await page.getByRole('link', { name: t.s.app.entry.open }).click();
      await page.getByLabel(t.s.app.chooser.path).fill(path.join(ws.path, 'workspace'));
      await page.getByRole('button', { name: t.s.app.chooser.create, exact: true }).click();
      await page.getByTestId('workspace-dir').waitFor();
      await go(page, t.s, 'registry');
      await registerKey(page, t.s, setup.pem, 'FRA', setup.kit.keys.fra.fingerprint);
      await expect.poll(() => page.getByTestId('key-table').locator('tbody tr').count()).toBe(1);

      await go(page, t.s, 'import');
      await chooseFile(page, page.locator('#import-files'), [setup.first, setup.bundle]);
      await page.getByRole('button', { name: t.s.app.import.start, exact: true }).click();
      await page.getByRole('heading', { name: t.s.app.import.report, exact: true }).waitFor();
      expect(await page.getByTestId('decision-table').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-decision')))).toEqual(['imported', 'supersedes']);

      await go(page, t.s, 'submissions');
      const france = page.getByTestId('submissions-table').locator('tr[data-country="FRA"]');
      await france.getByRole('link', { name: t.s.app.submissions.revision.replace('{{revision}}', new Intl.NumberFormat(lng).format(2)), exact: true }).click();
      const reader = page.getByTestId('submission-reader');
      await reader.waitFor();

      // The kept answer: its question as 0.1.0 asked it and the options chosen, in the interface language.
      const kept = reader.getByRole('region', { name: t.report.retired.title });
      const entry = kept.locator('[data-kept="A.3"]');
      await entry.waitFor();
      const question = entry.locator('dt [lang]').first();
      expect(await question.textContent()).toBe(a3?.text[lng]);
      expect(await question.getAttribute('lang')).toBe(lng);
      const options = a3 && 'options' in a3 ? a3.options : [];
      const words = CHOSEN.map((id) => options.find((o) => o.id === id)?.label[lng] ?? id);
      const answer = (await entry.locator('dd').textContent()) ?? '';
      for (const w of words) expect(answer).toContain(w);
      for (const id of CHOSEN) expect(await entry.textContent()).not.toContain(id);
      // Answers still in the checklist are read as before; A.3 is not among them.
      expect(await reader.locator('[data-item="A.1"]').count()).toBe(1);
      expect(await reader.locator('[data-item="A.3"]').count()).toBe(0);

      expect(await page.locator('html').getAttribute('dir')).toBe(lng === 'ar' ? 'rtl' : 'ltr');
      expect(await axeViolations(page)).toEqual([]);
      if (SHOTS) {
        await kept.scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(SHOTS, `e2e-${lng}-reader-kept.png`) });
      }

      // Comparing the two revisions, on two checklist versions: A.3's choices in words on the earlier
      // side, and on the later one where the answer went; never the option ids.
      await reader.getByRole('link', { name: t.s.app.reader.back }).click();
      await page.getByTestId('submissions-table').locator('tr[data-country="FRA"]').getByRole('link', { name: new RegExp(t.s.app.submissions.compare) }).click();
      const compare = page.getByTestId('compare-revisions');
      const change = compare.locator('li[data-item="A.3"]');
      await change.waitFor();
      expect(await compare.getByTestId('compare-versions').textContent()).toContain('0.2.0');
      expect(await change.locator('h3').textContent()).toContain(a3?.text[lng]);
      const earlier = (await change.locator('[data-side="before"]').textContent()) ?? '';
      for (const w of words) expect(earlier).toContain(w);
      expect(await change.locator('[data-side="after"]').textContent()).toContain(t.packs.preview.answer.retained);
      for (const id of CHOSEN) expect(await change.textContent()).not.toContain(id);
      // B.2 of 0.1.0 is B.1.a of 0.2.0: each side says where the question is, not that its answer is gone.
      const elsewhere = (id: string) => t.s.app.compare.elsewhere.replace('{{id}}', id);
      expect(await compare.locator('li[data-item="B.2"] [data-side="after"]').textContent()).toContain(elsewhere('B.1.a'));
      expect(await compare.locator('li[data-item="B.1.a"] [data-side="before"]').textContent()).toContain(elsewhere('B.2'));
      expect(await compare.locator('li[data-item="B.2"] [data-side="before"]').textContent()).not.toContain(elsewhere('B.1.a'));
      expect(await axeViolations(page)).toEqual([]);
      if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `e2e-${lng}-compare-versions.png`), fullPage: true });
    });
  }
});
