// Each signed export freezes the exported revision in the history: through the API, as the app uses it.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../core/api/dispatch';
import { createCoreService, type CoreService } from '../../../core/api/service';
import type { ApiMethod, HistoryEntryInfo } from '../../../core/api/contract';
import { openBag, readSmall } from '../../../core/bundle/zip-reader';
import { FileSettingsStore } from '../../../core/settings/file-store';
import { setLogSink } from '../../../core/log';
import { pollJob, tempDir } from './harness';

type Bundle = { fileName: string; submissionRevision: number; externalIdentifier: string };
type Job = { state: string; submission?: Bundle; error?: unknown };
type Opened = { draft: { id: string; revision: number; answers: Record<string, unknown> } };

const PASS = 'correct horse battery';
let dir: string;
let service: CoreService;

async function ok<T>(method: ApiMethod, ...args: unknown[]): Promise<T> {
  const r = await dispatch(service.handlers, method, args);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

async function exportDone(id: string): Promise<Bundle> {
  const { jobId } = await ok<{ jobId: string }>('exportSubmission', id, PASS);
  for (;;) {
    const polled = await pollJob<Job>((m, ...a) => dispatch(service.handlers, m, a), jobId);
    if (!polled.ok) throw new Error(JSON.stringify(polled.error));
    const job = polled.value;
    if (job.state !== 'running') {
      if (job.state !== 'done' || !job.submission) throw new Error(`export failed: ${JSON.stringify(job.error)}`);
      return job.submission;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The answers the secretariat receives: `data/submission.json` inside the kept bundle. */
async function bundleAnswers(id: string, bundle: Bundle): Promise<unknown> {
  const bag = await openBag(path.join(dir, 'submissions', id, bundle.fileName));
  try {
    const file = bag.files.get('data/submission.json');
    if (!file) throw new Error('no data/submission.json');
    return (JSON.parse((await readSmall(bag, file, 64 * 1024 * 1024)).toString('utf8')) as { answers: unknown }).answers;
  } finally {
    bag.zip.close();
  }
}

beforeEach(async () => {
  setLogSink(null);
  dir = await tempDir('submitted-history');
  service = createCoreService({ dataDir: dir, runtime: 'web', settings: new FileSettingsStore(dir), snapshotIntervalMs: 0, keyScrypt: { N: 2 ** 14, r: 8, p: 1 } });
});

afterEach(async () => {
  await service.dispose();
  await fs.rm(dir, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

describe('exported revisions in the history', () => {
  it('two exports are two submitted entries (revisions 1 and 2) holding exactly the bundles’ answers, restorable after the snapshots are gone', async () => {
    await ok('createSigningKey', PASS);
    const opened = await ok<Opened>('openExample', 'en');
    const id = opened.draft.id;
    const first = await exportDone(id);
    const textItem = Object.keys(opened.draft.answers).find((k) => typeof opened.draft.answers[k] === 'string') as string;
    await ok('saveAnswers', id, { [textItem]: 'Changed after the first submission.' });
    const second = await exportDone(id);
    expect([first.submissionRevision, second.submissionRevision]).toEqual([1, 2]);

    const history = await ok<HistoryEntryInfo[]>('listHistory', id);
    const submitted = history.filter((e) => e.submission).sort((a, b) => (a.submission?.submissionRevision ?? 0) - (b.submission?.submissionRevision ?? 0));
    expect(submitted.map((e) => e.submission)).toEqual([
      { submissionRevision: 1, externalIdentifier: first.externalIdentifier, exportedAt: expect.any(String) },
      { submissionRevision: 2, externalIdentifier: second.externalIdentifier, exportedAt: expect.any(String) },
    ]);
    const [one, two] = submitted as [HistoryEntryInfo, HistoryEntryInfo];
    expect(two.revision).toBeGreaterThan(one.revision);

    // As if retention had pruned them: only the submitted revisions remain to restore from.
    const historyDir = path.join(dir, 'assessments', id, 'history');
    for (const name of await fs.readdir(historyDir)) await fs.rm(path.join(historyDir, name));
    const listed = await ok<HistoryEntryInfo[]>('listHistory', id);
    expect(listed.map((e) => e.submission?.submissionRevision)).toEqual([2, 1]);

    const restoredOne = await ok<Opened>('restoreVersion', id, one.revision);
    expect(restoredOne.draft.answers).toEqual(await bundleAnswers(id, first));
    const restoredTwo = await ok<Opened>('restoreVersion', id, two.revision);
    expect(restoredTwo.draft.answers).toEqual(await bundleAnswers(id, second));
    expect(restoredTwo.draft.answers[textItem]).toBe('Changed after the first submission.');
  });

  it('a lost submission log does not make the next export reuse a submission revision', async () => {
    await ok('createSigningKey', PASS);
    const id = (await ok<Opened>('openExample', 'en')).draft.id;
    const first = await exportDone(id);
    await fs.rm(path.join(dir, 'submissions', `${id}.json`));
    const second = await exportDone(id);
    expect([first.submissionRevision, second.submissionRevision]).toEqual([1, 2]);
    expect(second.fileName).not.toBe(first.fileName);
  });

  it('when the revision cannot be frozen the export fails whole: no kept bundle, no count taken', async () => {
    await ok('createSigningKey', PASS);
    const id = (await ok<Opened>('openExample', 'en')).draft.id;
    // A file where the folder of frozen revisions belongs: the pin cannot be written.
    await fs.writeFile(path.join(dir, 'assessments', id, 'submitted'), 'in the way');
    await expect(exportDone(id)).rejects.toThrow(/export failed/);
    expect(await fs.readdir(path.join(dir, 'submissions', id)).catch(() => [])).toEqual([]);
    expect(await ok<unknown[]>('listSubmissions', id)).toEqual([]);
    await fs.rm(path.join(dir, 'assessments', id, 'submitted'));
    expect((await exportDone(id)).submissionRevision).toBe(1);
  });

  it('a bundle left uncounted by a crash does not block the next export with its name', async () => {
    await ok('createSigningKey', PASS);
    const id = (await ok<Opened>('openExample', 'en')).draft.id;
    const first = await exportDone(id);
    // As if the app had stopped after writing the bundle, before freezing and counting it.
    await fs.rm(path.join(dir, 'submissions', `${id}.json`));
    await fs.rm(path.join(dir, 'assessments', id, 'submitted'), { recursive: true });
    const second = await exportDone(id);
    expect(second.submissionRevision).toBe(first.submissionRevision + 1);
  });

  it('an export refused for a wrong passphrase freezes nothing', async () => {
    await ok('createSigningKey', PASS);
    const opened = await ok<Opened>('openExample', 'en');
    const r = await dispatch(service.handlers, 'exportSubmission', [opened.draft.id, 'not the passphrase']);
    if (r.ok) {
      const job = await (async () => {
        for (;;) {
          const p = await pollJob<Job>((m, ...a) => dispatch(service.handlers, m, a), (r.value as { jobId: string }).jobId);
          if (!p.ok) throw new Error(JSON.stringify(p.error));
          const j = p.value;
          if (j.state !== 'running') return j;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      expect(job.state).not.toBe('done');
    }
    const history = await ok<HistoryEntryInfo[]>('listHistory', opened.draft.id);
    expect(history.some((e) => e.submission)).toBe(false);
  });
});
