/**
 * The printed text reads as the data does: telephone numbers, e-mail addresses, URLs and codes
 * keep their order inside Arabic; bidi overrides, embeddings and isolates in the data cannot
 * reorder it; a line break in a one-line field is shown, not obeyed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPack, SAMPLE_PACK } from '../../../core/checklist/registry';
import { newDraft } from '../../../core/draft/create';
import { setLogSink } from '../../../core/log';
import { reportModelFromDraft } from '../../../core/pdf/from-draft';
import { renderReport } from '../../../core/pdf/report';
import type { ReportModel } from '../../../core/pdf/report-model';
import { loadModel, outline, pageLines, pdftotext, qpdfCheck, run } from './pdf-tools';

let dir: string;
beforeAll(() => {
  setLogSink(null);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scsa-pdf-order-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

/** The marks pdftotext wraps right-to-left words in (U+202A–U+202C), and any others. */
const BIDI_MARKS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

async function render(model: ReportModel, name: string): Promise<{ file: string; text: string }> {
  const result = await renderReport(model, { creationDate: new Date('2026-05-02T09:00:00Z') });
  const file = path.join(dir, name);
  fs.writeFileSync(file, result.bytes);
  expect(qpdfCheck(file).status).toBe(0);
  return { file, text: pdftotext(file).replace(BIDI_MARKS, '') };
}

function withAnswer(model: ReportModel, ...values: string[]): ReportModel {
  const item = model.sections[0]?.items[0];
  if (!item) throw new Error('fixture has no item');
  item.fields = values.map((value, i) => ({ label: `Field ${i + 1}`, value }));
  return model;
}

/** Left edges of `words` on the first line holding all of them, in the order given. */
function positions(file: string, words: string[]): number[] {
  for (const page of pageLines(file)) {
    for (const line of page) {
      const xs: number[] = [];
      let from = 0;
      for (const word of words) {
        const at = line.words.findIndex((w, i) => i >= from && w.text === word);
        if (at < 0) break;
        xs.push(line.words[at]?.xMin ?? NaN);
        from = at + 1;
      }
      if (xs.length === words.length) return xs;
    }
  }
  return [];
}

const ascending = (xs: number[]): boolean => xs.length > 1 && xs.every((x, i) => i === 0 || x > (xs[i - 1] ?? Infinity));

describe('telephone numbers, addresses and codes inside right-to-left text', () => {
  it('keeps them in their own order inside an Arabic answer, on the page and in the extracted text', async () => {
    const answer =
      'للاتصال بالمنسق: +212 5 37 00 00 00 أو contact@example.org، والموقع https://example.org/safety/ ' +
      'ورمز المشروع 12-AB-34 ومؤشر SDG 11.7.2 ولكل 100 000 نسمة.';
    const { file, text } = await render(withAnswer(loadModel('ar'), answer), 'ar-tokens.pdf');
    for (const token of ['+212 5 37 00 00 00', 'contact@example.org', 'https://example.org/safety/', '12-AB-34', 'SDG 11.7.2', '100 000']) {
      expect(text, token).toContain(token);
    }
    // drawn left to right: "+212" left of "5", left of "37", left of the three "00"
    expect(ascending(positions(file, ['+212', '5', '37', '00', '00', '00']))).toBe(true);
    expect(ascending(positions(file, ['100', '000']))).toBe(true);
  });

  it('keeps a telephone number in order after an Arabic name in an English answer', async () => {
    // the digits follow an Arabic letter: without isolation they take its direction
    const { file, text } = await render(withAnswer(loadModel('en'), 'Call Layla (ليلى) +212 5 37 00 00 00 before noon.'), 'en-tokens.pdf');
    expect(text).toContain('+212 5 37 00 00 00 before noon.');
    expect(ascending(positions(file, ['+212', '5', '37', '00', '00', '00']))).toBe(true);
  });

  it('keeps a telephone number on one line when the line is full', async () => {
    const filler = 'تعمل البلديات مع الشرطة والمجتمع المدني على تحسين السلامة في الأماكن العامة ';
    // prefixes of growing length put the number across the end of the first line in some answers
    const answers = Array.from({ length: 10 }, (_, i) => `${filler.repeat(2).slice(0, 96 + i * 3)} الهاتف +212 5 37 00 00 0${i} شكرا.`);
    const { text } = await render(withAnswer(loadModel('ar'), ...answers), 'ar-phone-lines.pdf');
    for (let i = 0; i < answers.length; i++) expect(text).toContain(`+212 5 37 00 00 0${i}`);
  });
});

describe('bidi controls and line breaks in the data', () => {
  it('does not let an override, an embedding or an isolate reorder the text of an answer', async () => {
    const model = withAnswer(
      loadModel('en'),
      'Approved by \u202Ethe minister on 12 May\u202C and published.',
      'Total \u2067 1 2 3 \u2069 units, then \u202Bmore text after it',
      'Open \u202Dنص عربي\u202C here',
    );
    model.author = 'Ministry \u202Eof Works';
    const question = model.sections[0]?.items[0];
    if (question) question.question = 'Who \u202Eapproved it?';
    const { file, text } = await render(model, 'en-controls.pdf');
    expect(text).toContain('Approved by the minister on 12 May and published.');
    // nor the document properties and bookmarks, which viewers show with their own bidi
    expect(run('pdfinfo', ['-enc', 'UTF-8', file])).toMatch(/Author:\s+Ministry of Works\n/u);
    expect(outline(file)[0]?.kids[0]?.title).toBe(`${question?.id ?? ''} Who approved it?`);
    expect(text).toContain('Total 1 2 3 units, then more text after it');
    expect(text).not.toContain('yaM 21');
    expect(text.replace(/\s+/gu, '')).toContain('نصعربي');
  });

  it('keeps an override inside an Arabic answer from reversing the words after it', async () => {
    const model = withAnswer(loadModel('ar'), 'وافق \u202Dعلى plan ثم 2026 نشرت الخطة');
    const { file } = await render(model, 'ar-controls.pdf');
    // read right to left, "plan" comes first: it is drawn right of "2026", as without the override
    expect(ascending(positions(file, ['2026', 'plan']))).toBe(true);
  });

  it('shows a line break inside a name, a cell or a short field as ⏎, and obeys every kind in long answers', async () => {
    const model = withAnswer(loadModel('en'), 'First line\u0085Second line\u2028Third line\u2029Fourth line\r\nFifth line');
    const person = model.focalPoints[0];
    if (!person) throw new Error('fixture has no focal point');
    person.name = 'Amina Haddad\nDirector of Urban Safety';
    person.institution = 'Ministry of\u2028the Interior';
    person.phone = '+254 20 000\u0085000';
    const table = model.sections[1]?.items[0]?.tables[0];
    if (!table?.rows[0]) throw new Error('fixture has no table');
    table.rows[0][0] = 'Nairobi\u2029County';
    const { text } = await render(model, 'en-breaks.pdf');
    expect(text).toContain('Amina Haddad⏎Director of Urban Safety');
    expect(text).toContain('Ministry of⏎the Interior');
    expect(text).toContain('+254 20 000⏎000');
    expect(text).toContain('Nairobi⏎County');
    expect(text).toContain('First line\nSecond line\nThird line\nFourth line\nFifth line');
  });

  it('prints a short answer or a link title typed with a line break on one line, and a long answer on two', () => {
    const draft = newDraft(
      { countryCode: 'KEN', responseLanguage: 'ar', focalPoints: [], contributingInstitutions: [], periodCovered: { from: '2024-01-01', to: '2025-12-31' } },
      SAMPLE_PACK,
      new Date('2026-03-14T10:30:00Z'),
      'sample-breaks',
    );
    draft.answers = {
      'A.1': 'وزارة\nالداخلية',
      'C.1': { status: 'partially' },
      'C.2': [{ city: 'فاس' }], // with C.1, makes C.3 relevant
      'C.3': { files: [], links: [{ url: 'https://example.org/a\u2028b', title: 'الاستراتيجية\u0085الوطنية' }] },
      'C.4': 'السطر الأول\u2029السطر الثاني',
    };
    const model = reportModelFromDraft(draft, getPack(SAMPLE_PACK).pack, { status: 'draft' });
    const value = (id: string) => model.sections.flatMap((x) => x.items).find((i) => i.id === id)?.fields[0]?.value;
    expect(value('A.1')).toBe('وزارة⏎الداخلية');
    expect(value('C.3')).toBe('الاستراتيجية⏎الوطنية\nhttps://example.org/a⏎b');
    expect(value('C.4')).toBe('السطر الأول\u2029السطر الثاني');
  });
});
