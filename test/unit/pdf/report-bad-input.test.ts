/** What a user may throw at the report: huge answers and tables, odd characters, odd file names. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLogSink } from '../../../core/log';
import { AppError } from '../../../core/errors';
import { renderReport } from '../../../core/pdf/report';
import { MAX_FIELD_CHARS } from '../../../core/pdf/report-body';
import type { ReportModel } from '../../../core/pdf/report-model';
import { loadModel, outline, pageCount, pdftotext, qpdfCheck, run } from './pdf-tools';

let dir: string;
beforeAll(() => {
  setLogSink(null);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scsa-pdf-bad-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

function firstItem(model: ReportModel) {
  const item = model.sections[0]?.items[0];
  if (!item) throw new Error('fixture has no item');
  return item;
}

async function renderToFile(model: ReportModel, name: string, paper?: 'a4' | 'letter') {
  const result = await renderReport(model, paper ? { paper } : {});
  const file = path.join(dir, name);
  fs.writeFileSync(file, result.bytes);
  return { ...result, file };
}

describe('bad input', () => {
  it('prints a 500-row table across pages with its header row on every page', async () => {
    const model = loadModel('en');
    const item = firstItem(model);
    item.tables = [{
      columns: ['Ward', 'Households surveyed', 'Lighting rated safe'],
      rows: Array.from({ length: 500 }, (_, i) => [`Ward ${i + 1}`, String(1000 + i), i % 3 === 0 ? 'Yes' : 'No']),
    }];
    const out = await renderToFile(model, 'rows.pdf');
    expect(qpdfCheck(out.file).status).toBe(0);
    expect(out.pages).toBeGreaterThan(10);
    const text = pdftotext(out.file);
    for (const ward of ['Ward 1\n', 'Ward 250\n', 'Ward 500\n']) expect(text).toContain(ward);
    // every page the table runs over starts with the header row again (pdftotext ends pages with \f)
    const pagesWithHeader = text.split('\f').filter((t) => t.includes('Households surveyed')).length;
    expect(pagesWithHeader).toBeGreaterThanOrEqual(out.pages - 5);
  });

  it('shortens a 10 MB answer with a visible note and a warning instead of failing', async () => {
    const model = loadModel('fr');
    const sentence = 'Les marches exploratoires ont eu lieu dans chaque quartier avec les habitantes. ';
    firstItem(model).fields = [{ label: 'Réponse', value: sentence.repeat(Math.ceil(10_000_000 / sentence.length)) }];
    const out = await renderToFile(model, 'long.pdf');
    expect(qpdfCheck(out.file).status).toBe(0);
    const warning = out.warnings.find((w) => w.code === 'truncated');
    expect(warning).toMatchObject({ code: 'truncated', itemId: 'A.1' });
    expect(warning && 'omitted' in warning ? warning.omitted : 0).toBeGreaterThan(10_000_000 - MAX_FIELD_CHARS - 200);
    expect(pdftotext(out.file).replace(/\s+/g, ' ')).toContain('La réponse complète se trouve dans le dossier de soumission.');
  });

  it('breaks a very long answer without any space between characters, inside the margins', async () => {
    const model = loadModel('en');
    const blob = 'QUJDRA'.repeat(12_000);
    firstItem(model).fields = [{ label: 'Answer', value: blob }];
    const out = await renderToFile(model, 'blob.pdf');
    expect(qpdfCheck(out.file).status).toBe(0);
    expect(out.warnings).toContainEqual({ code: 'truncated', itemId: 'A.1', omitted: blob.length - MAX_FIELD_CHARS });
    const boxes = [...run('pdftotext', ['-bbox', out.file, '-']).matchAll(/xMax="([\d.]+)"[^>]*>QUJD/g)];
    expect(boxes.length).toBeGreaterThan(100);
    for (const box of boxes) expect(Number(box[1])).toBeLessThanOrEqual(595.28 - 56 + 0.5);
  });

  it('draws characters no bundled font has as a visible replacement and lists them', async () => {
    const model = loadModel('en');
    firstItem(model).fields = [{ label: 'Answer', value: 'Residents rated the park 😀 and wrote ᚠᚢᚦ in runes.' }];
    const out = await renderToFile(model, 'glyphs.pdf');
    expect(qpdfCheck(out.file).status).toBe(0);
    expect(out.warnings).toContainEqual({ code: 'missingGlyphs', codePoints: ['U+16A0', 'U+16A2', 'U+16A6', 'U+1F600'] });
    expect(pdftotext(out.file)).toContain('Residents rated the park \uFFFD and wrote \uFFFD\uFFFD\uFFFD in runes.');
  });

  it('lists attachments whose names contain "/" or right-to-left marks', async () => {
    const model = loadModel('ar');
    const names = ['reports/2024/annual.pdf', '\u200Fتقرير\u200F السلامة 2024.pdf', 'plan\u202Efdp.exe'];
    firstItem(model).attachments = names.map((name, i) => ({ name, size: 1000 * (i + 1), sha256: String(i).repeat(64) }));
    const out = await renderToFile(model, 'names.pdf');
    expect(qpdfCheck(out.file).status).toBe(0);
    const text = pdftotext(out.file).replace(/[\u200E\u200F\u202A-\u202E]/gu, '');
    expect(text).toContain('reports/2024/annual.pdf');
    expect(text).toContain('0000000000');
    // an override character cannot disguise an executable as a PDF
    expect(text).toContain('planfdp.exe');
    expect(text).not.toContain('planexe.pdf');
    expect(out.warnings).toEqual([]);
  });

  it('prints on US Letter when asked, with the same outline', async () => {
    const model = loadModel('es');
    const out = await renderToFile(model, 'letter.pdf', 'letter');
    expect(run('pdfinfo', [out.file])).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(pageCount(out.file)).toBe(out.pages);
    expect(outline(out.file).map((o) => o.title)).toEqual(model.sections.map((s) => s.title));
  });

  it('rejects a model that does not validate with a user-facing error code', async () => {
    const model = loadModel('en') as unknown as Record<string, unknown>;
    await expect(renderReport({ ...model, language: 'de' } as never)).rejects.toBeInstanceOf(AppError);
    await expect(renderReport({ ...model, language: 'de' } as never)).rejects.toMatchObject({ code: 'errors.badRequest' });
  });

  it('renders an empty checklist and a submitted report without a draft watermark', async () => {
    const model = loadModel('zh');
    model.sections = [];
    model.focalPoints = [];
    model.institutions = [];
    model.status = 'submitted';
    const out = await renderToFile(model, 'empty.pdf');
    expect(qpdfCheck(out.file).status).toBe(0);
    const text = pdftotext(out.file);
    expect(text).toContain('已提交');
    expect(text).not.toContain('草稿');
    expect(text).toContain('未列出。');
  });
});

describe('progress', () => {
  it('reports every item laid out, ending at the total', async () => {
    const model = loadModel('es');
    const total = model.sections.reduce((n, s) => n + s.items.length, 0);
    const seen: [number, number][] = [];
    await renderReport(model, { onProgress: (done, all) => seen.push([done, all]) });
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => [i + 1, total]));
  });
});
