// A review copy handed to the desktop app by the system (file association): the real main process,
// started against the fake `electron` module with a copy on its command line, then given others by a
// second launch and by macOS's open-file event.
import { promises as fs, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setLogSink } from '../../core/log';
import { writeReviewCopy } from '../../core/review/copy-file';
import { reviewCopyArg } from '../../electron/main/open-review';
import { request } from '../unit/review/fixture';
import { fake, preventableEvent } from './fake-electron';

vi.hoisted(() => {
  process.env.ELECTRON_OVERRIDE_DIST_PATH = '/nonexistent-electron';
});
vi.mock('electron', async () => {
  const { electronModule } = await import('./fake-electron');
  return { ...electronModule, default: electronModule };
});

const root = path.resolve(__dirname, '../..');
const APP_URL = 'app://bundle/index.html';
let tmp = '';
const first = request(undefined, { reviewId: '3f0c5a8e-6a1f-4d3b-9c7e-2b1a0d9e8f71' });
const second = request(undefined, { reviewId: '7d2e9b40-1c3a-4f5e-8a6b-0c9d8e7f6a52', to: { institution: 'وزارة المالية' } });

/** The screen the window shows once the main process has dealt with a copy. */
async function shown(): Promise<string | null> {
  await vi.waitFor(() => {
    if (!fake.windows[0]?.loadedUrl?.includes('#')) throw new Error('not yet');
  });
  return fake.windows[0]?.loadedUrl ?? null;
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-open-review-'));
  await fs.mkdir(path.join(tmp, 'data'));
  await writeReviewCopy(path.join(tmp, 'first.scsa-review'), first);
  await writeReviewCopy(path.join(tmp, 'second.scsa-review'), second);
  fake.appPath = root;
  fake.userData = path.join(tmp, 'data');
  setLogSink(null);
  // As the system starts the app for a double-clicked copy: its path after the program's.
  process.argv = [process.argv[0] as string, path.join(tmp, 'first.scsa-review')];
  const main = await import('../../electron/main/index');
  await main.started;
});

afterAll(async () => {
  setLogSink((line) => process.stderr.write(line + '\n'));
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('a review copy opened by the system', () => {
  it('finds the copy among command-line arguments, and nothing else', () => {
    expect(reviewCopyArg(['app', '--flag', 'x.scsa-review'], '/home/u')).toBe('/home/u/x.scsa-review');
    expect(reviewCopyArg(['app', 'notes.scsa.json'])).toBeNull();
    expect(reviewCopyArg(['x.scsa-review'])).toBeNull();
  });

  it('at first launch: keeps the copy in the data folder and shows reviewer mode', async () => {
    expect(await shown()).toBe(`${APP_URL}#/review/${first.reviewId}`);
    expect(existsSync(path.join(tmp, 'data', 'reviewing', first.reviewId, 'copy.scsa-review'))).toBe(true);
  });

  it('from a second launch: the running window shows the new copy', async () => {
    fake.windows[0]!.loadedUrl = null;
    fake.appEvents.emit('second-instance', {}, ['app', 'second.scsa-review'], tmp);
    expect(await shown()).toBe(`${APP_URL}#/review/${second.reviewId}`);
  });

  it("from macOS's open-file event; a file that is not a copy shows home with the reason", async () => {
    fake.windows[0]!.loadedUrl = null;
    const event = preventableEvent();
    fake.appEvents.emit('open-file', event, path.join(tmp, 'first.scsa-review'));
    expect(event.defaultPrevented()).toBe(true);
    expect(await shown()).toBe(`${APP_URL}#/review/${first.reviewId}`);

    const bogus = path.join(tmp, 'bogus.scsa-review');
    await fs.writeFile(bogus, 'not a zip');
    fake.windows[0]!.loadedUrl = null;
    fake.appEvents.emit('open-file', preventableEvent(), bogus);
    expect(await shown()).toBe(`${APP_URL}#/?reviewError=${encodeURIComponent('review:errors.notACopy')}`);
    expect(fake.windows).toHaveLength(1);
  });
});
