// A large attachment goes through export and verification as a stream: memory stays flat.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { ingestAttachment } from '../../../core/store/attachments';
import { exportBundle, verifyBundle } from '../../../core/bundle';
import { makeFixture, type Fixture } from './fixture';

const SIZE = 128 * 1024 * 1024;
let f: Fixture;
let big: { sha256: string; name: string; size: number; mediaType: string };

beforeAll(async () => {
  f = await makeFixture([]);
  // Written in 1 MiB pieces of random (incompressible) bytes, never whole in memory.
  const source = path.join(f.dir, 'big.bin');
  const out = createWriteStream(source);
  for (let written = 0; written < SIZE; written += 1024 * 1024) {
    if (!out.write(randomBytes(1024 * 1024))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  big = await ingestAttachment(f.attachmentsDir, createReadStream(source), { name: 'survey-video.mp4', mediaType: 'video/mp4', maxBytes: SIZE });
  await fs.rm(source);
});
afterAll(async () => {
  await fs.rm(f.dir, { recursive: true, force: true });
});

/** Highest resident memory seen while `work` runs, above what it was when it started. */
async function peakGrowth(work: () => Promise<unknown>): Promise<number> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().rss) - base;
}

it('a 128 MiB attachment is exported and verified with memory far below its size', async () => {
  const draft = { ...f.draft, attachments: [big], answers: { ...f.draft.answers, 'C.3': { files: [big.sha256], links: [] } } };
  let file = '';
  const exportGrowth = await peakGrowth(async () => {
    file = (await exportBundle(f.options({ draft }))).file;
  });
  expect((await fs.stat(file)).size).toBeGreaterThan(SIZE);
  let status = '';
  const verifyGrowth = await peakGrowth(async () => {
    status = (await verifyBundle(file)).status;
  });
  expect(status).toBe('valid-unregistered');
  expect(exportGrowth).toBeLessThan(SIZE / 4);
  expect(verifyGrowth).toBeLessThan(SIZE / 4);
});
