import type { Locator, Page } from 'playwright-core';

type Files = Parameters<Locator['setInputFiles']>[0];

/**
 * Choose a file as a user does: the app's file picker button opens the browser's file dialog (a
 * `filechooser` event here), which is given `files`. `press` opens it from the keyboard instead.
 */
export async function chooseFile(page: Page, button: Locator, files: Files, press?: 'Enter' | 'Space'): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  if (press) {
    await button.focus();
    await page.keyboard.press(press);
  } else await button.click();
  await (await chooser).setFiles(files);
}
