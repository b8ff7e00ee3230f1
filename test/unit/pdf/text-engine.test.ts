/** The text engine on its own: font choice, bidi order, mirroring, wrapping, alignment, page flow. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLogSink } from '../../../core/log';
import { TextEngine, type PdfDoc } from '../../../core/pdf/text/engine';
import { Flow } from '../../../core/pdf/text/flow';
import { assignFonts } from '../../../core/pdf/text/font-runs';
import { FACES, registerFonts, type Face } from '../../../core/pdf/text/fonts';
import { drawParagraph, measureParagraph } from '../../../core/pdf/text/index';
import { pageCount, run } from './pdf-tools';

let dir: string;
beforeAll(() => {
  setLogSink(null);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scsa-pdf-text-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

function newDoc(): PdfDoc {
  const doc = new PDFDocument({ size: 'A4', margin: 50 });
  registerFonts(doc);
  return doc;
}

function engine(direction: 'ltr' | 'rtl', baseFace: Face, doc = newDoc()): TextEngine {
  return new TextEngine(doc, { direction, baseFace });
}

function facesOf(text: string, base: Face): string[] {
  const a = assignFonts(text, 400, base);
  return Array.from(a.faces, (f) => FACES[f] ?? '?');
}

async function save(doc: PdfDoc, name: string): Promise<string> {
  const file = path.join(dir, name);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.end();
  await done;
  fs.writeFileSync(file, Buffer.concat(chunks));
  return file;
}

describe('font per character run', () => {
  it('gives Arabic, Han and Latin letters their own fonts', () => {
    expect(facesOf('aЯب中', 'latin')).toEqual(['latin', 'latin', 'arabic', 'han']);
  });

  it('lets a neutral take its neighbour font only when that font has the glyph', () => {
    // the Arabic comma after a Latin word: Noto Sans has no U+060C, so Amiri draws it
    const text = 'UN-Habitat، 2024';
    const faces = facesOf(text, 'arabic');
    expect(faces[text.indexOf('،')]).toBe('arabic');
    // digits inside Arabic stay in the Arabic font, next to their words
    const digits = 'رقم 214 الصادر';
    expect(facesOf(digits, 'arabic')[digits.indexOf('2')]).toBe('arabic');
    // the ideographic full stop after a Latin word comes from Noto Sans SC
    const zh = 'UN-Habitat。';
    expect(facesOf(zh, 'han')[zh.length - 1]).toBe('han');
  });

  it('replaces characters outside every font by U+FFFD and names them', () => {
    const a = assignFonts('park 😀 ᚠ', 400, 'latin');
    expect(a.text).toBe('park \uFFFD \uFFFD');
    expect(a.missing.sort()).toEqual(['U+16A0', 'U+1F600']);
  });
});

describe('bidi per line', () => {
  let ar: TextEngine;
  beforeAll(() => {
    ar = engine('rtl', 'arabic');
  });

  it('orders Arabic words right to left with numbers and Latin words left to right in place', () => {
    const line = ar.layout('في عام 2024 أطلق UN-Habitat برنامجاً', 1000, { size: 10 }).lines[0];
    // visual order, left to right; right-to-left runs are given in logical order because fontkit reverses them
    const words = line?.runs.map((r) => r.text.trim()).filter((t) => t !== '');
    expect(words).toEqual(['برنامجاً', 'UN-Habitat', 'أطلق', '2024', 'في عام']);
    expect(line?.rtl).toBe(true);
  });

  it('mirrors brackets inside right-to-left text', () => {
    const line = ar.layout('نص (مثال) هنا', 1000, { size: 10 }).lines[0];
    expect(line?.runs.map((r) => r.text)).toEqual(['نص )مثال( هنا']);
  });

  it('keeps an Arabic name inside an English sentence in its own right-to-left run', () => {
    const en = engine('ltr', 'latin');
    const line = en.layout('advised by ليلى الراشد (UN-Habitat) in 2024', 1000, { size: 10 }).lines[0];
    // the space and bracket after the name stay in Amiri, the neighbour font that has them
    expect(line?.runs.map((r) => [r.text, r.face])).toEqual([
      ['advised by ', 'latin'],
      ['ليلى الراشد', 'arabic'],
      [' (', 'arabic'],
      ['UN-Habitat) in 2024', 'latin'],
    ]);
  });

  it('wraps in logical order: the first words of a paragraph are on the first line', () => {
    const lines = ar.layout('الكلمة الأولى ثم كلمات أخرى كثيرة تملأ السطر الثاني والثالث أيضاً', 80, { size: 10 }).lines;
    expect(lines.length).toBeGreaterThan(2);
    const first = lines[0]?.runs.map((r) => r.text).join('') ?? '';
    expect(first).toContain('الكلمة');
    expect(lines.at(-1)?.runs.map((r) => r.text).join('')).toContain('أيضاً');
  });
});

describe('wrapping and alignment', () => {
  it('wraps Chinese without spaces and loses no character', () => {
    const zh = engine('ltr', 'han');
    const text = '国家城市安全协调小组每季度召开一次会议，成员包括三十一个省级政府、公安机关和社区组织。';
    const lines = zh.layout(text, 120, { size: 10 }).lines;
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.map((l) => l.runs.map((r) => r.text).join('')).join('')).toBe(text);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(120.01);
  });

  it('aligns right-to-left paragraphs on the right and left-to-right ones on the left', async () => {
    const doc = newDoc();
    const ar = engine('rtl', 'arabic', doc);
    const en = engine('ltr', 'latin', doc);
    ar.drawParagraph('نعم', { x: 100, y: 100, width: 300, size: 12 });
    en.drawParagraph('Yes', { x: 100, y: 200, width: 300, size: 12 });
    const file = await save(doc, 'align.pdf');
    const words = [...run('pdftotext', ['-bbox', file, '-']).matchAll(/xMin="([\d.]+)"[^>]*xMax="([\d.]+)"[^>]*>([^<]+)</g)];
    const yes = words.find((w) => w[3] === 'Yes');
    const naam = words.find((w) => w[3] !== 'Yes');
    expect(Number(yes?.[1])).toBeCloseTo(100, 0);
    expect(Number(naam?.[2])).toBeGreaterThan(398);
    expect(Number(naam?.[2])).toBeLessThanOrEqual(400.5);
  });

  it('starts new pages when a paragraph runs past the bottom of the frame', async () => {
    const doc = newDoc();
    const flow = new Flow(engine('ltr', 'latin', doc), { left: 50, top: 50, right: 545, bottom: 790 });
    flow.paragraph(Array.from({ length: 300 }, (_, i) => `Line ${i + 1}.`).join('\n'), { size: 10 });
    expect(flow.page).toBeGreaterThan(1);
    const file = await save(doc, 'flow.pdf');
    expect(pageCount(file)).toBe(flow.page + 1);
    const text = run('pdftotext', [file, '-']);
    expect(text).toContain('Line 1.');
    expect(text).toContain('Line 300.');
  });

  it('measures a paragraph exactly as high as it draws, in any language', () => {
    const doc = new PDFDocument({ size: 'A4', margin: 50 });
    const text = 'Национальный координационный совет собирается ежеквартально и публикует доклад «Safer Cities Review».';
    const box = { width: 200, size: 11, language: 'ru' as const };
    const measured = measureParagraph(doc, text, box);
    const drawn = drawParagraph(doc, text, { ...box, x: 50, y: 50 });
    expect(drawn).toBeCloseTo(measured, 6);
    expect(measured).toBeGreaterThan(3 * 11);
  });

  it('keeps the space at a soft line break for text read from the structure tree', async () => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, tagged: true });
    const root = doc.struct('Document');
    doc.addStructure(root);
    const p = doc.struct('P');
    root.add(p);
    p.add(doc.markStructureContent('P'));
    drawParagraph(doc, 'safer cities and human settlements', { x: 50, y: 50, width: 80, size: 11 });
    doc.endMarkedContent();
    p.end();
    root.end();
    const file = await save(doc, 'struct.pdf');
    expect(run('pdfinfo', ['-struct-text', file]).replace(/\s+/g, ' ')).toContain('safer cities and human settlements');
  });
});
