/**
 * Drafts as PDF reports: the sample pack fully answered in each of the six response languages and
 * the two bundled example assessments, through reportModelFromDraft → renderReport, read back
 * with qpdf and poppler.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExample } from '../../../core/checklist/examples';
import { localize } from '../../../core/checklist/localized';
import { getPack, SAMPLE_PACK } from '../../../core/checklist/registry';
import type { ChecklistPack } from '../../../core/checklist/schema';
import { newDraft } from '../../../core/draft/create';
import type { Draft } from '../../../core/draft/schema';
import { LANGUAGES, type Language } from '../../../core/i18n/languages';
import { setLogSink } from '../../../core/log';
import { describeWarnings, reportModelFromDraft } from '../../../core/pdf/from-draft';
import { createLabels } from '../../../core/pdf/labels';
import { renderReport } from '../../../core/pdf/report';
import type { ReportModel } from '../../../core/pdf/report-model';
import { EVERY_TYPE } from '../api/harness';
import { outline, pageCount, pdffonts, pdftotext, qpdfCheck, run } from './pdf-tools';

const RENDER_TIMEOUT = 120_000;
const SHA = 'a605c30084c83bb636edc889dd991dd21cf83908057d88ca07cfc075cbdc5fd4';

/** Free-text answers written natively in each language (the user's own words, printed verbatim). */
const TEXTS: Record<Language, { country: string; ministry: string; measures: string; challenges: string; cities: [string, string]; inclusion: string; from: string; file: string }> = {
  en: {
    country: 'GBR', ministry: 'Ministry of Housing, Communities and Local Government', measures: 'Law No. 2021-12 on the prevention of urban violence',
    challenges: 'Funding for small municipalities remains limited', cities: ['Manchester', 'Glasgow'],
    inclusion: "Women's groups and youth councils took part in every local safety audit.\nOlder persons were consulted through their associations.", from: 'UN-Habitat', file: 'National strategy 2024.pdf',
  },
  fr: {
    country: 'FRA', ministry: 'Ministère de la Transition écologique et de la Cohésion des territoires', measures: 'Loi n° 2021-12 relative à la prévention des violences urbaines',
    challenges: 'Le financement des petites communes reste limité', cities: ['Lyon', 'Marseille'],
    inclusion: 'Les associations de femmes et les conseils de jeunes ont participé à chaque diagnostic local de sécurité.\nLes personnes âgées ont été consultées par leurs associations.', from: 'ONU-Habitat', file: 'Stratégie nationale 2024.pdf',
  },
  es: {
    country: 'ESP', ministry: 'Ministerio de Vivienda y Agenda Urbana', measures: 'Ley 12/2021 sobre la prevención de la violencia urbana',
    challenges: 'La financiación de los municipios pequeños sigue siendo limitada', cities: ['Sevilla', 'Bilbao'],
    inclusion: 'Las asociaciones de mujeres y los consejos de jóvenes participaron en cada auditoría local de seguridad.\nSe consultó a las personas mayores a través de sus asociaciones.', from: 'ONU-Hábitat', file: 'Estrategia nacional 2024.pdf',
  },
  ru: {
    country: 'RUS', ministry: 'Министерство строительства и жилищно-коммунального хозяйства', measures: 'Федеральный закон № 12 о профилактике насилия в городах',
    challenges: 'Финансирование малых муниципалитетов остаётся ограниченным', cities: ['Казань', 'Новосибирск'],
    inclusion: 'Женские организации и молодёжные советы участвовали в каждом местном аудите безопасности.\nС пожилыми людьми консультировались через их ассоциации.', from: 'ООН-Хабитат', file: 'Национальная стратегия 2024.pdf',
  },
  zh: {
    country: 'CHN', ministry: '住房和城乡建设部', measures: '关于预防城市暴力的第12号法律', challenges: '小城市的资金仍然有限', cities: ['成都', '武汉'],
    inclusion: '妇女团体和青年委员会参与了每一次地方安全审计。\n通过老年人协会征求了老年人的意见。', from: '联合国人居署', file: '国家战略2024.pdf',
  },
  ar: {
    country: 'MAR', ministry: 'وزارة إعداد التراب الوطني والتعمير والإسكان وسياسة المدينة', measures: 'القانون رقم 12 لسنة 2021 بشأن الوقاية من العنف في المدن',
    challenges: 'لا يزال تمويل البلديات الصغيرة محدودا', cities: ['الدار البيضاء', 'فاس'],
    inclusion: 'شاركت الجمعيات النسائية ومجالس الشباب في كل تدقيق محلي للسلامة.\nاستُشير كبار السن عبر جمعياتهم.', from: 'موئل الأمم المتحدة', file: 'الاستراتيجية الوطنية 2024.pdf',
  },
};

/** The sample pack answered in full (every item type) in `language`; B.3 is skipped by B.1's answer. */
function sampleDraft(language: Language): Draft {
  const x = TEXTS[language];
  const draft = newDraft(
    {
      countryCode: x.country,
      responseLanguage: language,
      focalPoints: [{ name: 'Amina Haddad', title: 'Director', institution: x.ministry, email: 'amina@example.org', phone: '+33 1 23 45 67 89' }],
      contributingInstitutions: [x.cities[0]],
      periodCovered: { from: '2024-01-01', to: '2025-12-31' },
    },
    SAMPLE_PACK,
    new Date('2026-03-14T10:30:00Z'),
    `sample-${language}`,
  );
  draft.revision = 4;
  draft.attachments = [{ sha256: SHA, name: x.file, size: 248311, mediaType: 'application/pdf' }];
  draft.answers = {
    ...structuredClone(EVERY_TYPE) as unknown as Record<string, never>,
    'A.1': x.ministry,
    'B.4': 12.5,
    'B.5': { ...EVERY_TYPE['B.5'], assistanceTypes: ['capacity_building'], measures: x.measures, assistanceReceivedFrom: x.from },
    'C.1': { status: 'partially', challenges: x.challenges },
    'C.2': [
      { ...EVERY_TYPE['C.2'][0], city: x.cities[0] },
      { ...EVERY_TYPE['C.2'][1], city: x.cities[1] },
    ],
    'C.3': { files: [SHA], links: [{ url: 'https://example.org/strategy', title: x.measures }] },
    'C.4': x.inclusion,
  };
  return draft;
}

const BIDI_MARKS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
/** Whitespace and hyphens removed: lines wrap at spaces, and pdftotext drops a hyphen that ends a line. */
const squash = (text: string) => text.replace(/[\s\u00AD-]+/gu, '').replace(BIDI_MARKS, '');

/**
 * Text of the document in content-stream order (`-raw`: a wrapped table cell stays in one piece
 * instead of being interleaved with its neighbours), without running headers and footers, which
 * can fall inside a long answer.
 */
function bodyText(file: string, model: ReportModel, pages: number): string {
  const labels = createLabels(model.language);
  const chrome = [labels.t('header', { country: model.country, checklist: `${model.checklist.title ?? model.checklist.id} ${model.checklist.version}` }), labels.t('status.draft')];
  for (let p = 1; p <= pages; p++) chrome.push(labels.t('footer', { page: p, pages }));
  return run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'])
    .split('\n')
    .filter((line) => chrome.reduce((rest, c) => rest.replace(c, ''), line).trim() !== '')
    .join('\n');
}

function answersOf(model: ReportModel): string[] {
  return model.sections.flatMap((s) =>
    s.items.flatMap((i) => [...i.fields.map((f) => f.value), ...i.tables.flatMap((t) => t.rows.flat()), ...i.attachments.map((a) => a.name)]),
  ).filter((a) => a.trim() !== '');
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

let dir: string;
beforeAll(() => {
  setLogSink(null);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scsa-pdf-draft-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  setLogSink((line) => process.stderr.write(line + '\n'));
});

describe('reportModelFromDraft', () => {
  const sample = getPack(SAMPLE_PACK).pack;

  it('names the country by its official UN name in the response language', () => {
    expect(reportModelFromDraft(sampleDraft('ru'), sample, { status: 'draft' }).country).toBe('Российская Федерация');
    expect(reportModelFromDraft(sampleDraft('en'), sample, { status: 'draft' }).country).toBe('United Kingdom of Great Britain and Northern Ireland');
    const draft = sampleDraft('fr');
    const turkiye = { ...draft, assessment: { ...draft.assessment, countryCode: 'TUR' } };
    expect(reportModelFromDraft(turkiye, sample, { status: 'draft' }).country).toBe('Türkiye');
  });

  it('lists every section and item of the pack in the response language, with their states', () => {
    const model = reportModelFromDraft(sampleDraft('fr'), sample, { status: 'draft' });
    expect(model.language).toBe('fr');
    expect(model.country).toBe('France');
    expect(model.author).toBe(TEXTS.fr.ministry);
    expect(model.revision).toBe(4);
    expect(model.checklist).toEqual({ id: 'safer-cities-sample', version: '0.1.0' });
    expect(model.sections.map((s) => s.title)).toEqual(sample.sections.map((s) => s.title.fr));
    expect(model.sections.flatMap((s) => s.items.map((i) => i.question))).toEqual(sample.sections.flatMap((s) => s.items.map((i) => i.text.fr)));
    const item = (id: string) => model.sections.flatMap((s) => s.items).find((i) => i.id === id);
    expect(item('B.3')?.state).toBe('skipped');
    expect(item('A.1')).toMatchObject({ state: 'answered', fields: [{ label: '', value: TEXTS.fr.ministry }] });
    expect(item('B.1')?.statusLabel).toBe(sample.labels.status.partially.fr);
    expect(item('A.4')?.fields[0]?.value).toBe('Non');
    expect(item('A.2')?.fields[0]?.value).toBe('17 mai 2024');
    expect(item('B.4')?.fields[0]?.value).toBe('12,5 pour cent');
    const c2 = item('C.2')?.tables[0];
    expect(c2?.columns[0]).toBe('Ville');
    expect(c2?.rows[0]?.slice(0, 4)).toEqual(['Lyon', '1 février 2023', '522\u202f000', 'Oui']);
    expect(c2?.rows[1]?.slice(1, 4)).toEqual(['', '', '']);
    const b5 = item('B.5');
    expect(b5?.statusLabel).toBe(sample.labels.status.fully.fr);
    // the status is the item's status line, printed once: not a field as well
    expect(b5?.fields.map((f) => f.label)).toEqual(['measures', 'assistanceNeeded', 'assistanceTypes', 'assistanceReceivedFrom'].map((k) => sample.labels.uncac[k as 'status'].fr));
    expect(item('B.1')?.fields).toEqual([]);
    expect(b5?.fields.find((f) => f.label === sample.labels.uncac.assistanceTypes.fr)?.value).toBe(sample.labels.assistanceTypes.capacity_building.fr);
    expect(item('C.3')).toMatchObject({ attachments: [{ name: TEXTS.fr.file, size: 248311, sha256: SHA }], fields: [{ label: 'Liens', value: `${TEXTS.fr.measures}\nhttps://example.org/strategy` }] });
    expect(model.focalPoints).toEqual([{ name: 'Amina Haddad', role: 'Director', institution: TEXTS.fr.ministry, email: 'amina@example.org', phone: '+33 1 23 45 67 89' }]);
    expect(model.coverDetails).toEqual([{ label: 'Période couverte', value: '1 janvier 2024 – 31 décembre 2025' }]);
  });

  it('marks unanswered items, uses Western digits in Arabic and names the example country in words', () => {
    const draft = sampleDraft('ar');
    draft.assessment.countryCode = 'XXX';
    delete draft.answers['C.4'];
    const model = reportModelFromDraft(draft, sample, { status: 'draft' });
    const item = (id: string) => model.sections.flatMap((s) => s.items).find((i) => i.id === id);
    expect(model.country).toBe('مثال');
    expect(item('C.4')).toMatchObject({ state: 'unanswered', fields: [] });
    expect(item('C.2')?.tables[0]?.rows[0]?.[2]).toBe('522,000');
    const example = reportModelFromDraft(loadExample('en'), getPack(loadExample('en').checklist).pack, { status: 'draft' });
    expect(example.country).toBe('Example');
    // a year is printed as a year, a large amount with separators
    const exampleItem = (id: string) => example.sections.flatMap((s) => s.items).find((i) => i.id === id);
    expect(exampleItem('D.9')?.fields[0]?.value).toBe(String(loadExample('en').answers['D.9']));
    expect(exampleItem('B.11')?.fields[0]?.value).toMatch(/^38,500,000\b/);
  });

  it('falls back to English for a missing translation and shows the bundle identity only when submitted', () => {
    const pack = structuredClone(sample) as ChecklistPack;
    const first = pack.sections[0]?.items[0];
    if (first) first.text.ru = '';
    const draft = sampleDraft('ru');
    const submitted = reportModelFromDraft(draft, pack, { status: 'submitted', externalIdentifier: 'RUS-2026-0007', signerFingerprint: 'AB12 CD34 EF56', now: new Date('2026-05-02T09:00:00Z') });
    expect(submitted.sections[0]?.items[0]?.question).toBe(sample.sections[0]?.items[0]?.text.en);
    expect(submitted.sections[0]?.items[1]?.question).toBe(sample.sections[0]?.items[1]?.text.ru);
    expect(submitted.date).toBe('2026-05-02T09:00:00.000Z');
    expect(submitted.coverDetails.map((d) => d.value)).toEqual(expect.arrayContaining(['RUS-2026-0007', 'AB12 CD34 EF56']));
    const asDraft = reportModelFromDraft(draft, pack, { status: 'draft', externalIdentifier: 'RUS-2026-0007' });
    expect(asDraft.coverDetails.map((d) => d.value)).not.toContain('RUS-2026-0007');
    delete draft.answers['A.1'];
    expect(reportModelFromDraft(draft, pack, { status: 'draft' }).author).toBe(TEXTS.ru.ministry);
  });

  it('words render warnings in the interface language', () => {
    const lines = describeWarnings([{ code: 'missingGlyphs', codePoints: ['U+E000'] }, { code: 'truncated', itemId: 'B.3', omitted: 1200 }], 'fr');
    expect(lines[0]).toContain('U+E000');
    expect(lines[1]).toContain('B.3');
    expect(lines[1]).toContain('1\u202f200');
  });
});

interface Case {
  name: string;
  draft: Draft;
}

const CASES: Case[] = [
  ...LANGUAGES.map((l) => ({ name: `sample pack in ${l}`, draft: sampleDraft(l) })),
  { name: 'English example', draft: loadExample('en') },
  { name: 'Arabic example', draft: loadExample('ar') },
];

describe.each(CASES)('PDF of the $name', ({ name, draft }) => {
  const pack = getPack(draft.checklist).pack;
  const model = reportModelFromDraft(draft, pack, { status: 'draft' });
  let file = '';
  let pages = 0;

  beforeAll(async () => {
    const rendered = await renderReport(model, { creationDate: new Date('2026-05-02T09:00:00Z') });
    expect(rendered.warnings).toEqual([]);
    file = path.join(dir, `${name.replace(/\W+/g, '-')}.pdf`);
    fs.writeFileSync(file, rendered.bytes);
    pages = rendered.pages;
  }, RENDER_TIMEOUT);

  it('passes qpdf --check, has a page per section at least and an outline of every section and item', () => {
    const check = qpdfCheck(file);
    expect(check.output).toContain('No syntax or stream encoding errors');
    expect(check.status).toBe(0);
    expect(pageCount(file)).toBe(pages);
    expect(pages).toBeGreaterThanOrEqual(pack.sections.length);
    const tree = outline(file);
    expect(tree.map((n) => n.title)).toEqual(pack.sections.map((s) => localize(s.title, draft.assessment.responseLanguage).text.slice(0, 90)));
    expect(tree.map((n) => n.kids.map((k) => k.title.split(' ')[0]))).toEqual(pack.sections.map((s) => s.items.map((i) => i.id)));
    expect(tree.length + tree.reduce((n, s) => n + s.kids.length, 0)).toBe(pack.sections.length + pack.sections.reduce((n, s) => n + s.items.length, 0));
    const fonts = pdffonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font, font.name).toMatchObject({ embedded: true, subset: true });
  });

  if (draft.assessment.responseLanguage === 'ar') {
    it('gives back at least 90 % of the Arabic words of the answers', () => {
      const found = arabicWords(pdftotext(file)).join('');
      const expected = answersOf(model).flatMap(arabicWords);
      const hits = expected.filter((w) => found.includes(w)).length;
      expect(expected.length).toBeGreaterThan(name.includes('example') ? 500 : 30);
      expect(hits / expected.length).toBeGreaterThanOrEqual(0.9);
    });
  } else {
    it('gives back every answer exactly, the user\'s own words included', () => {
      const text = squash(bodyText(file, model, pages));
      for (const answer of answersOf(model)) expect(text, answer).toContain(squash(answer));
      if (name.startsWith('sample')) {
        const x = TEXTS[draft.assessment.responseLanguage];
        for (const own of [x.ministry, x.measures, x.challenges, ...x.cities, x.inclusion, x.from, x.file]) expect(text).toContain(squash(own));
      }
    });
  }

  it('says "skipped" for each skipped item, under its own heading', () => {
    const items = model.sections.flatMap((s) => s.items);
    const skipped = items.filter((i) => i.state === 'skipped');
    expect(skipped.length).toBeGreaterThan(0);
    const word = squash(createLabels(model.language).t('item.skipped'));
    const pageOf = new Map(outline(file).flatMap((s) => s.kids.map((k) => [k.title.split(' ')[0], k.page] as const)));
    for (const item of skipped) {
      // the page the item's bookmark opens, and the next one in case its status line moved over
      const page = pageOf.get(item.id) ?? 0;
      const text = squash(pdftotext(file, page) + (page < pages ? pdftotext(file, page + 1) : ''));
      const next = items[items.indexOf(item) + 1];
      const start = text.indexOf(squash(item.id));
      expect(start, item.id).toBeGreaterThanOrEqual(0);
      const end = next ? text.indexOf(squash(next.id), start + item.id.length) : -1;
      expect(text.slice(start, end === -1 ? undefined : end), item.id).toContain(word);
    }
  });
});
