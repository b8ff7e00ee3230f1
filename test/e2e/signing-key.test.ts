// The signing key screen end to end in Chromium: import an openssl key, back it up, replace it; English and Arabic.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { parseKeyFileText, printableFingerprint, unlockKey, verifyReplacement } from '../../core/keys';
import { browserTestsEnabled, makeTempDir } from './harness';
import { axeViolations } from './axe';
import { openApp } from './workflow-steps';
import arBundle from '../../locales/ar/bundle.json';
import arSigning from '../../locales/ar/signing.json';
import enBundle from '../../locales/en/bundle.json';
import enSigning from '../../locales/en/signing.json';
import { chooseFile } from './file-choice';

let cleanups: Array<() => Promise<unknown>> = [];
const PASS = 'a workshop passphrase';
const NEW_PASS = 'another workshop passphrase';

/** A key made the way another tool would: `openssl genpkey -algorithm ed25519`, and its fingerprint per openssl. */
async function opensslKey(dir: string): Promise<{ file: string; fingerprint: string }> {
  const file = path.join(dir, 'focal-point.pem');
  execFileSync('openssl', ['genpkey', '-algorithm', 'ed25519', '-out', file]);
  const der = execFileSync('openssl', ['pkey', '-in', file, '-pubout', '-outform', 'DER']);
  return { file, fingerprint: createHash('sha256').update(der).digest('hex') };
}

async function saveDownload(download: Download, dir: string): Promise<string> {
  const target = path.join(dir, download.suggestedFilename());
  await download.saveAs(target);
  return target;
}

const printed = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim();

describe.skipIf(!browserTestsEnabled)('signing key: import, backup, replace (Chromium)', { timeout: 300_000 }, () => {
  beforeEach(() => {
    cleanups = [];
  });

  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  it('imports an openssl key, saves a backup that opens anywhere, and replaces the key with a signed statement', async () => {
    const work = await makeTempDir('signing-key-e2e');
    cleanups.push(work.remove);
    const { file: pemFile, fingerprint } = await opensslKey(work.path);
    const publicPem = path.join(work.path, 'public.pem');
    execFileSync('openssl', ['pkey', '-in', pemFile, '-pubout', '-out', publicPem]);
    const { page } = await openApp(cleanups, 'en');

    await page.getByRole('link', { name: enSigning.nav.signingKey, exact: true }).click();
    await page.locator('#import-file').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // A public key is not a key that can sign: the refusal says what is accepted.
    await chooseFile(page, page.locator('#import-file'), publicPem);
    await page.getByLabel(enSigning.import.passphrase, { exact: true }).fill(PASS);
    await page.getByRole('button', { name: enSigning.import.submit }).click();
    await page.getByText(enBundle.errors.keyNotPkcs8.replace('{{kind}}', 'PUBLIC KEY')).waitFor();

    await chooseFile(page, page.locator('#import-file'), pemFile);
    await page.getByRole('button', { name: enSigning.import.submit }).click();
    await page.getByText(enSigning.import.done).waitFor({ timeout: 60_000 });
    expect(await printed(page, 'fingerprint')).toBe(printableFingerprint(fingerprint));
    // The web host has no OS keychain: the screen says the passphrase alone protects the key.
    expect(await printed(page, 'keychain-status')).toBe(enSigning.key.keychainUnavailable);
    expect(await axeViolations(page)).toEqual([]);

    // Backup: a download named after the fingerprint, sealed by the passphrase alone.
    await page.getByLabel(enSigning.backup.passphrase, { exact: true }).fill(PASS);
    const backupDownload = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: enSigning.backup.submit, exact: true }).click();
    const backupFile = await saveDownload(await backupDownload, work.path);
    expect(path.basename(backupFile)).toBe(`scsa-key-${fingerprint.slice(0, 8)}.json`);
    const backup = parseKeyFileText(await fs.readFile(backupFile, 'utf8'));
    expect(backup.wrapping).toEqual([]);
    expect((await unlockKey(backup, PASS)).fingerprint).toBe(fingerprint);
    await page.getByText(enSigning.backup.done.replace('{{file}}', path.basename(backupFile))).waitFor();

    // Replace: the old key signs the statement; both fingerprints are on the page and the print sheet.
    await page.getByLabel(enSigning.replace.oldPassphrase, { exact: true }).fill(PASS);
    await page.getByLabel(enSigning.replace.newPassphrase, { exact: true }).fill(NEW_PASS);
    await page.getByLabel(enSigning.replace.confirm, { exact: true }).fill(NEW_PASS);
    await page.getByRole('button', { name: enSigning.replace.submit }).click();
    await page.getByText(enSigning.replace.done).waitFor({ timeout: 60_000 });
    const newPrintable = await printed(page, 'fingerprint');
    expect(newPrintable).not.toBe(printableFingerprint(fingerprint));
    expect(await printed(page, 'old-fingerprint')).toBe(printableFingerprint(fingerprint));
    const sheet = (await page.locator('.signing-print').textContent()) ?? '';
    expect(sheet).toContain(printableFingerprint(fingerprint));
    expect(sheet).toContain(newPrintable);
    const statementDownload = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: enSigning.replace.download }).click();
    const statementFile = await saveDownload(await statementDownload, work.path);
    const statement = verifyReplacement(JSON.parse(await fs.readFile(statementFile, 'utf8')));
    expect(statement.oldFingerprint).toBe(fingerprint);
    expect(printableFingerprint(statement.newFingerprint)).toBe(newPrintable);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('in Arabic, right to left: imports a key, says a wrong passphrase in Arabic, replaces the key by keyboard alone; no axe violations', async () => {
    const work = await makeTempDir('signing-key-e2e-ar');
    cleanups.push(work.remove);
    const { file: pemFile, fingerprint } = await opensslKey(work.path);
    const { page } = await openApp(cleanups, 'ar');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');

    await page.getByRole('link', { name: arSigning.nav.signingKey, exact: true }).click();
    await chooseFile(page, page.locator('#import-file'), pemFile);
    await page.getByLabel(arSigning.import.passphrase, { exact: true }).fill(PASS);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: arSigning.import.submit }).click();
    await page.getByText(arSigning.import.done).waitFor({ timeout: 60_000 });
    // Hex digits stay left to right inside the Arabic page.
    expect(await printed(page, 'fingerprint')).toBe(printableFingerprint(fingerprint));
    expect(await page.getByTestId('fingerprint').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    expect(await printed(page, 'keychain-status')).toBe(arSigning.key.keychainUnavailable);

    await page.getByLabel(arSigning.backup.passphrase, { exact: true }).fill('not the passphrase');
    await page.getByRole('button', { name: arSigning.backup.submit, exact: true }).click();
    await page.getByText(arBundle.errors.wrongPassphrase).waitFor({ timeout: 60_000 });
    expect(await axeViolations(page)).toEqual([]);

    // Keyboard only: the replace form in tab order, submitted with Enter.
    await page.getByLabel(arSigning.replace.oldPassphrase, { exact: true }).focus();
    await page.keyboard.type(PASS);
    await page.keyboard.press('Tab');
    await page.keyboard.type(NEW_PASS);
    await page.keyboard.press('Tab');
    await page.keyboard.type(NEW_PASS);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(arSigning.replace.submit);
    await page.keyboard.press('Enter');
    await page.getByText(arSigning.replace.done).waitFor({ timeout: 60_000 });
    expect(await printed(page, 'old-fingerprint')).toBe(printableFingerprint(fingerprint));
    expect(await axeViolations(page)).toEqual([]);
  });
});
