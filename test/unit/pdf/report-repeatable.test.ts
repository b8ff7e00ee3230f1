/**
 * What the speed work on the renderer must not change: one model gives one PDF whatever was
 * rendered before it in the process (font tables are shared between documents), and every page of
 * a draft carries the watermark (its operators are recorded on the first page and written again).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLogSink } from '../../../core/log';
import { renderReport } from '../../../core/pdf/report';
import type { ReportModel } from '../../../core/pdf/report-model';
import { LineWriter } from '../../../core/pdf/text/line-writer';
import { loadModel, pageCount, parsePgm, renderGray } from './pdf-tools';

const creationDate = new Date('2026-11-20T00:00:00Z');
let dir: string;
beforeAll(() => {
  setLogSink(null);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scsa-pdf-repeat-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

async function write(model: ReportModel, name: string): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, (await renderReport(model, { creationDate })).bytes);
  return file;
}

/** Mean grey difference of the middle of two page images, where only the watermark can differ. */
function middleDifference(a: Buffer, b: Buffer): number {
  const x = parsePgm(a);
  const y = parsePgm(b);
  let sum = 0;
  let n = 0;
  for (let row = Math.floor(x.height * 0.3); row < Math.floor(x.height * 0.7); row++) {
    for (let col = Math.floor(x.width * 0.2); col < Math.floor(x.width * 0.8); col++) {
      sum += Math.abs((x.pixels[row * x.width + col] ?? 0) - (y.pixels[row * y.width + col] ?? 0));
      n++;
    }
  }
  return sum / n;
}

describe('the same model, the same PDF', () => {
  it('renders an Arabic report to the same bytes before and after reports in other scripts', async () => {
    const ar = loadModel('ar');
    const first = await renderReport(ar, { creationDate });
    await renderReport(loadModel('zh'), { creationDate });
    await renderReport(loadModel('ru'), { creationDate });
    const again = await renderReport(ar, { creationDate });
    expect(again.pages).toBe(first.pages);
    expect(Buffer.compare(again.bytes, first.bytes)).toBe(0);
  });
});

describe('draft watermark', () => {
  it('is on every page of a draft and on no page of a submitted report', async () => {
    const base = loadModel('fr');
    const draft = await write({ ...base, status: 'draft' }, 'draft.pdf');
    const submitted = await write({ ...base, status: 'submitted' }, 'submitted.pdf');
    const pages = pageCount(draft);
    expect(pages).toBeGreaterThan(3);
    expect(pageCount(submitted)).toBe(pages);
    for (let p = 1; p <= pages; p++) {
      // the body text is the same on both; the grey diagonal word is what differs in the middle
      expect(middleDifference(renderGray(draft, p), renderGray(submitted, p))).toBeGreaterThan(1);
    }
  });
});

describe('line writer', () => {
  it('writes nothing and says so when the document is not a pdfkit document it knows', () => {
    const writer = new LineWriter({ font: () => undefined } as unknown as InstanceType<typeof PDFDocument>);
    expect(writer.write([{ font: 'latin-400', size: 10, text: 'Yes', x: 10 }], 20)).toBe(false);
  });
});
