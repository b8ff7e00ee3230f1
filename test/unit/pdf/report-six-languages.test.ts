/**
 * The report in each of the six response languages, read back with tools that know nothing of
 * pdfkit: qpdf (structure, outline, catalog), poppler (fonts, text, page images).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabels } from '../../../core/pdf/labels';
import { renderReport, type RenderedReport } from '../../../core/pdf/report';
import type { ReportModel } from '../../../core/pdf/report-model';
import { setLogSink } from '../../../core/log';
import {
  ALL_LANGUAGES, FIXTURES, catalog, loadModel, meanDifference, outline, pageCount, parsePgm, pdffonts, pdftotext,
  qpdfCheck, readReference, renderGray, run,
} from './pdf-tools';

const UPDATE = process.env.UPDATE_PDF_REFERENCES === '1';
/** Mean absolute grey difference (0–255) tolerated against a reference page image. */
const VISUAL_TOLERANCE = 2;

let dir: string;
beforeAll(() => {
  setLogSink(null);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scsa-pdf-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

const BIDI_MARKS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** Whitespace and hyphens removed: lines wrap at spaces, and pdftotext drops a hyphen that ends a line. */
function squash(text: string): string {
  return text.replace(/[\s\u00AD-]+/gu, '').replace(BIDI_MARKS, '');
}

/**
 * pdftotext guesses the logical order of right-to-left words inside a left-to-right line and puts
 * a closing bracket next to them on the wrong side; brackets are not compared in such answers.
 */
function comparable(text: string): string {
  const flat = squash(text);
  return /\p{Script=Arabic}/u.test(flat) ? flat.replace(/[()[\]]/gu, '') : flat;
}

/** Text of the document without running headers and footers, which can fall inside a long answer. */
function bodyText(file: string, model: ReportModel, pages: number): string {
  const labels = createLabels(model.language);
  const checklist = `${model.checklist.title ?? model.checklist.id} ${model.checklist.version}`;
  const chrome = [labels.t('header', { country: model.country, checklist }), labels.t('status.draft')];
  for (let p = 1; p <= pages; p++) chrome.push(labels.t('footer', { page: p, pages }));
  return pdftotext(file)
    .split('\n')
    .filter((line) => chrome.reduce((rest, c) => rest.replace(c, ''), line).trim() !== '')
    .join('\n');
}

function answersOf(model: ReportModel): string[] {
  const out: string[] = [];
  for (const section of model.sections) {
    for (const item of section.items) {
      for (const field of item.fields) out.push(field.value);
      for (const table of item.tables) for (const row of table.rows) out.push(...row);
      for (const a of item.attachments) out.push(a.name);
    }
  }
  return out;
}

const HARAKAT = /[\u064B-\u065F\u0670\u0640]/gu;
function arabicWords(text: string): string[] {
  return text
    .replace(BIDI_MARKS, '')
    .replace(HARAKAT, '')
    .split(/\s+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => /\p{Script=Arabic}/u.test(w));
}

describe.each(ALL_LANGUAGES)('report in %s', (language) => {
  const model = loadModel(language);
  let rendered: RenderedReport;
  let file: string;

  beforeAll(async () => {
    rendered = await renderReport(model, { creationDate: new Date('2026-03-14T10:30:00Z') });
    file = path.join(dir, `report-${language}.pdf`);
    fs.writeFileSync(file, rendered.bytes);
  });

  it('passes qpdf --check and declares its language, tags and metadata', () => {
    const check = qpdfCheck(file);
    expect(check.output).toContain('No syntax or stream encoding errors');
    expect(check.status).toBe(0);
    const root = catalog(file);
    expect(root['/Lang']).toBe(`u:${language}`);
    expect(root['/StructTreeRoot']).toBeDefined();
    expect(root['/MarkInfo']).toBeDefined();
    expect(rendered.warnings).toEqual([]);
    const info = run('pdfinfo', [file]);
    expect(info).toContain(`Title:           ${model.title}`);
    expect(info).toContain(`Author:          ${model.author}`);
    expect(info).toMatch(/Subject:\s+\S/);
    expect(info).toContain(model.checklist.id);
    expect(info).toMatch(/CreationDate:\s+\S.* 2026/);
    expect(info).toMatch(/Tagged:\s+yes/);
    // headings, a table of contents and table headers a screen reader can announce
    const struct = run('pdfinfo', ['-struct', file]);
    for (const element of ['Document', 'Sect', 'H1', 'H2', 'TOC', 'TOCI', 'Table', 'TH', 'TD']) expect(struct).toMatch(new RegExp(`^\\s*${element}\\b`, 'm'));
    expect(struct).toContain('/Scope /Column');
  });

  it('embeds every font as a subset', () => {
    const fonts = pdffonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font, font.name).toMatchObject({ embedded: true, subset: true });
    }
  });

  it('has the pages it reports and an outline entry for every section and item, pointing at it', () => {
    expect(pageCount(file)).toBe(rendered.pages);
    const tree = outline(file);
    expect(tree.map((n) => n.title)).toEqual(model.sections.map((s) => s.title));
    model.sections.forEach((section, s) => {
      const node = tree[s];
      expect(node?.kids.map((k) => k.title.slice(0, 20))).toEqual(section.items.map((i) => `${i.id} ${i.question}`.slice(0, 20)));
      section.items.forEach((item, i) => {
        const page = node?.kids[i]?.page ?? 0;
        // the bookmark opens the page on which the item's heading starts
        expect(squash(pdftotext(file, page)), item.id).toContain(squash(item.id));
      });
    });
  });

  if (language === 'ar') {
    it('gives back at least 90 % of the Arabic words of the answers', () => {
      // poppler splits some shaped Arabic words where Amiri's positioning leaves a gap, so words
      // are looked for, letters in order, in the extracted text without white space
      const found = arabicWords(pdftotext(file)).join('');
      const expected = answersOf(model).flatMap(arabicWords);
      const hits = expected.filter((w) => found.includes(w)).length;
      expect(expected.length).toBeGreaterThan(60);
      expect(hits / expected.length).toBeGreaterThanOrEqual(0.9);
    });
  } else {
    it('gives back every answer exactly', () => {
      const text = squash(bodyText(file, model, rendered.pages));
      const unbracketed = text.replace(/[()[\]]/gu, '');
      for (const answer of answersOf(model)) {
        const expected = comparable(answer);
        expect(expected === squash(answer) ? text : unbracketed).toContain(expected);
      }
    });
  }

  it('looks like the reference on the cover and on the first content page', () => {
    const refDir = path.join(FIXTURES, 'reference');
    const contentPage = rendered.pages - 1;
    for (const page of [1, contentPage]) {
      const ref = path.join(refDir, `${language}-p${page}.pgm.gz`);
      const actual = renderGray(file, page);
      if (UPDATE) {
        fs.mkdirSync(refDir, { recursive: true });
        fs.writeFileSync(ref, gzipSync(actual, { level: 9 }));
      }
      const expected = readReference(ref);
      expect(expected, `missing ${ref}: run with UPDATE_PDF_REFERENCES=1`).not.toBeNull();
      if (expected) expect(meanDifference(parsePgm(actual), expected), `page ${page}`).toBeLessThan(VISUAL_TOLERANCE);
    }
  });
});
