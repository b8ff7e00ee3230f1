/**
 * Steps of internal review as users take them in the app, shared by the end-to-end tests: the focal
 * point sends a review copy from an assessment, a reviewer opens it from the home screen, comments,
 * suggests, gives a verdict and returns the reply. Files travel as the browser's downloads.
 */
import path from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';
import { chooseFile } from './file-choice';

async function saved(download: Download, dir: string): Promise<string> {
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

/** Go to a screen of the app by its address (only the hash changes; the page stays). */
export async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

export interface SendSpec {
  institution: string;
  name?: string;
  /** Section ids; all sections when left out. */
  sections?: string[];
  /** YYYY-MM-DD (the date field takes it in any interface language). */
  dueDate?: string;
  message?: string;
  withAttachments?: boolean;
}

/**
 * From the assessment `id`: its reviews screen, "Send for review", the dialog filled in, the copy
 * made and downloaded into `dir`. Answers the saved copy's path.
 */
export async function sendForReview(page: Page, id: string, spec: SendSpec, dir: string): Promise<string> {
  await goTo(page, `#/a/${id}/reviews`);
  const open = page.locator('#send-for-review');
  await open.and(page.locator(':enabled')).waitFor();
  await open.click();
  await page.locator('#send-institution').fill(spec.institution);
  if (spec.name) await page.locator('#send-person').fill(spec.name);
  if (spec.sections) {
    await page.locator('input[name="scope"][value="some"]').check();
    for (const s of spec.sections) await page.locator(`#send-section-${s}`).check();
  }
  if (spec.dueDate) await page.locator('#send-due').fill(spec.dueDate);
  if (spec.message) await page.locator('#send-message').fill(spec.message);
  if (spec.withAttachments === false) await page.locator('#send-attachments').uncheck();
  const download = page.waitForEvent('download');
  await page.locator('#send-submit').click();
  const file = await saved(await download, dir);
  await page.locator('.reviews__sent').waitFor();
  return file;
}

export interface ReviewSpec {
  /** Who reviews (the copy names the institution and perhaps the person already). */
  name?: string;
  title?: string;
  institution?: string;
  comments?: Array<{ itemId: string; text: string }>;
  /**
   * Suggested changes: `text` for items answered in a text field, or `edit` to work the item's own
   * widget (inside the suggestion editor); `note` says why.
   */
  suggestions?: Array<{ itemId: string; text?: string; edit?: (editor: Locator) => Promise<void>; note?: string }>;
  verdict: 'no_objection' | 'comments' | 'changes_requested';
  note?: string;
}

/** The item's card in reviewer mode, its section unfolded when it was not asked about. */
export async function reviewItem(page: Page, itemId: string): Promise<Locator> {
  const card = page.locator(`[data-review-item="${itemId}"]`);
  if ((await card.count()) === 0) {
    await page.locator('details.reviewer-section--other:not([open]) > summary').evaluateAll((summaries) => summaries.forEach((s) => (s as HTMLElement).click()));
  }
  await card.waitFor();
  return card;
}

/** From the home screen: "Open a review copy…" with `file`; ends in reviewer mode. */
export async function openReviewCopy(page: Page, file: string): Promise<void> {
  await goTo(page, '#/');
  await chooseFile(page, page.locator('#open-review-copy'), file);
  await page.locator('.reviewer-verdict').waitFor();
}

/**
 * A reviewer's whole part: open the copy, comment and suggest as `spec` says, set the verdict,
 * return the reply (downloaded into `dir`). Answers the reply file's path.
 */
export async function reviewAndReturn(page: Page, copy: string, spec: ReviewSpec, dir: string): Promise<string> {
  await openReviewCopy(page, copy);
  for (const c of spec.comments ?? []) {
    const card = await reviewItem(page, c.itemId);
    await card.locator('.reviewer-item__comment').click();
    await card.locator('.reviewer-comment__text').fill(c.text);
    await card.locator('.reviewer-comment__add').click();
    await card.locator('.reviewer-note__text', { hasText: c.text }).waitFor();
  }
  for (const s of spec.suggestions ?? []) {
    const card = await reviewItem(page, s.itemId);
    await card.locator('.reviewer-item__suggest').click();
    const editor = card.locator('.reviewer-suggest');
    if (s.text !== undefined) await editor.locator(`#rv-${s.itemId.replaceAll('.', '_')}-suggest-input`).fill(s.text);
    if (s.edit) await s.edit(editor);
    if (s.note) await editor.locator('.reviewer-suggest__note').fill(s.note);
    await editor.locator('.reviewer-suggest__save').click();
    await card.locator('.reviewer-suggestion').waitFor();
  }
  if (spec.name !== undefined) await page.locator('#reviewer-name').fill(spec.name);
  if (spec.title !== undefined) await page.locator('#reviewer-title').fill(spec.title);
  if (spec.institution !== undefined) await page.locator('#reviewer-institution').fill(spec.institution);
  await page.locator(`input[name="verdict"][value="${spec.verdict}"]`).check();
  if (spec.note) await page.locator('#verdict-note').fill(spec.note);
  const download = page.waitForEvent('download');
  await page.locator('#return-review').click();
  const file = await saved(await download, dir);
  await page.locator('.reviewer-verdict .success').waitFor();
  return file;
}
