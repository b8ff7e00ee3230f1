type BundleJobStatus = { state: string; progress: number; error?: unknown; submission?: { size: number; fileName: string } };
// Exporting through the app keeps memory flat: a 256 MiB attachment streams into the kept bundle,
// the memory the export holds grows far less than that, and the renderer gets no bytes at all.
// Memory is measured live (after a full collection at each sample): resident size also counts garbage
// not yet collected, which varies by tens of MiB with the machine's load and made the check flaky.
import { randomBytes } from 'node:crypto';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../core/api/dispatch';
import { createCoreService, type CoreService } from '../../../core/api/service';
import type { ApiMethod } from '../../../core/api/contract';
import { FileSettingsStore } from '../../../core/settings/file-store';
import { setLogSink } from '../../../core/log';
import { memoryFile, pollJob, tempDir } from './harness';

const MIB = 1024 * 1024;
const ATTACHMENT_BYTES = 256 * MIB;
/**
 * What the attachment may add to an export's live memory: a few 1 MiB pieces in flight, zip and hash
 * state. The PDF report alone holds some 10 MiB, so the bound is taken over an export of the same
 * draft without the attachment, measured just before.
 */
const STREAMING_ALLOWANCE = 32 * MIB;
const PASS = 'correct horse battery';

let dir: string;
let service: CoreService;

async function ok<T>(method: ApiMethod, ...args: unknown[]): Promise<T> {
  const r = await dispatch(service.handlers, method, args);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

v8.setFlagsFromString('--expose-gc');
/** A full collection, so what is measured is memory the export holds, not garbage not yet collected. */
const collect = runInNewContext('gc') as () => void;
function live(): number {
  collect();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

async function exportAndWatch(id: string): Promise<{ status: BundleJobStatus; peak: number; raw: string; seen: number[] }> {
  let peak = live();
  const seen: number[] = [];
  const { jobId } = await ok<{ jobId: string }>('exportSubmission', id, PASS);
  for (;;) {
    peak = Math.max(peak, live());
    // The envelope as a transport would serialise it for the renderer.
    const reply = await pollJob<BundleJobStatus>((m, ...a) => dispatch(service.handlers, m, a), jobId);
    const status = (reply as { ok: true; value: BundleJobStatus }).value;
    seen.push(status.progress);
    if (status.state !== 'running') return { status, peak, raw: JSON.stringify(reply), seen };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeEach(async () => {
  setLogSink(null);
  dir = await tempDir('signing-memory');
  service = createCoreService({
    dataDir: dir,
    runtime: 'web',
    settings: new FileSettingsStore(dir),
    snapshotIntervalMs: 0,
    keyScrypt: { N: 2 ** 14, r: 8, p: 1 },
    maxAttachmentBytes: ATTACHMENT_BYTES + MIB,
  });
});

afterEach(async () => {
  await service.dispose();
  await fs.rm(dir, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

describe('export memory', () => {
  it('streams a 256 MiB attachment into the kept bundle with memory growth far below its size', { timeout: 120_000 }, async () => {
    await ok('createSigningKey', PASS);
    const opened = await ok<{ draft: { id: string } }>('openExample', 'en');
    const id = opened.draft.id;
    // A first export loads the fonts and the PDF code; a second one measures the report's own share.
    expect((await exportAndWatch(id)).status.state).toBe('done');
    const refBefore = live();
    const reference = (await exportAndWatch(id)).peak - refBefore;

    // Incompressible (random) and stored, like a video: every byte goes through.
    const piece = randomBytes(MIB);
    async function* content() {
      for (let i = 0; i < ATTACHMENT_BYTES / MIB; i++) yield piece;
    }
    await service.uploads.addAttachment(memoryFile(content(), 'survey.mp4', 'video/mp4'), id);

    const before = live();
    const { status, peak, raw, seen } = await exportAndWatch(id);
    expect(status.state, JSON.stringify(status.error)).toBe('done');
    expect(status.submission?.size).toBeGreaterThan(ATTACHMENT_BYTES);
    const kept = path.join(dir, 'submissions', id, status.submission?.fileName ?? '');
    expect((await fs.stat(kept)).size).toBe(status.submission?.size);
    const growth = peak - before;
    expect(growth, `grew ${(growth / MIB).toFixed(1)} MiB, ${(reference / MIB).toFixed(1)} MiB without the attachment`).toBeLessThan(Math.max(0, reference) + STREAMING_ALLOWANCE);
    expect(growth).toBeLessThan(ATTACHMENT_BYTES / 4);
    // The bar moves while the attachment streams, never backwards, and ends at 1.
    expect(seen.filter((p) => p > 0.15 && p < 0.95).length).toBeGreaterThan(0);
    expect(seen.every((p, i) => i === 0 || p >= (seen[i - 1] ?? 0))).toBe(true);
    expect(seen.at(-1)).toBe(1);
    // What the renderer receives is a few hundred characters, whatever the bundle's size.
    expect(raw.length).toBeLessThan(1024);
  });
});
