// Export streams attachments: a 300 MiB attachment adds a few MiB of memory, not hundreds.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { promises as fs, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { exportBundle } from '../../../core/bundle';
import type { AttachmentRef } from '../../../core/draft/schema';
import { makeFixture, type Fixture } from './fixture';

const SIZE = 300 * 1024 * 1024;
const LIMIT = 64 * 1024 * 1024;
let f: Fixture;
let big: AttachmentRef;

beforeAll(async () => {
  f = await makeFixture([]);
  // A sparse file: 300 MiB of zeros that take no disk and read at memory speed. Stored (video), not
  // deflated, so every byte goes through the read → hash → zip → disk path.
  const zeros = Buffer.alloc(1024 * 1024);
  const hash = createHash('sha256');
  for (let i = 0; i < SIZE / zeros.length; i++) hash.update(zeros);
  const sha256 = hash.digest('hex');
  const file = path.join(f.attachmentsDir, sha256);
  await fs.mkdir(f.attachmentsDir, { recursive: true });
  await fs.writeFile(file, '');
  await fs.truncate(file, SIZE);
  big = { sha256, name: 'walk-through.mp4', size: SIZE, mediaType: 'video/mp4' };
});
afterAll(async () => {
  await fs.rm(f.dir, { recursive: true, force: true });
});

const rss = () => process.memoryUsage().rss;

/** Highest resident memory while `work` runs, above what it was just before (Linux: the kernel's own peak). */
async function growth(work: () => Promise<unknown>): Promise<number> {
  const before = rss();
  let kernelPeak = false;
  try {
    writeFileSync('/proc/self/clear_refs', '5'); // resets VmHWM to the current resident size
    kernelPeak = true;
  } catch {
    // Not Linux (or not allowed): sample instead.
  }
  let sampled = before;
  const timer = setInterval(() => (sampled = Math.max(sampled, rss())), 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  const hwm = kernelPeak ? Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024 : 0;
  return Math.max(sampled, rss(), hwm) - before;
}

it('exporting a 300 MiB attachment grows memory by less than 64 MiB', async () => {
  const draft = { ...f.draft, attachments: [big], answers: { ...f.draft.answers, 'C.3': { files: [big.sha256], links: [] } } };
  let file = '';
  const grew = await growth(async () => {
    file = (await exportBundle(f.options({ draft }))).file;
  });
  expect((await fs.stat(file)).size).toBeGreaterThan(SIZE);
  expect(grew).toBeLessThan(LIMIT);
});
