// The app's export takes who was consulted from the assessment's review ledger (reviews.json in its
// folder): both institutions are in submission.json and in the report inside the bundle, in the
// report's language, and an assessment without a ledger exports as before.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../core/api/dispatch';
import { createCoreService, type CoreService } from '../../../core/api/service';
import type { ApiMethod } from '../../../core/api/contract';
import { FileSettingsStore } from '../../../core/settings/file-store';
import { setLogSink } from '../../../core/log';
import { writeLedger, LEDGER_FILE } from '../../../core/review/ledger-file';
import { assessmentPaths } from '../../../core/store/layout';
import { readZip } from '../bundle/fixture';
import { pdftotext } from '../pdf/pdf-tools';
import { CONSULTED, RETURNED_AT, SENT_AT, twoRepliesLedger } from '../../fixtures/review/two-replies';
import { pollJob, tempDir } from './harness';

const PASS = 'correct horse battery';
let dir: string;
let service: CoreService;
const call = (method: ApiMethod, ...args: unknown[]) => dispatch(service.handlers, method, args);
async function ok<T>(method: ApiMethod, ...args: unknown[]): Promise<T> {
  const r = await call(method, ...args);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

beforeEach(async () => {
  setLogSink(null);
  dir = await tempDir('consultations');
  service = createCoreService({ dataDir: dir, runtime: 'web', settings: new FileSettingsStore(dir), snapshotIntervalMs: 0, keyScrypt: { N: 2 ** 14, r: 8, p: 1 } });
  await ok('createSigningKey', PASS);
});

afterEach(async () => {
  await service.dispose();
  await fs.rm(dir, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

/** Export the example in `language`, optionally with the two-reply ledger, and read back the bundle's two payload files. */
async function exportExample(language: 'en' | 'ar', withLedger: boolean): Promise<{ submission: Record<string, unknown>; reportText: string }> {
  const { draft } = await ok<{ draft: { id: string } }>('openExample', language);
  if (withLedger) await writeLedger(path.join(assessmentPaths(dir, draft.id).dir, LEDGER_FILE), twoRepliesLedger(draft.id));
  const { jobId } = await ok<{ jobId: string }>('exportSubmission', draft.id, PASS);
  let job: { state: string; submission?: { fileName: string }; error?: unknown };
  for (;;) {
    const polled = await pollJob<typeof job>(call, jobId);
    if (!polled.ok) throw new Error(JSON.stringify(polled.error));
    job = polled.value;
    if (job.state !== 'running') break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  if (!job.submission) throw new Error(`export failed: ${JSON.stringify(job.error)}`);
  const entries = await readZip(path.join(dir, 'submissions', draft.id, job.submission.fileName));
  const payload = (name: string) => entries.find((e) => e.name.endsWith(`/data/${name}`))?.bytes ?? Buffer.alloc(0);
  const pdfFile = path.join(dir, 'report.pdf');
  // Focal points, contributing institutions and consultations: page 2.
  await fs.writeFile(pdfFile, payload('report.pdf'));
  if (process.env.SHOW_PDF) await fs.copyFile(pdfFile, process.env.SHOW_PDF);
  return { submission: JSON.parse(payload('submission.json').toString('utf8')) as Record<string, unknown>, reportText: pdftotext(pdfFile, 2).replace(/\s+/g, ' ') };
}

describe('consultations in the app export', () => {
  it('submission.json lists both replies of the ledger', async () => {
    const { submission } = await exportExample('en', true);
    expect(submission.consultations).toEqual(
      CONSULTED.map((c, i) => ({ institution: c.institution, name: c.name, reviewId: c.reviewId, sentAt: SENT_AT, returnedAt: RETURNED_AT[i], verdict: c.verdict })),
    );
  });

  it('the English report names both institutions, their verdicts and dates', async () => {
    const { reportText } = await exportExample('en', true);
    expect(reportText).toContain('Consultations');
    expect(reportText).toContain('Ministère de la Santé');
    expect(reportText).toContain('Dr Sarah Benali');
    expect(reportText).toContain('No objection');
    expect(reportText).toContain('November 8, 2026');
    expect(reportText).toContain('November 1, 2026');
  });

  it('the Arabic report names both institutions with the verdict in Arabic', async () => {
    const { reportText } = await exportExample('ar', true);
    expect(reportText).toContain('المشاورات');
    expect(reportText).toContain('Ministère de la Santé');
    // pdftotext gives Arabic in visual order at times: compare the words, each on its own.
    for (const word of ['وزارة', 'الداخلية', 'اعتراض', 'تعليقات']) expect(reportText).toContain(word);
    expect(reportText).not.toContain('No objection');
  });

  it('without a ledger the bundle has no consultations and the report no such section', async () => {
    const { submission, reportText } = await exportExample('en', false);
    expect(submission).not.toHaveProperty('consultations');
    expect(reportText).not.toContain('Consultations');
  });
});
