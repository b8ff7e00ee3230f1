/** Steps the secretariat's end-to-end tests share: registering a key, moving between its screens. */
import type { Page } from 'playwright-core';
import { chooseFile } from './file-choice';
import type enText from '../../locales/en/secretariat.json';

export type SecretariatText = typeof enText;

/** The fingerprint as a person types it from the letter: groups of eight, capitals. */
export const typed = (fp: string) => fp.toUpperCase().replace(/(.{8})(?=.)/g, '$1 ');

export async function registerKey(page: Page, t: SecretariatText, pem: string, country: string, fingerprint: string): Promise<void> {
  await chooseFile(page, page.locator('#add-key-pem'), pem);
  await page.selectOption('#add-key-country', country);
  await page.fill('#add-key-fingerprint', fingerprint);
  await page.getByRole('button', { name: t.app.addKey.submit, exact: true }).click();
}

export async function go(page: Page, t: SecretariatText, view: 'registry' | 'import' | 'submissions' | 'countersign' | 'analysis'): Promise<void> {
  await page.getByRole('navigation', { name: t.app.navLabel }).getByRole('link', { name: t.app.nav[view], exact: true }).click();
}
