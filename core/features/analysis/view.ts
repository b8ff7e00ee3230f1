/**
 * The analysis as the screen shows it: the model's counts per item with their labels in the UI
 * language, and the answers of one item on demand (free text and table rows can be large; the
 * exports hold them all). Countries stay in the model's alphabetical order throughout.
 */
import { localize } from '../../checklist/localized';
import { STATUS_VALUES, ASSISTANCE_TYPES, type UncacField } from '../../checklist/vocabulary';
import type { PreparedReport } from '../../analysis/report';
import { cleanText } from '../../analysis/sanitize';
import { yesNoLabel } from '../../analysis/labels';
import { isRegionalGroup, regionalGroupOf, type RegionalGroup } from '../../analysis/regional-groups';
import { LANGUAGES, type Language } from '../../i18n/languages';
import type { AnalysisFilters, AnalysisItem, AnalysisView, ItemAnswers } from './contract';

export interface ViewContext {
  viewId: string;
  filters: AnalysisFilters;
  available: AnalysisView['available'];
  unreadable: number;
}

/** What the filters can offer: the regional groups and response languages among all current submissions. */
export function availableOf(report: Pick<PreparedReport, 'selection'>, checklists: AnalysisView['available']['checklists']): AnalysisView['available'] {
  const groups = new Set<RegionalGroup>();
  const languages = new Set<Language>();
  for (const { submission } of report.selection.current) {
    const group = regionalGroupOf(submission.assessment.countryCode);
    if (group) groups.add(group);
    languages.add(submission.assessment.responseLanguage);
  }
  return { checklists, groups: [...groups].filter(isRegionalGroup), languages: LANGUAGES.filter((l) => languages.has(l)) };
}

export function buildView(report: PreparedReport, ctx: ViewContext): AnalysisView {
  const { model, pack, labels } = report;
  const lang = labels.language;
  const text = (t: Parameters<typeof localize>[0]) => localize(t, lang).text;
  const statusLabel = (v: (typeof STATUS_VALUES)[number]) => text(pack.pack.labels.status[v]);
  const typeLabel = (v: (typeof ASSISTANCE_TYPES)[number]) => text(pack.pack.labels.assistanceTypes[v]);
  const answersPerItem = new Map<string, number>();
  for (const e of model.freeText) answersPerItem.set(e.itemId, (answersPerItem.get(e.itemId) ?? 0) + 1);
  for (const t of model.tables) answersPerItem.set(t.itemId, (answersPerItem.get(t.itemId) ?? 0) + t.rows.length);

  const items: AnalysisItem[] = model.coverage.map((row) => {
    const item = pack.items.get(row.itemId);
    const view: AnalysisItem = { id: row.itemId, question: item ? text(item.text) : row.itemId, type: item?.type ?? 'text', denominator: row.denominator, answers: answersPerItem.get(row.itemId) ?? 0 };
    const status = model.status.find((r) => r.itemId === row.itemId);
    if (status) view.status = { counts: STATUS_VALUES.map((v) => ({ id: v, label: statusLabel(v), count: status.counts[v] })), denominator: status.denominator };
    const choices = model.choices.find((r) => r.itemId === row.itemId);
    if (choices) {
      const optionLabel = (id: string): string => {
        const option = item && (item.type === 'single' || item.type === 'multi') ? item.options.find((o) => o.id === id) : undefined;
        return option ? text(option.label) : yesNoLabel(labels, id);
      };
      view.options = choices.options.map((o) => ({ id: o.id, label: optionLabel(o.id), count: o.count }));
    }
    const numbers = model.numbers.find((r) => r.itemId === row.itemId);
    if (numbers) view.numbers = { min: numbers.min, median: numbers.median, max: numbers.max };
    const assistance = model.assistanceItems.find((r) => r.itemId === row.itemId);
    if (assistance) {
      view.assistance = {
        needed: assistance.needed,
        notNeeded: assistance.notNeeded,
        denominator: assistance.denominator,
        types: ASSISTANCE_TYPES.map((t) => ({ id: t, label: typeLabel(t), count: assistance.types[t] })),
      };
    }
    return view;
  });

  return {
    viewId: ctx.viewId,
    language: lang,
    checklist: { id: model.checklist.id, version: model.checklist.version, title: text(pack.pack.title) },
    ...(model.versions ? { versions: model.versions } : {}),
    available: ctx.available,
    filters: ctx.filters,
    participants: model.participants.map((p) => ({
      code: p.code,
      name: p.name,
      group: p.group,
      responseLanguage: p.responseLanguage,
      checklistVersion: p.checklistVersion,
      submissionRevision: p.submissionRevision,
      baggingDate: p.baggingDate,
      consent: p.consent,
    })),
    statisticsCount: model.statisticsCount,
    leftOut: report.leftOut,
    conflicts: report.selection.conflicts.length,
    unreadable: ctx.unreadable,
    items,
    assistanceTypes: model.assistanceTypes.map((r) => ({
      id: r.type,
      label: typeLabel(r.type),
      countries: r.countries,
      itemMentions: r.itemMentions,
      tableRows: Object.values(r.tableRows).reduce((a, b) => a + b, 0),
    })),
  };
}

/** The answers of `itemId` as written, countries alphabetical, at most `limit` of them. */
export function itemAnswers(report: PreparedReport, itemId: string, limit: number): ItemAnswers {
  const { model, pack, labels } = report;
  const fieldLabel = (field: string | null): string | null => (field === null ? null : localize(pack.pack.labels.uncac[field as UncacField], labels.language).text);
  const texts = model.freeText.filter((e) => e.itemId === itemId);
  const table = report.tables.find((t) => t.id === `item-${itemId}`);
  const tableRows = model.tables.find((t) => t.itemId === itemId)?.rows ?? [];
  const total = texts.length + tableRows.length;
  const out: ItemAnswers = {
    itemId,
    freeText: texts.slice(0, limit).map((e) => ({ field: fieldLabel(e.field), country: e.country.code, language: e.country.responseLanguage, text: cleanText(e.text) })),
    total,
  };
  if (table) {
    // The export table's first three columns are the country, its code and the response language.
    out.table = {
      columns: table.columns.slice(3).map((c) => ({ id: c.key, label: c.header })),
      rows: table.rows.slice(0, limit).map((r, i) => ({
        country: String(r.cells[1] ?? ''),
        language: tableRows[i]?.country.responseLanguage ?? 'en',
        cells: r.cells.slice(3).map((c) => (c === null ? '' : typeof c === 'number' ? labels.number(c) : c)),
      })),
    };
  }
  return out;
}
