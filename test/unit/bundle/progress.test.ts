// Export and verification tell a progress display how far they are, without flooding it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { exportBundle, verifyBundle } from '../../../core/bundle';
import { progressMeter } from '../../../core/bundle/progress';
import { makeFixture, type Fixture } from './fixture';

const MIB = 1024 * 1024;
let f: Fixture;

beforeAll(async () => {
  f = await makeFixture([
    { name: 'survey.mp4', mediaType: 'video/mp4', bytes: randomBytes(5 * MIB) },
    { name: 'notes.txt', mediaType: 'text/plain', bytes: Buffer.from('Marche exploratoire, quartier nord.\n'.repeat(4000)) },
    { name: 'map.png', mediaType: 'image/png', bytes: randomBytes(3 * MIB + 17) },
  ]);
});
afterAll(async () => {
  await fs.rm(f.dir, { recursive: true, force: true });
});

type Call = [number, number];

/** The calls make sense for a progress bar: one total, never going back, ending exactly at the total. */
function expectWellFormed(calls: Call[], total: number): void {
  expect(calls.length).toBeGreaterThan(1);
  for (const [done, all] of calls) {
    expect(all).toBe(total);
    expect(done).toBeGreaterThanOrEqual(0);
    expect(done).toBeLessThanOrEqual(total);
  }
  for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThan(calls[i - 1]![0]);
  expect(calls.at(-1)).toEqual([total, total]);
}

describe('export progress', () => {
  it('counts every payload byte, ends at the total once the bundle is in place, and is throttled', async () => {
    const calls: Call[] = [];
    let fileExistedAtEnd = false;
    const result = await exportBundle(
      f.options({
        out: `${f.dir}/out/progress.zip`,
        onProgress: (done, total) => {
          calls.push([done, total]);
          if (done === total) fileExistedAtEnd = true;
        },
      }),
    );
    // Payload-Oxum's octet count is exactly the payload bytes: submission.json, the PDF, the attachments.
    const payloadBytes = Number(result.payloadOxum.split('.')[0]);
    expectWellFormed(calls, payloadBytes);
    expect(fileExistedAtEnd && (await fs.stat(result.file)).isFile()).toBe(true);
    // 8 MiB read in 1 MiB pieces or less: never more than one call per MiB, plus the final one.
    expect(calls.length).toBeLessThanOrEqual(Math.ceil(payloadBytes / MIB) + 1);
  });

  it('a progress callback that throws does not fail the export', async () => {
    const result = await exportBundle(
      f.options({
        out: `${f.dir}/out/throwing.zip`,
        onProgress: () => {
          throw new Error('display gone');
        },
      }),
    );
    expect((await verifyBundle(result.file)).status).toBe('valid-unregistered');
  });
});

describe('verify progress', () => {
  it('counts every payload byte hashed and ends at the total for a valid bundle', async () => {
    const result = await exportBundle(f.options({ out: `${f.dir}/out/for-verify.zip` }));
    const calls: Call[] = [];
    const verdict = await verifyBundle(result.file, { onProgress: (done, total) => void calls.push([done, total]) });
    expect(verdict.status).toBe('valid-unregistered');
    expectWellFormed(calls, Number(result.payloadOxum.split('.')[0]));
  });
});

describe('progressMeter', () => {
  it('reports many small pieces a bounded number of times', () => {
    const calls: Call[] = [];
    const total = 1000 * 64 * 1024;
    const meter = progressMeter(total, (d, t) => void calls.push([d, t]));
    for (let i = 0; i < 1000; i++) meter.add(64 * 1024);
    meter.finish();
    meter.finish();
    expectWellFormed(calls, total);
    expect(calls.length).toBeLessThanOrEqual(Math.ceil(total / MIB) + 1);
    expect(calls.length).toBeGreaterThan(10);
  });

  it('reports an empty operation once, as complete', () => {
    const calls: Call[] = [];
    const meter = progressMeter(0, (d, t) => void calls.push([d, t]));
    meter.finish();
    expect(calls).toEqual([[0, 0]]);
  });
});
