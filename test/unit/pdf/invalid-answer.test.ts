/**
 * The PDF never calls an invalid answer "answered" (issue 13.5): such an item says it is to be
 * corrected and why, in the response language, and still prints the answer as written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import raw from '../../../core/checklist/packs/safer-cities-sacl.pack.json';
import { loadPack } from '../../../core/checklist/load';
import { newDraft } from '../../../core/draft/create';
import type { Draft } from '../../../core/draft/schema';
import { reportModelFromDraft } from '../../../core/pdf/from-draft';
import { renderReport } from '../../../core/pdf/report';
import type { ReportItem } from '../../../core/pdf/report-model';
import { pdftotext } from './pdf-tools';

const { pack } = loadPack(raw, 'strict');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scsa-pdf-invalid-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function draftIn(language: 'fr' | 'ar', answers: Record<string, unknown>): Draft {
  const d = newDraft({ countryCode: language === 'fr' ? 'FRA' : 'MAR', responseLanguage: language }, pack, new Date('2026-05-01T00:00:00Z'), `invalid-${language}`);
  return { ...d, answers: answers as Draft['answers'] };
}

const ANSWERS = {
  'A.1': 'Ministère de l’Intérieur',
  'B.1': true,
  'B.3': [{ title: 'Stratégie nationale', year: 2021, end: 2019 }],
  'B.11': -5,
  'D.8': true,
  'D.9': 2019.5,
};

const item = (items: ReportItem[], id: string) => items.find((i) => i.id === id)!;

describe('an invalid answer in the PDF report', () => {
  it('is "to be corrected", with the reason in the response language, and its answer kept', () => {
    const model = reportModelFromDraft(draftIn('fr', ANSWERS), pack, { status: 'draft' });
    const items = model.sections.flatMap((s) => s.items);
    expect(item(items, 'A.1')).toMatchObject({ state: 'answered', statusLabel: 'Répondu' });
    expect(item(items, 'B.11')).toMatchObject({ state: 'invalid', statusLabel: 'Réponse non valide, à corriger', problems: ['Le montant ne peut pas être négatif.'] });
    expect(item(items, 'D.9')).toMatchObject({ state: 'invalid', problems: ['Saisissez un nombre entier, sans décimales.'] });
    expect(item(items, 'B.3').state).toBe('invalid');
    expect(item(items, 'B.3').problems?.[0]).toMatch(/^Ligne 1/);
    expect(item(items, 'B.3').tables[0]?.rows).toEqual([['Stratégie nationale', '2021', '', '2019', '']]);
    for (const i of items.filter((x) => x.state === 'invalid')) expect(i.statusLabel).not.toBe('Répondu');
  });

  it('prints "to correct" and the reason, and never "Answered", for such an item (Arabic)', async () => {
    const model = reportModelFromDraft(draftIn('ar', { 'B.11': -5 }), pack, { status: 'draft' });
    const rendered = await renderReport(model, { creationDate: new Date('2026-05-02T09:00:00Z') });
    const file = path.join(dir, 'ar.pdf');
    fs.writeFileSync(file, rendered.bytes);
    const text = pdftotext(file);
    const b11 = item(model.sections.flatMap((s) => s.items), 'B.11');
    expect(b11.state).toBe('invalid');
    const squash = (s: string) => s.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, '');
    expect(squash(text)).toContain(squash(b11.problems?.[0] ?? 'missing'));
    expect(squash(text)).toContain(squash('إجابة غير صالحة، يلزم تصحيحها'));
    expect(squash(text)).not.toContain(squash('تمت الإجابة'));
  }, 120_000);
});
