// A report model (core/pdf ReportModel) of a draft of the benchmark pack: every answer printed as
// text, tables as tables, labels from the pack in the response language.
import type { ChecklistItem, ChecklistPack } from '../../core/checklist/schema';
import { UNCAC_FIELDS } from '../../core/checklist/vocabulary';
import type { Draft } from '../../core/draft/schema';
import type { Language } from '../../core/i18n/languages';
import type { ReportModelInput } from '../../core/pdf/report-model';

type Field = { label: string; value: string };
type Table = { caption?: string; columns: string[]; rows: string[][] };

const YES_NO: Record<Language, [string, string]> = {
  ar: ['نعم', 'لا'],
  zh: ['是', '否'],
  en: ['Yes', 'No'],
  fr: ['Oui', 'Non'],
  ru: ['Да', 'Нет'],
  es: ['Sí', 'No'],
};

function cell(v: unknown, lang: Language): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return YES_NO[lang][v ? 0 : 1];
  return String(v);
}

function describe(item: ChecklistItem, answer: unknown, pack: ChecklistPack, lang: Language): { status: string; fields: Field[]; tables: Table[] } {
  const statusLabel = (s: unknown) => pack.labels.status[s as keyof ChecklistPack['labels']['status']]?.[lang] ?? String(s);
  const optionLabel = (id: unknown) => ('options' in item ? item.options.find((o) => o.id === id)?.label[lang] : undefined) ?? String(id);
  switch (item.type) {
    case 'status':
      return { status: statusLabel(answer), fields: [], tables: [] };
    case 'single':
      return { status: '', fields: [{ label: '', value: optionLabel(answer) }], tables: [] };
    case 'multi':
      return { status: '', fields: [{ label: '', value: (answer as unknown[]).map(optionLabel).join('\n') }], tables: [] };
    case 'table': {
      const rows = (answer as Record<string, unknown>[]).map((row) =>
        item.columns.map((c) => (c.type === 'single' ? (c.options?.find((o) => o.id === row[c.id])?.label[lang] ?? '') : cell(row[c.id], lang))),
      );
      return { status: '', fields: [], tables: [{ columns: item.columns.map((c) => c.label[lang]), rows }] };
    }
    case 'evidence': {
      const links = (answer as { links: { url: string; title?: string }[] }).links;
      return { status: '', fields: links.map((l) => ({ label: l.title ?? '', value: l.url })), tables: [] };
    }
    case 'uncac': {
      const a = answer as Record<string, unknown>;
      const fields: Field[] = [];
      for (const f of UNCAC_FIELDS) {
        if (f === 'status' || a[f] === undefined) continue;
        const v = a[f];
        const value = Array.isArray(v) ? v.map((t) => pack.labels.assistanceTypes[t as keyof ChecklistPack['labels']['assistanceTypes']]?.[lang] ?? String(t)).join('\n') : cell(v, lang);
        fields.push({ label: pack.labels.uncac[f][lang], value });
      }
      return { status: statusLabel(a.status), fields, tables: [] };
    }
    default:
      return { status: '', fields: [{ label: '', value: cell(answer, lang) }], tables: [] };
  }
}

export function reportModelOf(draft: Draft, pack: ChecklistPack): ReportModelInput {
  const lang = draft.assessment.responseLanguage;
  const fp = draft.assessment.focalPoints;
  return {
    language: lang,
    title: pack.title[lang],
    country: 'Example (XXX)',
    checklist: { id: pack.id, version: pack.version, title: pack.title[lang] },
    revision: draft.revision,
    date: '2026-11-20',
    status: 'draft',
    author: fp[0]?.institution ?? '',
    focalPoints: fp.map((p) => ({ name: p.name, role: p.title, institution: p.institution, email: p.email, phone: p.phone })),
    institutions: draft.assessment.contributingInstitutions.map((name) => ({ name })),
    sections: pack.sections.map((s) => ({
      id: s.id,
      title: s.title[lang],
      items: s.items.map((item) => {
        const d = describe(item, draft.answers[item.id], pack, lang);
        return { id: item.id, question: item.text[lang], state: 'answered' as const, statusLabel: d.status || '—', fields: d.fields, tables: d.tables, attachments: [] };
      }),
    })),
  };
}
