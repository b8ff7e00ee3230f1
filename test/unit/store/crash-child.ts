// Child process for the crash test: opens an assessment and saves an ever-increasing draft in a loop,
// printing "ack <revision>" only after each save has resolved. The parent SIGKILLs it at random.
import { DraftStore } from '../../../core/store/draft-store';
import { setLogSink } from '../../../core/log';

async function main(): Promise<void> {
  setLogSink(null);
  const [dataDir, id] = process.argv.slice(2);
  if (!dataDir || !id) throw new Error('usage: crash-child DATA_DIR ID');
  const store = new DraftStore({ dataDir, snapshotIntervalMs: 0 });
  let { draft } = await store.open(id);
  process.stdout.write(`open ${draft.revision}\n`);
  for (;;) {
    const next = draft.revision + 1;
    // The text length varies so that a torn write would show as a truncated or mixed file.
    draft = await store.save({
      ...draft,
      answers: { ...draft.answers, 'A.1': `rev-${next}`, 'B.3': 'x'.repeat((next * 7919) % 5000), 'B.4': next % 100 },
    });
    process.stdout.write(`ack ${draft.revision}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`crash-child failed: ${String(err)}\n`);
  process.exit(3);
});
