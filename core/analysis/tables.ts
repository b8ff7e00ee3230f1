/**
 * The analysis as tables, localized in the chosen language: the one shape that the XLSX, CSV and
 * PDF exports all render, so that they cannot disagree. Each table has a stable id (CSV file
 * names, `scsa report --table`) and typed columns.
 *
 * No ranking, by construction: a table with a `country` column holds answers or facts about
 * participation and never a `count` or `statistic` column; counts live only in tables whose rows
 * are items, options or types. Tests check both, in every export.
 */
import { localize } from '../checklist/localized';
import type { LoadedPack } from '../checklist/load';
import type { AnalysisLabels } from './labels';
import type { AnalysisModel, Participant } from './model';
import type { RegionalGroup } from './regional-groups';
import { statisticTables } from './tables-stats';
import { answerTables } from './tables-answers';

/**
 * What a column holds. `country`: the country's name (rows in alphabetical order); `code`, `label`,
 * `date`, `id`: facts; `text`: free text as written; `answer`: a value a country gave (a cell of
 * its table); `count` and `statistic`: numbers over all countries, only in tables without a country.
 */
export type ColumnKind = 'country' | 'code' | 'label' | 'date' | 'id' | 'text' | 'answer' | 'count' | 'statistic';

export interface ExportColumn {
  key: string;
  header: string;
  kind: ColumnKind;
  /** Width in characters, for spreadsheets and the PDF's proportions. */
  width: number;
}

export type ExportCell = string | number | null;

export interface ExportRow {
  cells: ExportCell[];
  /** The row's free text is in a right-to-left language (Arabic answers). */
  rtl?: boolean;
}

export interface ExportTable {
  id: string;
  title: string;
  columns: ExportColumn[];
  rows: ExportRow[];
}

/** What the table builders share. */
export interface TableContext {
  model: AnalysisModel;
  pack: LoadedPack;
  labels: AnalysisLabels;
  /** An item's question in the export language. */
  question(itemId: string): string;
}

export function col(key: string, header: string, kind: ColumnKind, width = 14): ExportColumn {
  return { key, header, kind, width };
}

export function groupName(labels: AnalysisLabels, group: RegionalGroup | null): string {
  return labels.t(group === null ? 'groups.none' : `groups.${group}`);
}

function aboutTable(ctx: TableContext): ExportTable {
  const { model, labels, pack } = ctx;
  const { t } = labels;
  const rows: [string, string][] = [
    [t('about.checklist'), t('about.checklistValue', { title: localize(pack.pack.title, labels.language).text, id: model.checklist.id, version: model.checklist.version })],
    ...versionRows(ctx),
    [t('about.generated'), labels.date(model.generatedAt)],
    [t('about.language'), labels.languageName(labels.language)],
    [t('about.scope'), t(model.publishable ? 'about.publishable' : 'about.internal')],
    [t('about.participants'), labels.number(model.participants.length)],
    [t('about.statistics'), labels.number(model.statisticsCount)],
    [t('about.groups'), model.filters.groups.length === 0 ? t('about.all') : model.filters.groups.map((g) => groupName(labels, g)).join('; ')],
    [t('about.responseLanguages'), model.filters.responseLanguages.length === 0 ? t('about.all') : model.filters.responseLanguages.map((l) => labels.languageName(l)).join('; ')],
    [t('about.denominators'), t('about.denominatorsText')],
    [t('about.ranking'), t('noRanking')],
    [t('about.groupsSource'), t('about.groupsSourceValue')],
  ];
  return {
    id: 'about',
    title: t('tables.about'),
    columns: [col('property', t('columns.property'), 'label', 34), col('value', t('columns.value'), 'label', 90)],
    rows: rows.map((cells) => ({ cells })),
  };
}

/** Across versions: which versions are counted, under which one, and which are left out. */
function versionRows(ctx: TableContext): [string, string][] {
  const { model, labels } = ctx;
  const { t } = labels;
  if (!model.versions) return [];
  const { versions } = model;
  const rows: [string, string][] = [[t('about.versions'), t('about.versionsMapped', { target: versions.target, list: versions.counted.map((v) => v.version).join(', ') })]];
  if (versions.leftOut.length > 0) rows.push([t('about.versionsLeftOut'), versions.leftOut.map((v) => t('about.versionCountries', { version: v.version, countries: labels.number(v.countries) })).join('; ')]);
  return rows;
}

/** Across versions: per earlier version, the items whose answers are counted only in that version's own analysis. */
function versionsTable(ctx: TableContext): ExportTable[] {
  const { model, labels } = ctx;
  const { t } = labels;
  if (!model.versions) return [];
  return [
    {
      id: 'versions',
      title: t('tables.versions'),
      columns: [
        col('version', t('columns.checklistVersion'), 'code', 12),
        col('countries', t('columns.versionCountries'), 'count', 14),
        col('item', t('columns.item'), 'code', 7),
        col('question', t('columns.question'), 'label', 50),
        col('reason', t('columns.notCountedReason'), 'label', 40),
      ],
      rows: model.versions.counted.flatMap((v) =>
        v.notCounted.length === 0
          ? [{ cells: [v.version, v.countries, null, null, v.version === model.versions?.target ? t('versionTarget') : t('allMapped')] }]
          : v.notCounted.map((n) => ({ cells: [v.version, v.countries, n.itemId, n.question, t(`notCounted.${n.reason}`)] })),
      ),
    },
  ];
}

function participationTable(ctx: TableContext): ExportTable {
  const { labels } = ctx;
  const { t } = labels;
  const consent = (p: Participant): string => t(p.consent === null ? 'consent.none' : `consent.${p.consent}`);
  return {
    id: 'participation',
    title: t('tables.participation'),
    columns: [
      col('country', t('columns.country'), 'country', 28),
      col('iso3', t('columns.iso3'), 'code', 9),
      col('group', t('columns.group'), 'label', 30),
      col('responseLanguage', t('columns.responseLanguage'), 'label', 16),
      col('checklistVersion', t('columns.checklistVersion'), 'code', 12),
      col('revision', t('columns.revision'), 'id', 12),
      col('date', t('columns.date'), 'date', 14),
      col('consent', t('columns.consent'), 'label', 24),
      col('use', t('columns.use'), 'label', 24),
    ],
    rows: ctx.model.participants.map((p) => ({
      cells: [p.name, p.code, groupName(labels, p.group), labels.languageName(p.responseLanguage), p.checklistVersion, p.submissionRevision, p.baggingDate, consent(p), t(`use.${p.use}`)],
    })),
  };
}

/** Every table of the analysis, in the order of the workbook's sheets. */
export function buildTables(model: AnalysisModel, pack: LoadedPack, labels: AnalysisLabels): ExportTable[] {
  const questions = new Map([...pack.items.values()].map((item) => [item.id, localize(item.text, labels.language).text]));
  const ctx: TableContext = { model, pack, labels, question: (id) => questions.get(id) ?? id };
  return [aboutTable(ctx), participationTable(ctx), ...versionsTable(ctx), ...statisticTables(ctx), ...answerTables(ctx)];
}

/** Whether a table lists countries (and so must hold no count and keep alphabetical order). */
export function isPerCountry(table: ExportTable): boolean {
  return table.columns.some((c) => c.kind === 'country');
}
