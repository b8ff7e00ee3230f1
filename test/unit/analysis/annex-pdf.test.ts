// The statistical annex as PDF through the report engine, read back with poppler: in Arabic and
// in English, countries alphabetical, consent applied, no free text and no per-country score.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareReport, writeReport } from '../../../core/analysis';
import type { Language } from '../../../core/i18n/languages';
import { pdftotext, qpdfCheck } from '../pdf/pdf-tools';
import { NOW, sourceOf, submissionFor } from './fixture';
import { expectAlphabetical } from './no-ranking';

const dir = mkdtempSync(path.join(os.tmpdir(), 'scsa-annex-'));
const SECRET = 'Neighbourhood lighting kept confidential by Austria';
const practice = (title: string) => [{ title, city: 'Graz', period: '2024', description: 'd', results: 'r', evidence: '', contact: '' }];
const subs = [
  submissionFor('KEN', { consent: 'full' }),
  submissionFor('AUT', { consent: 'not_public', answers: { 'F.1': practice(SECRET) } }),
  submissionFor('EGY', { consent: 'full', language: 'ar' }),
  submissionFor('FRA', { consent: 'summary_only' }),
];
// pdftotext wraps lines it takes for mixed-direction text in embedding marks.
const squash = (s: string) => s.replace(/[\s\u202A-\u202E\u2066-\u2069]+/g, '');

async function annex(language: Language, publishable: boolean): Promise<{ file: string; text: string; names: string[] }> {
  const report = await prepareReport({ source: sourceOf(subs), language, publishable, now: NOW });
  const file = path.join(dir, `annex-${language}-${publishable ? 'public' : 'internal'}.pdf`);
  const written = await writeReport(file, report, { format: 'pdf' });
  expect(written.missingGlyphs).toEqual([]);
  return { file, text: pdftotext(file), names: report.model.participants.map((p) => p.name) };
}

describe.each([
  ['ar', true],
  ['en', true],
  ['en', false],
] as const)('annex in %s (publishable: %s)', (language, publishable) => {
  let out: { file: string; text: string; names: string[] };
  beforeAll(async () => {
    out = await annex(language, publishable);
  }, 120_000);

  it('is a sound PDF whose title and participating countries read back, alphabetical', () => {
    expect(qpdfCheck(out.file).status).toBe(0);
    const title = { ar: 'المرفق الإحصائي للتقرير المواضيعي عن التنفيذ', en: 'Statistical annex to the thematic implementation report' }[language as 'ar' | 'en'];
    expect(squash(out.text)).toContain(squash(title));
    // Page 3 is the participation table: its rows come back top to bottom.
    const page = squash(pdftotext(out.file, 3));
    const positions = out.names.map((n) => page.indexOf(squash(n)));
    expect(positions.every((p) => p >= 0), `${out.names.join(', ')} on page 3`).toBe(true);
    expectAlphabetical([...out.names].sort((a, b) => page.indexOf(squash(a)) - page.indexOf(squash(b))), language, 'annex participation');
    expect(out.names).toHaveLength(4);
  });

  it('prints no free text (the executive summaries stay in the spreadsheet)', () => {
    expect(out.text).not.toContain('FICTIONAL EXAMPLE FOR TRAINING');
  });

  it(publishable ? 'leaves out what a country did not consent to publish' : 'uses every answer internally', () => {
    expect(squash(out.text).includes(squash(SECRET))).toBe(!publishable);
  });
});
