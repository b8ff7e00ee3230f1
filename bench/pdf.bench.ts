// Benchmark 3: the PDF report of a 300-item fully answered draft in each of the six languages:
// our renderer (core/pdf renderReport) against Chromium printing the same content as HTML.
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LANGUAGES } from '../core/i18n/languages';
import { renderReport } from '../core/pdf/report';
import { reportModelFromDraft } from '../core/pdf/from-draft';
import { launchChromium } from './lib/browser';
import { childrenCpuMs, selfCpuMs } from './lib/cpu';
import { bigPack, fullDraft, ITEM_COUNT } from './lib/fixture';
import { runBench, Skip } from './lib/harness';
import { reportHtml } from './lib/report-html';
import { kib, ms, msSince, ratio } from './lib/stats';

const RUNS = 2;

function pagesOf(file: string): number {
  try {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}

runBench('pdf', `PDF report, ${ITEM_COUNT}-item fully answered draft, vs Chromium page.pdf()`, async (r) => {
  if (typeof renderReport !== 'function') throw new Skip('core/pdf does not export renderReport');
  const loaded = bigPack();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-bench-pdf-'));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    // One untimed render on each side first: font files parsed, code warmed up, as in a running app.
    const modelOf = (lang: (typeof LANGUAGES)[number], id: string) =>
      reportModelFromDraft(fullDraft(loaded, lang, id), loaded.pack, { status: 'draft', now: new Date('2026-11-20T00:00:00Z') });
    const warm = modelOf('en', 'bench-warm');
    await renderReport({ ...warm, sections: warm.sections.slice(0, 2) });
    await page.setContent('<p>warm-up</p>');
    await page.pdf();

    const rows: string[][] = [];
    let worstTime = 0;
    let worstSize = 0;
    for (const lang of LANGUAGES) {
      const model = modelOf(lang, `bench-${lang}`);
      const { html, header, footer } = reportHtml(model);
      const htmlFile = path.join(dir, `report-${lang}.html`);
      await fs.writeFile(htmlFile, html);
      let oursMs = Infinity;
      let oursFirstMs = Infinity;
      let ours: Buffer = Buffer.alloc(0);
      let chromeMs = Infinity;
      let pdfOnlyMs = Infinity;
      let chrome: Buffer = Buffer.alloc(0);
      let oursCpu = Infinity;
      let chromeCpu = Infinity;
      // The two sides take turns, so that a busy moment of the machine does not fall on one side only.
      for (let i = 0; i < RUNS; i++) {
        const c0 = selfCpuMs();
        const t0 = process.hrtime.bigint();
        const out = await renderReport(model, { creationDate: new Date('2026-11-20T00:00:00Z') });
        const took = msSince(t0);
        if (i === 0) oursFirstMs = took;
        oursMs = Math.min(oursMs, took);
        oursCpu = Math.min(oursCpu, selfCpuMs() - c0);
        ours = out.bytes;

        const b0 = childrenCpuMs();
        const t1 = process.hrtime.bigint();
        await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => document.fonts.size));
        const t2 = process.hrtime.bigint();
        chrome = await page.pdf({
          format: 'A4',
          margin: { top: '1in', bottom: '0.8889in', left: '0.7778in', right: '0.7778in' }, // 72, 64 and 56 pt, as ours
          displayHeaderFooter: true,
          headerTemplate: header,
          footerTemplate: footer,
          outline: true,
          tagged: true,
        });
        pdfOnlyMs = Math.min(pdfOnlyMs, msSince(t2));
        chromeMs = Math.min(chromeMs, msSince(t1));
        chromeCpu = Math.min(chromeCpu, childrenCpuMs() - b0);
      }
      process.stdout.write(`pdf ${lang}: ours ${ms(oursMs)} ms, Chromium ${ms(chromeMs)} ms\n`);
      const oursFile = path.join(dir, `ours-${lang}.pdf`);
      const chromeFile = path.join(dir, `chromium-${lang}.pdf`);
      await fs.writeFile(oursFile, ours);
      await fs.writeFile(chromeFile, chrome);
      const timeRatio = oursMs / chromeMs;
      const sizeRatio = ours.length / chrome.length;
      worstTime = Math.max(worstTime, timeRatio);
      worstSize = Math.max(worstSize, sizeRatio);
      rows.push([
        lang,
        String(pagesOf(oursFile)),
        ms(oursMs),
        ms(oursFirstMs),
        kib(ours.length),
        String(pagesOf(chromeFile)),
        ms(chromeMs),
        ms(pdfOnlyMs),
        kib(chrome.length),
        ratio(timeRatio),
        ratio(sizeRatio),
        ms(oursCpu),
        ms(chromeCpu),
        ratio(oursCpu / chromeCpu),
        timeRatio <= 1 && sizeRatio <= 1 ? 'pass' : 'fail',
      ]);
    }
    r.tables.push({
      title: `best of ${RUNS} runs per side, the sides taking turns; time ratio = ours / Chromium (load + fonts + page.pdf)`,
      head: ['lang', 'ours pages', 'ours ms', 'ours 1st run ms', 'ours KiB', 'Chromium pages', 'Chromium ms', 'of which pdf() ms', 'Chromium KiB', 'time ratio', 'size ratio', 'ours CPU ms', 'Chromium CPU ms', 'CPU ratio', 'time, size ≤ 1.0×'],
      rows,
    });
    r.checks.push({ what: 'time ours/Chromium, worst language', value: ratio(worstTime), target: '≤ 1.00×', pass: worstTime <= 1 });
    r.checks.push({ what: 'size ours/Chromium, worst language', value: ratio(worstSize), target: '≤ 1.00×', pass: worstSize <= 1 });
    r.notes.push(
      'The report model comes from the draft through core/pdf reportModelFromDraft (the path `scsa pdf` and the app use), outside the timing.',
      'Ours: renderReport(model) from the validated model to the finished bytes (layout, shaping, bidi, font subsetting, outline, tags, two-pass contents with page numbers).',
      'Chromium: the same model as one HTML page (bench/lib/report-html.ts) loaded from a file: URL with the same TTF files through @font-face, then page.pdf() with A4, the same margins, header/footer templates, outline and tagged PDF. Its contents list has no page numbers. The browser was started before timing.',
      'Ours 1st run: the first of the two runs, in which this language\'s font lookups (Amiri\'s large GSUB/GPOS for Arabic) are decoded for the first time in the process; later reports reuse the decoded tables, as the app does.',
      'CPU ms: CPU time used, less disturbed than wall time on a busy machine. Ours: this process (process.cpuUsage). Chromium: all its processes (browser, renderer, GPU, utility; /proc utime+stime of every descendant of this process). Chromium spreads its work over several processes, so its CPU time can exceed its wall time.',
      'Answers are prose cut from the pack\'s own questions and guidance in each language; long texts 500–2000 characters, UNCAC blocks full, tables of 10 rows.',
    );
  } finally {
    await browser.close().catch(() => undefined);
    // BENCH_KEEP=1 keeps both sides' PDFs and the HTML for a look (pdffonts, pdftoppm).
    if (process.env.BENCH_KEEP === '1') process.stdout.write(`pdf: files kept in ${dir}\n`);
    else await fs.rm(dir, { recursive: true, force: true });
  }
});
