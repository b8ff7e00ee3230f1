// Headless Chromium for the benchmarks, started the way the end-to-end tests start it.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { Skip } from './harness';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Skip(`no Chromium at ${CHROMIUM_PATH}`);
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch {
    throw new Skip('playwright-core is not installed');
  }
  return playwright.chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
}
