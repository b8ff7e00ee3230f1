// An assessment after its creation, through the API as the app uses it: what the home list says of it
// (progress, status), archiving, deleting into the trash and undoing it, and opening a file copy of an
// assessment that is already here (refused without a choice; replace; keep both, numbered apart).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssessmentSummary, CopyInspection } from '../../../core/api/contract';
import { dispatch } from '../../../core/api/dispatch';
import { createCoreService, type CoreService } from '../../../core/api/service';
import { FileSettingsStore } from '../../../core/settings/file-store';
import { setLogSink } from '../../../core/log';
import { META, SAMPLE, pollJob, tempDir } from './harness';

type Opened = { draft: { id: string; revision: number; answers: Record<string, unknown>; assessment: { countryCode: string } }; notices: Array<{ code: string; params?: Record<string, unknown> }> };
type Copy = { fileName: string; text: string };

const PASS = 'correct horse battery';
let dir: string;
let service: CoreService;

const call = (method: Parameters<typeof dispatch>[1], ...args: unknown[]) => dispatch(service.handlers, method, args);
async function ok<T>(method: Parameters<typeof dispatch>[1], ...args: unknown[]): Promise<T> {
  const r = await call(method, ...args);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
const list = () => ok<AssessmentSummary[]>('listAssessments');
const row = async (id: string) => (await list()).find((a) => a.id === id);

async function exportDone(id: string): Promise<{ submissionRevision: number; fileName: string }> {
  const { jobId } = await ok<{ jobId: string }>('exportSubmission', id, PASS);
  for (;;) {
    const polled = await pollJob<{ state: string; submission?: { submissionRevision: number; fileName: string } }>((m, ...a) => call(m, ...a), jobId);
    if (!polled.ok) throw new Error(JSON.stringify(polled.error));
    if (polled.value.state !== 'running') {
      if (!polled.value.submission) throw new Error(`export failed: ${JSON.stringify(polled.value)}`);
      return polled.value.submission;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

beforeEach(async () => {
  setLogSink(null);
  dir = await tempDir('assessment-life');
  service = createCoreService({ dataDir: dir, runtime: 'web', settings: new FileSettingsStore(dir), snapshotIntervalMs: 0, keyScrypt: { N: 2 ** 14, r: 8, p: 1 } });
});

afterEach(async () => {
  await service.dispose();
  await fs.rm(dir, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

describe('the home list', () => {
  it('gives each assessment its progress (answered of the items that apply) and says it is a draft', async () => {
    const { draft } = await ok<Opened>('createAssessment', META, SAMPLE);
    expect(await row(draft.id)).toMatchObject({ countryCode: 'FRA', progress: { answered: 0, relevant: 9 }, submission: null, archivedAt: null, copy: null });
    // B.2 applies only when B.1 is answered "partially" or "fully": answering B.1 adds one item that applies.
    await ok('saveAnswers', draft.id, { 'A.1': 'Ministère', 'B.1': 'partially' });
    expect((await row(draft.id))?.progress).toEqual({ answered: 2, relevant: 10 });
  });

  it('says "submitted, revision N on date" after an export, and "changed since" once an answer moves on', async () => {
    await ok('createSigningKey', PASS);
    const opened = await ok<Opened>('openExample', 'en');
    const id = opened.draft.id;
    const progress = (await row(id))?.progress;
    expect(progress?.answered).toBe(progress?.relevant);
    await exportDone(id);
    expect((await row(id))?.submission).toEqual({ submissionRevision: 1, exportedAt: expect.any(String), changed: false });
    const textItem = Object.keys(opened.draft.answers).find((k) => typeof opened.draft.answers[k] === 'string') as string;
    await ok('saveAnswers', id, { [textItem]: 'Changed after the submission.' });
    expect((await row(id))?.submission).toMatchObject({ submissionRevision: 1, changed: true });
    const overview = await ok<{ summary: AssessmentSummary; assessment: { focalPoints: unknown[] } }>('getAssessmentOverview', id);
    expect(overview.summary.submission?.changed).toBe(true);
    expect(overview.assessment.focalPoints.length).toBeGreaterThan(0);
  });
});

describe('archive and delete', () => {
  it('archives an assessment and brings it back, nothing else changed', async () => {
    const { draft } = await ok<Opened>('createAssessment', META, SAMPLE);
    await ok('closeAssessment', draft.id);
    const archived = await ok<AssessmentSummary>('setAssessmentArchived', draft.id, true);
    expect(archived.archivedAt).toEqual(expect.any(String));
    expect((await row(draft.id))?.archivedAt).toBe(archived.archivedAt);
    const back = await ok<AssessmentSummary>('setAssessmentArchived', draft.id, false);
    expect(back).toMatchObject({ archivedAt: null, revision: archived.revision });
    expect((await ok<Opened>('openAssessment', draft.id)).draft.revision).toBe(archived.revision);
  });

  it('moves a deleted assessment and its kept bundles into the trash, and an undo puts everything back', async () => {
    await ok('createSigningKey', PASS);
    const id = (await ok<Opened>('openExample', 'en')).draft.id;
    const bundle = await exportDone(id);
    const { trashEntry } = await ok<{ trashEntry: string }>('deleteAssessment', id);
    expect(await row(id)).toBeUndefined();
    const entry = path.join(dir, 'trash', trashEntry);
    expect((await fs.readdir(entry)).sort()).toEqual(['assessment', 'submission-log.json', 'submissions', 'trashed.json']);
    expect(await fs.readdir(path.join(entry, 'submissions'))).toEqual([bundle.fileName]);
    expect(await fs.readdir(path.join(dir, 'assessments'))).toEqual([]);

    const restored = await ok<AssessmentSummary>('restoreDeletedAssessment', trashEntry);
    expect(restored).toMatchObject({ id, submission: { submissionRevision: 1, changed: false } });
    expect(await ok<unknown[]>('listSubmissions', id)).toHaveLength(1);
    await expect(fs.stat(entry)).rejects.toThrow();
  });

  it('refuses to delete an assessment open in another program, moving nothing', async () => {
    const { draft } = await ok<Opened>('createAssessment', META, SAMPLE);
    await ok('closeAssessment', draft.id);
    // Another process's lock: a live pid (our parent) on this host.
    const lock = { pid: process.ppid, host: (await import('node:os')).hostname(), at: new Date().toISOString() };
    await fs.writeFile(path.join(dir, 'assessments', draft.id, '.lock'), JSON.stringify(lock));
    expect(await call('deleteAssessment', draft.id)).toMatchObject({ ok: false, error: { code: 'drafts:errors.locked' } });
    expect(await row(draft.id)).toBeDefined();
    expect(await fs.readdir(path.join(dir, 'trash')).catch(() => [])).toEqual([]);
  });

  it('refuses an unknown trash entry', async () => {
    expect(await call('restoreDeletedAssessment', 'abc-123--20260101T000000Z')).toMatchObject({ ok: false, error: { code: 'drafts:errors.trashEntryNotFound' } });
    expect(await call('restoreDeletedAssessment', '../assessments')).toMatchObject({ ok: false, error: { code: 'errors.badRequest' } });
  });
});

describe('opening a file copy of an assessment already here', () => {
  async function copyOf(answers: Record<string, unknown> = { 'A.1': 'here' }) {
    const { draft } = await ok<Opened>('createAssessment', META, SAMPLE);
    await ok('saveAnswers', draft.id, answers);
    return { id: draft.id, copy: await ok<Copy>('exportCopy', draft.id) };
  }

  it('says what the file holds and what it meets here, before adding anything', async () => {
    const { id, copy } = await copyOf();
    const seen = await ok<CopyInspection>('inspectCopy', copy);
    expect(seen).toMatchObject({ draft: { id, countryCode: 'FRA' }, existing: { countryCode: 'FRA', sameContent: true, archived: false }, countriesHere: ['FRA'] });
    await ok('saveAnswers', id, { 'A.1': 'changed here' });
    expect((await ok<CopyInspection>('inspectCopy', copy)).existing?.sameContent).toBe(false);
    expect(await list()).toHaveLength(1);
  });

  it('refuses without a choice, creating nothing (never a second identical row)', async () => {
    const { copy } = await copyOf();
    expect(await call('importCopy', copy)).toMatchObject({ ok: false, error: { code: 'drafts:errors.importExists' } });
    expect(await list()).toHaveLength(1);
  });

  it('"keep both" adds it under a new id, numbered as copy 1, then copy 2', async () => {
    const { id, copy } = await copyOf();
    const first = await ok<Opened>('importCopy', copy, 'keepBoth');
    const second = await ok<Opened>('importCopy', copy, 'keepBoth');
    expect(new Set([id, first.draft.id, second.draft.id]).size).toBe(3);
    expect(first.notices).toContainEqual({ code: 'drafts:notices.keptAsCopy', params: { n: 1 } });
    const rows = await list();
    expect(rows.find((a) => a.id === id)?.copy).toBeNull();
    expect(rows.find((a) => a.id === first.draft.id)?.copy).toMatchObject({ n: 1, of: id });
    expect(rows.find((a) => a.id === second.draft.id)?.copy).toMatchObject({ n: 2, of: id });
  });

  it('"replace" saves the file as the next revision of the same assessment; the replaced answers stay in its history', async () => {
    const { id, copy } = await copyOf({ 'A.1': 'from the USB stick' });
    await ok('saveAnswers', id, { 'A.1': 'typed here since' });
    await ok('closeAssessment', id);
    const before = (await row(id))?.revision ?? 0;
    const replaced = await ok<Opened>('importCopy', copy, 'replace');
    expect(replaced.draft).toMatchObject({ id, revision: before + 1, answers: { 'A.1': 'from the USB stick' } });
    expect(replaced.notices).toContainEqual({ code: 'drafts:notices.replacedFromCopy', params: { file: copy.fileName, revision: before + 1 } });
    expect(await list()).toHaveLength(1);
    const history = await ok<Array<{ revision: number }>>('listHistory', id);
    const old = await ok<Opened>('restoreVersion', id, before);
    expect(history.map((h) => h.revision)).toContain(before);
    expect(old.draft.answers['A.1']).toBe('typed here since');
  });

  it('never lets another country’s assessment replace one here', async () => {
    const { id, copy } = await copyOf();
    const foreign = { ...copy, text: copy.text.replace('"countryCode": "FRA"', '"countryCode": "MAR"') };
    expect((await ok<CopyInspection>('inspectCopy', foreign)).existing).toMatchObject({ countryCode: 'FRA', sameContent: false });
    const r = await call('importCopy', foreign, 'replace');
    expect(r).toMatchObject({ ok: false, error: { code: 'drafts:errors.replaceOtherCountry', params: { fileCountry: 'MAR', existingCountry: 'FRA' } } });
    expect((await ok<Opened>('openAssessment', id)).draft.assessment.countryCode).toBe('FRA');
  });

  it('names the countries already here when the file holds another one', async () => {
    const { copy } = await copyOf();
    const other = JSON.parse(copy.text) as { id: string; assessment: { countryCode: string } };
    other.id = 'from-morocco';
    other.assessment.countryCode = 'MAR';
    const seen = await ok<CopyInspection>('inspectCopy', { fileName: 'maroc.scsa.json', text: JSON.stringify(other) });
    expect(seen).toMatchObject({ draft: { countryCode: 'MAR' }, existing: null, countriesHere: ['FRA'] });
  });
});
