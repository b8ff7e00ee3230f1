// Benchmark 1: the draft store with a 300-item fully answered draft. Save latency of small changes
// against a bare writeFile + fsync of the same bytes, and the time to open the draft.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DraftStore } from '../core/store';
import { serializeDraft } from '../core/store/read';
import type { Draft } from '../core/draft/schema';
import { bigPack, fullDraft, ITEM_COUNT } from './lib/fixture';
import { runBench } from './lib/harness';
import { kib, ms, msSince, percentile, ratio } from './lib/stats';

const SAVES = 200;
const OPENS = 20;
const SAVE_P95_TARGET = 20;
const OPEN_TARGET = 100;

/** What a plain program would do to write the same bytes durably: write, fsync, close. */
async function bareWrite(file: string, bytes: string): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

interface SaveRun {
  saveMs: number[];
  bareMs: number[];
  last: Draft;
}

/** SAVES one-word changes through a DraftStore in `dataDir`, each followed by a bare write of the same bytes. */
async function saveRun(dataDir: string, id: string): Promise<SaveRun> {
  const loaded = bigPack();
  const { pack } = loaded;
  const full = fullDraft(loaded, 'en', id);
  const store = new DraftStore({ dataDir });
  await store.create(full.assessment, pack, full.id);
  let current: Draft = await store.save(full);
  const textItems = pack.sections.flatMap((s) => s.items).filter((i) => i.type === 'longtext').map((i) => i.id);
  // Small changes: one long-text answer gets one more word per save, as autosave would after a pause in typing.
  const saveMs: number[] = [];
  const bareMs: number[] = [];
  const bareFile = path.join(dataDir, 'bare.json');
  for (let i = 0; i < SAVES; i++) {
    const itemId = textItems[i % textItems.length] as string;
    const next: Draft = { ...current, answers: { ...current.answers, [itemId]: `${String(current.answers[itemId])} w${i}` } };
    const t0 = process.hrtime.bigint();
    current = await store.save(next);
    saveMs.push(msSince(t0));
    const bytes = serializeDraft(current);
    const t1 = process.hrtime.bigint();
    await bareWrite(bareFile, bytes);
    bareMs.push(msSince(t1));
  }
  await store.close(current.id);
  return { saveMs, bareMs, last: current };
}

runBench('store', `Draft store (${ITEM_COUNT}-item fully answered draft)`, async (r) => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-bench-store-'));
  // tmpfs, where fsync costs nothing: what is left of a save there is the store's own work.
  const memDir = await fs.mkdtemp('/dev/shm/scsa-bench-store-').catch(() => null);
  try {
    const { saveMs, bareMs, last: current } = await saveRun(dataDir, 'bench-store');
    const mem = memDir ? await saveRun(memDir, 'bench-store-mem') : null;
    const size = Buffer.byteLength(serializeDraft(current));
    // The JSON text alone, no disk: what a save cost in CPU before the store kept each answer's bytes.
    const jsonMs: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = process.hrtime.bigint();
      serializeDraft(current);
      jsonMs.push(msSince(t0));
    }

    const openMs: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      const reader = new DraftStore({ dataDir });
      const t0 = process.hrtime.bigint();
      const opened = await reader.open(current.id);
      openMs.push(msSince(t0));
      if (opened.draft.revision !== current.revision) throw new Error(`opened revision ${opened.draft.revision}, saved ${current.revision}`);
      await reader.close(current.id);
    }

    const p = (v: number[], q: number) => percentile(v, q);
    const row = (name: string, v: number[]) => [name, ms(p(v, 50)), ms(p(v, 95)), ms(p(v, 100))];
    r.tables.push({
      title: `draft file ${kib(size)} KiB, ${ITEM_COUNT} answers; ${SAVES} saves of a one-word change, ${OPENS} opens`,
      head: ['operation', 'p50 ms', 'p95 ms', 'max ms'],
      rows: [
        row('DraftStore.save', saveMs),
        row('writeFile + fsync (same bytes)', bareMs),
        ['save / bare', ratio(p(saveMs, 50) / p(bareMs, 50)), ratio(p(saveMs, 95) / p(bareMs, 95)), ''],
        ...(mem ? [row('DraftStore.save on tmpfs (no disk)', mem.saveMs), row('writeFile + fsync on tmpfs', mem.bareMs)] : []),
        row('serializeDraft only (no IO)', jsonMs),
        row('DraftStore.open', openMs),
      ],
    });
    r.checks.push({ what: 'save p95', value: `${ms(p(saveMs, 95))} ms`, target: `< ${SAVE_P95_TARGET} ms`, pass: p(saveMs, 95) < SAVE_P95_TARGET });
    r.checks.push({ what: 'open p50', value: `${ms(p(openMs, 50))} ms`, target: `< ${OPEN_TARGET} ms`, pass: p(openMs, 50) < OPEN_TARGET });
    r.notes.push(
      'A save checks the draft (the metadata with the schema, each answer that is not the very object the store last wrote with the answer schema), writes a temp file, fsyncs it, renames it over the draft and fsyncs the folder; a history snapshot is taken at most once a minute (the default), so one of these saves wrote a snapshot.',
      'The store keeps the UTF-8 bytes of each answer it last wrote, so a save re-serialises only the changed answers (core/store/save-plan.ts); "serializeDraft only" is the CPU a save spent on JSON before that.',
      `Open = a new DraftStore opening the assessment: lock, stale temp-file sweep, read, parse, schema check, history listing (${OPENS} runs).`,
    );
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
    if (memDir) await fs.rm(memDir, { recursive: true, force: true });
  }
});
