/**
 * How each item reads on paper: a heading (section, question, field label, table caption) never
 * ends a page; the status is printed once; an unanswered item says so once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPack, SAMPLE_PACK } from '../../../core/checklist/registry';
import { newDraft } from '../../../core/draft/create';
import type { Language } from '../../../core/i18n/languages';
import { setLogSink } from '../../../core/log';
import { reportModelFromDraft } from '../../../core/pdf/from-draft';
import { createLabels } from '../../../core/pdf/labels';
import { renderReport } from '../../../core/pdf/report';
import type { ReportItem, ReportModel } from '../../../core/pdf/report-model';
import { EVERY_TYPE } from '../api/harness';
import { loadModel, outline, pageLines, pdftotext, type TextLine } from './pdf-tools';

let dir: string;
beforeAll(() => {
  setLogSink(null);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scsa-pdf-items-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

async function render(model: ReportModel, name: string): Promise<string> {
  const result = await renderReport(model, { creationDate: new Date('2026-05-02T09:00:00Z') });
  const file = path.join(dir, name);
  fs.writeFileSync(file, result.bytes);
  return file;
}

const WORDS: Record<'en' | 'ar', { sentence: string; label: string; question: string; section: string }> = {
  en: {
    sentence: 'Municipalities work with the police and civil society to make streets, markets and parks safer.',
    label: 'Measures in place',
    question: 'Describe the measures',
    section: 'Safer public spaces',
  },
  ar: {
    sentence: 'تعمل البلديات مع الشرطة والمجتمع المدني على جعل الشوارع والأسواق والحدائق أكثر أمانا.',
    label: 'التدابير القائمة',
    question: 'صف التدابير',
    section: 'أماكن عامة أكثر أمانا',
  },
};

/**
 * Many items of uneven length, so that headings fall at every height of a page. Every heading
 * carries a marker: sections "S<n>", questions their id "K.<n>", labels "L<n>-<f>", captions "T<n>".
 */
function unevenModel(language: 'en' | 'ar'): ReportModel {
  const w = WORDS[language];
  const model = loadModel(language);
  model.sections = Array.from({ length: 4 }, (_, s) => ({
    id: `S${s + 1}`,
    title: `S${s + 1} ${w.section}`,
    items: Array.from({ length: 22 }, (_, i): ReportItem => {
      const n = s * 22 + i;
      return {
        id: `K.${n}`,
        question: w.question,
        state: 'answered',
        statusLabel: 'OK',
        fields: Array.from({ length: 1 + (n % 3) }, (_, f) => ({ label: `L${n}-${f} ${w.label}`, value: `${w.sentence} `.repeat(1 + ((n * 5 + f * 3) % 9)).trim() })),
        tables: n % 5 === 2 ? [{ caption: `T${n} ${w.label}`, columns: ['A', 'B'], rows: [[w.sentence, '1'], [w.sentence, '2']] }] : [],
        attachments: [],
      };
    }),
  }));
  return model;
}

const HEADING = /\b(?:S\d+|K\.\d+|L\d+-\d+|T\d+)\b/u;
const SECTION = /\bS\d+\b/u;

/** The last line of text above the footer (pdftotext bounding boxes; header and footer excluded). */
function lastBodyLine(lines: TextLine[]): string {
  const body = lines.filter((l) => l.yMin > 60 && l.yMax < 842 - 52);
  return (body[body.length - 1]?.words ?? []).map((w) => w.text).join(' ');
}

describe('headings', () => {
  it.each(['en', 'ar'] as const)('never end a page, in the body or in the contents (%s)', async (language) => {
    const file = await render(unevenModel(language), `uneven-${language}.pdf`);
    const pages = pageLines(file);
    const firstBody = outline(file)[0]?.page ?? 0;
    expect(firstBody).toBeGreaterThan(3);
    expect(pages.length).toBeGreaterThan(firstBody + 20);
    const endings = pages.map((lines, p) => ({ page: p + 1, last: lastBodyLine(lines) }));
    const body = endings.filter((e) => e.page >= firstBody && e.page < pages.length);
    const contents = endings.filter((e) => e.page >= 3 && e.page < firstBody);
    expect(body.every((e) => e.last !== '')).toBe(true);
    expect(body.filter((e) => HEADING.test(e.last))).toEqual([]);
    expect(contents.filter((e) => SECTION.test(e.last))).toEqual([]);
  });
});

/** The sample pack answered with every item type, in `language`; C.3 (no evidence) and C.4 unanswered. */
function sampleModel(language: Language): ReportModel {
  const draft = newDraft(
    { countryCode: 'KEN', responseLanguage: language, focalPoints: [], contributingInstitutions: [], periodCovered: { from: '2024-01-01', to: '2025-12-31' } },
    SAMPLE_PACK,
    new Date('2026-03-14T10:30:00Z'),
    `sample-${language}`,
  );
  draft.answers = structuredClone(EVERY_TYPE) as unknown as Record<string, never>;
  delete draft.answers['C.4'];
  return reportModelFromDraft(draft, getPack(SAMPLE_PACK).pack, { status: 'draft' });
}

const occurrences = (text: string, word: string): number => text.split(word).length - 1;

describe('status and unanswered items', () => {
  it('prints the implementation status once per item (en)', async () => {
    const model = sampleModel('en');
    const statuses = getPack(SAMPLE_PACK).pack.labels.status;
    const text = pdftotext(await render(model, 'status-en.pdf')).replace(/\s+/gu, ' ');
    // B.1 and C.1 are partially implemented, B.5 fully
    expect(occurrences(text, statuses.partially.en)).toBe(2);
    expect(occurrences(text, statuses.fully.en)).toBe(1);
    expect(text).toContain(`${createLabels('en').t('item.status')}: ${statuses.fully.en}`);
  });

  it('keeps the status out of the answer fields in every language (ar)', () => {
    const model = sampleModel('ar');
    for (const item of model.sections.flatMap((s) => s.items)) {
      expect(item.fields.map((f) => f.value), item.id).not.toContain(item.statusLabel);
    }
  });

  it.each(['en', 'ar'] as const)('says once that an unanswered item is unanswered (%s)', async (language) => {
    const word = createLabels(language).t('item.unanswered');
    const squash = (s: string): string => s.replace(/[\s\u200E\u200F\u202A-\u202E]+/gu, '');
    const model = sampleModel(language);
    const unansweredItems = model.sections.flatMap((s) => s.items).filter((i) => i.state === 'unanswered');
    expect(unansweredItems.map((i) => i.id)).toEqual(['C.3', 'C.4']);
    // each one's status line says it, and nothing else does
    const fromDraft = pdftotext(await render(model, `unanswered-${language}.pdf`));
    expect(occurrences(squash(fromDraft), squash(word))).toBe(2);
    // a model whose unanswered item carries another status label: that label, and the word once
    const fixture = loadModel(language);
    const unanswered = fixture.sections.flatMap((s) => s.items).filter((i) => i.state === 'unanswered');
    expect(unanswered).toHaveLength(1);
    const text = pdftotext(await render(fixture, `unanswered-fixture-${language}.pdf`));
    expect(occurrences(squash(text), squash(word))).toBe(1);
    expect(squash(text)).toContain(squash(unanswered[0]?.statusLabel ?? '?'));
  });
});
