// Benchmark 5: the secretariat's report of 193 fully answered submissions (every UN Member State),
// to XLSX (goal < 3 s, memory < 500 MiB), and for information to the CSV zip and the PDF annex,
// and from a folder of 193 signed bundles (each verified before it is read).
import { promises as fs, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { folderSource, memorySource, prepareReport, writeReport, type SubmissionSource } from '../core/analysis';
import { exportBundle } from '../core/bundle';
import { defaultPack } from '../core/checklist/registry';
import { UN_MEMBER_STATES } from '../core/i18n/countries';
import { generateKey, unlockKey } from '../core/keys';
import { runBench } from './lib/harness';
import { draftFor, memberStateSubmissions } from './lib/submissions';
import { median, ms, msSince } from './lib/stats';

const RUNS = 3;
const XLSX_TARGET_MS = 3000;
const MEMORY_TARGET_MIB = 500;

function status(field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Start measuring the peak anew from the current resident size (Linux); false where not allowed. */
function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

interface Timing {
  ms: number[];
  /** CPU time (user + system) of each run: unlike wall time, hardly affected by other work on the machine. */
  cpu: number[];
  bytes: number;
  peak: number;
  pages?: number;
}

async function timeReport(source: () => SubmissionSource, out: string, format: 'xlsx' | 'zip' | 'pdf', language: 'en' | 'ar', runs = RUNS): Promise<Timing> {
  const times: number[] = [];
  const cpu: number[] = [];
  let peak = 0;
  let pages: number | undefined;
  for (let run = 0; run < runs; run++) {
    (globalThis as { gc?: () => void }).gc?.();
    const reset = resetPeak();
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    const report = await prepareReport({ source: source(), language, publishable: false });
    const written = await writeReport(out, report, { format });
    times.push(msSince(start));
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    pages = written.pages;
    peak = Math.max(peak, reset ? status('VmHWM') : NaN);
  }
  return { ms: times, cpu, bytes: (await fs.stat(out)).size, peak, ...(pages !== undefined ? { pages } : {}) };
}

runBench('analysis', 'Secretariat report of 193 fully answered submissions', async (r) => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-bench-analysis-'));
  try {
    const generated = process.hrtime.bigint();
    const submissions = memberStateSubmissions();
    const memory = () => memorySource(submissions.map((submission, i) => ({ submission, origin: `s${i}` })));
    r.notes.push(`193 submissions generated from the example assessment in ${ms(msSince(generated))} ms (two thirds in English, one third in Arabic); resident memory with them loaded: ${status('VmRSS').toFixed(0)} MiB.`);

    const rows: string[][] = [];
    const xlsx = await timeReport(memory, path.join(dir, 'report.xlsx'), 'xlsx', 'en');
    const xlsxAr = await timeReport(memory, path.join(dir, 'report-ar.xlsx'), 'xlsx', 'ar');
    const zip = await timeReport(memory, path.join(dir, 'report.zip'), 'zip', 'en');
    const pdf = await timeReport(memory, path.join(dir, 'annex.pdf'), 'pdf', 'en', 1);
    for (const [what, m] of [['XLSX, English', xlsx], ['XLSX, Arabic', xlsxAr], ['CSV zip, English', zip], [`PDF annex, English (${pdf.pages ?? 0} pages)`, pdf]] as const) {
      rows.push([what, ms(median(m.ms)), ms(Math.max(...m.ms)), ms(median(m.cpu)), (m.bytes / 1024 / 1024).toFixed(2), m.peak.toFixed(0)]);
    }

    // The same report from a folder of signed bundles: verification of each bundle included.
    const key = await unlockKey((await generateKey('bench passphrase', { scrypt: { N: 2 ** 14, r: 8, p: 1 } })).keyFile, 'bench passphrase');
    const bundles = path.join(dir, 'bundles');
    await fs.mkdir(bundles);
    const pack = defaultPack().pack;
    const pdfStub = async () => Buffer.from('%PDF-1.7\n% stand-in report\n%%EOF\n');
    for (const [i, code] of UN_MEMBER_STATES.entries()) {
      await exportBundle({ draft: draftFor(code, i), pack, attachmentPath: () => '', signer: key, submissionRevision: 1, renderPdf: pdfStub, out: bundles, now: new Date('2026-10-01T12:00:00Z') });
    }
    const folder = await timeReport(() => folderSource(bundles), path.join(dir, 'from-bundles.xlsx'), 'xlsx', 'en', 1);
    rows.push(['XLSX from 193 bundles (verify + read + report)', ms(median(folder.ms)), ms(Math.max(...folder.ms)), ms(median(folder.cpu)), (folder.bytes / 1024 / 1024).toFixed(2), folder.peak.toFixed(0)]);
    r.tables.push({
      title: `median of ${RUNS} runs (the PDF and the folder once); CPU = user + system time of the process; peak = highest resident memory of the process during the runs`,
      head: ['output', 'median ms', 'max ms', 'CPU ms', 'file MiB', 'peak MiB'],
      rows,
    });

    const worstXlsx = Math.max(median(xlsx.ms), median(xlsxAr.ms));
    r.checks.push({ what: 'XLSX of 193 submissions, worst language (median)', value: `${ms(worstXlsx)} ms`, target: `< ${XLSX_TARGET_MS} ms`, pass: worstXlsx < XLSX_TARGET_MS });
    const worstCpu = Math.max(median(xlsx.cpu), median(xlsxAr.cpu));
    r.checks.push({ what: 'XLSX of 193 submissions, CPU time, worst language (median)', value: `${ms(worstCpu)} ms`, target: `< ${XLSX_TARGET_MS} ms`, pass: worstCpu < XLSX_TARGET_MS });
    const worstPeak = Math.max(xlsx.peak, xlsxAr.peak);
    r.checks.push({ what: 'peak memory while writing the XLSX (submissions loaded)', value: `${worstPeak.toFixed(0)} MiB`, target: `< ${MEMORY_TARGET_MIB} MiB`, pass: worstPeak < MEMORY_TARGET_MIB });
    r.notes.push('Time runs from the analysis (current submission of each country, counts, tables) to the file on disk, written atomically; the submissions are already parsed, as the workspace holds them.');
    r.notes.push('The folder run verifies every bundle in full (signature, every hash) before reading its submission, as `scsa report --bundles` does.');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
