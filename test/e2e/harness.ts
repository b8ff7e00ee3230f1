/**
 * Shared pieces of the end-to-end tests: build if needed, a fresh data folder per test, the web host
 * as a child process, and Debian's Chromium through playwright-core with a fresh profile.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach } from 'vitest';
import { setLogSink } from '../../core/log';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const HOST_ENTRY = path.join(ROOT, 'dist', 'web-host', 'host.cjs');
export const CLI_ENTRY = path.join(ROOT, 'dist', 'cli', 'scsa.cjs');

const BUILT_MARKERS = [HOST_ENTRY, CLI_ENTRY, path.join(ROOT, 'dist', 'renderer', 'index.html')];

/** Build dist/ once if any output the tests run is missing (`npm test` has built it already). */
export async function ensureBuilt(): Promise<void> {
  if (BUILT_MARKERS.every((f) => existsSync(f))) return;
  // Two test workers may get here at once: a folder made with mkdir is the lock.
  const lock = path.join(ROOT, 'dist', '.build-lock');
  await fs.mkdir(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      await fs.mkdir(lock);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
      if (BUILT_MARKERS.every((f) => existsSync(f))) return;
    }
  }
  try {
    if (BUILT_MARKERS.every((f) => existsSync(f))) return;
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--quiet'], { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`build failed:\n${run.stderr}`);
  } finally {
    await fs.rm(lock, { recursive: true, force: true });
  }
}

/** A new empty folder under the system temp folder, and a way to remove it. */
export async function makeTempDir(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `scsa-${prefix}-`));
  return { path: dir, remove: () => fs.rm(dir, { recursive: true, force: true, maxRetries: 3 }) };
}

export interface RunningHost {
  url: string;
  origin: string;
  port: number;
  token: string;
  child: ChildProcess;
  /** Everything the host wrote to stderr so far. */
  stderr(): string;
  /** SIGTERM, then wait for exit; resolves with the exit code. */
  stop(): Promise<number | null>;
}

const URL_LINE = /^http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]{64})$/;

/** Start `node dist/web-host/host.cjs --port 0 --data DIR` and read its URL from the first stdout line. */
export async function startHost(dataDir: string, extraArgs: readonly string[] = []): Promise<RunningHost> {
  await ensureBuilt();
  const child = spawn(process.execPath, [HOST_ENTRY, '--port', '0', '--data', dataDir, ...extraArgs], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      lines.close();
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`web host exited (${code}) before printing its URL:\n${err}`)));
  });
  const match = URL_LINE.exec(first);
  if (!match) {
    child.kill('SIGKILL');
    throw new Error(`unexpected first line from the web host: ${JSON.stringify(first)}`);
  }
  const port = Number(match[1]);
  return {
    url: first,
    origin: `http://127.0.0.1:${port}`,
    port,
    token: match[2] as string,
    child,
    stderr: () => err,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/**
 * Browser tests run when Chromium is there. Without it they are skipped on a developer's machine,
 * but under CI=true they run anyway and fail loudly: CI must never pass by skipping them.
 */
export const browserTestsEnabled = existsSync(CHROMIUM_PATH) || process.env.CI === 'true';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Headless Chromium with its own fresh profile folder, removed on close. */
export async function openBrowser(): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH} (apt-get install chromium); end-to-end tests cannot run`);
  }
  const { chromium } = await import('playwright-core');
  const profile = await makeTempDir('profile');
  const context = await chromium.launchPersistentContext(profile.path, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close().catch(() => undefined);
      await profile.remove();
    },
  };
}

/** Once the app has loaded, switch it to `lng` (saved by the core) and wait until the page shows it. */
export async function useLanguage(page: Page, lng: string): Promise<void> {
  await page.locator('#language-picker').waitFor();
  if (lng !== 'en') {
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/setLanguage'));
    await page.selectOption('#language-picker', lng);
    await saved;
  }
  await page.waitForFunction((l) => document.documentElement.lang === l, lng);
}

/**
 * Register, in the calling suite, undo steps for each test (browsers to close, hosts to stop): push
 * them on the returned list; they run last first after the test. The core's log is silent during
 * the test and written to stderr again after.
 */
export function cleanupsEachTest(): Array<() => Promise<unknown>> {
  const cleanups: Array<() => Promise<unknown>> = [];
  beforeEach(() => {
    cleanups.length = 0;
    setLogSink(null);
  });
  afterEach(async () => {
    while (cleanups.length) await (cleanups.pop() as () => Promise<unknown>)();
    setLogSink((line) => process.stderr.write(line + '\n'));
  });
  return cleanups;
}
