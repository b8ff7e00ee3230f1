import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DraftStore, type DraftStoreOptions } from '../../../core/store/draft-store';
import { loadSamplePack } from '../../../core/checklist/sample';
import { setLogSink } from '../../../core/log';

export const pack = loadSamplePack().pack;

export async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'scsa-store-'));
}

export function makeStore(dataDir: string, extra: Partial<DraftStoreOptions> = {}): DraftStore {
  return new DraftStore({ dataDir, snapshotIntervalMs: 0, ...extra });
}

/** A controllable clock: each call advances by `stepMs`. */
export function steppingClock(start = '2026-06-01T08:00:00.000Z', stepMs = 1000): () => Date {
  let t = Date.parse(start);
  return () => new Date((t += stepMs));
}

export function quietLogs(): void {
  setLogSink(null);
}
