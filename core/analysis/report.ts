/**
 * One report run, from a source of submissions to a file: pick the current submission of each
 * country, choose the checklist version, analyse, build the localized tables, write XLSX, CSV
 * (one table, or all in a zip) or the PDF annex. The CLI and, later, the workspace screen call this.
 */
import path from 'node:path';
import { AppError } from '../errors';
import { findPack, getPack, DEFAULT_PACK, type PackReference } from '../checklist/registry';
import type { LoadedPack } from '../checklist/load';
import { localize } from '../checklist/localized';
import { writeFileAtomic } from '../fs/atomic';
import type { Language } from '../i18n/languages';
import { analyse } from './aggregate';
import { writeCsv, writeCsvZip } from './csv';
import { createAnalysisLabels, type AnalysisLabels } from './labels';
import type { AnalysisFilters, AnalysisModel } from './model';
import { currentSubmissions, type CurrentSelection, type SubmissionSource } from './source';
import { buildTables, type ExportTable } from './tables';
import { compareVersions, versionMap, type VersionMap } from './across-versions';

export type ReportFormat = 'xlsx' | 'csv' | 'zip' | 'pdf';

/** The format an output file name asks for, or null. */
export function formatOf(file: string): ReportFormat | null {
  const ext = path.extname(file).toLowerCase().slice(1);
  return ext === 'xlsx' || ext === 'csv' || ext === 'zip' || ext === 'pdf' ? ext : null;
}

export interface ReportRequest {
  source: SubmissionSource;
  /** Language of the export: headers, item texts, country names and their order. */
  language: Language;
  publishable: boolean;
  /** The checklist version to analyse; by default the only one the submissions use. */
  checklist?: PackReference;
  /**
   * Count every version of the checklist under the newest one (or under `checklist` when given)
   * through the pack's migrations, instead of one version alone.
   */
  acrossVersions?: boolean;
  /** Across versions without `checklist`: the checklist whose versions to count (by default the only one used). */
  checklistId?: string;
  filters?: Partial<AnalysisFilters>;
  now?: Date;
}

export interface PreparedReport {
  model: AnalysisModel;
  tables: ExportTable[];
  pack: LoadedPack;
  labels: AnalysisLabels;
  selection: CurrentSelection;
  /** Current submissions on another checklist version, or outside the filters: not in this analysis. */
  leftOut: number;
}

const refText = (r: PackReference): string => `${r.id}@${r.version}`;

/**
 * The pack to analyse: the one asked for, or the only one the submissions use (the default pack
 * when there are none). Several versions without a choice is refused: each version is analysed
 * apart (DESIGN.md, Checklist revisions).
 */
function choosePack(selection: CurrentSelection, asked: PackReference | undefined): LoadedPack {
  if (asked) return getPack(asked);
  const used = new Map(selection.current.map(({ submission: s }) => [refText(s.checklist), s.checklist]));
  if (used.size > 1) throw new AppError('analysis:errors.severalChecklists', { list: [...used.keys()].sort().join(', ') });
  const only = [...used.values()][0] ?? DEFAULT_PACK;
  const pack = findPack(only);
  if (!pack) throw new AppError('drafts:errors.packNotFound', { id: only.id.slice(0, 64), version: only.version.slice(0, 64) });
  return pack;
}

/** The versions of each checklist the current submissions use, with how many countries, in id then version order. */
export function checklistVersions(selection: CurrentSelection): { id: string; version: string; countries: number; known: boolean }[] {
  const counts = new Map<string, { id: string; version: string; countries: number }>();
  for (const { submission: s } of selection.current) {
    const key = refText(s.checklist);
    const entry = counts.get(key) ?? { id: s.checklist.id, version: s.checklist.version, countries: 0 };
    entry.countries++;
    counts.set(key, entry);
  }
  return [...counts.values()]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : compareVersions(a.version, b.version)))
    .map((e) => ({ ...e, known: findPack(e) !== null }));
}

/**
 * The newest version of the checklist (the one asked for, or the only checklist the submissions
 * use) and how each other version used maps onto it; a version with no migration to it is left
 * out (and reported by the analysis).
 */
function chooseAcross(selection: CurrentSelection, asked: PackReference | undefined, askedId: string | undefined): { pack: LoadedPack; maps: VersionMap[] } {
  const versions = checklistVersions(selection);
  const ids = [...new Set(versions.map((v) => v.id))];
  if (!asked && !askedId && ids.length > 1) throw new AppError('analysis:errors.severalChecklists', { list: ids.join(', ') });
  const id = asked?.id ?? askedId ?? ids[0] ?? DEFAULT_PACK.id;
  const mine = versions.filter((v) => v.id === id && v.known);
  const newest = mine.reduce<string | null>((best, v) => (best === null || compareVersions(v.version, best) > 0 ? v.version : best), null);
  const pack = asked ? getPack(asked) : newest ? getPack({ id, version: newest }) : choosePack(selection, undefined);
  const maps: VersionMap[] = [];
  for (const v of mine) {
    if (v.version === pack.pack.version) continue;
    const old = findPack(v);
    const map = old ? versionMap(old, pack) : null;
    if (map) maps.push(map);
  }
  return { pack, maps };
}

export async function prepareReport(request: ReportRequest): Promise<PreparedReport> {
  const selection = await currentSubmissions(request.source);
  const { pack, maps } = request.acrossVersions ? chooseAcross(selection, request.checklist, request.checklistId) : { pack: choosePack(selection, request.checklist), maps: undefined };
  const labels = createAnalysisLabels(request.language);
  const model = analyse(
    selection.current.map((c) => c.submission),
    pack,
    {
      labels,
      publishable: request.publishable,
      ...(request.filters ? { filters: request.filters } : {}),
      ...(request.now ? { now: request.now } : {}),
      ...(maps ? { across: maps } : {}),
    },
  );
  const tables = buildTables(model, pack, labels);
  return { model, tables, pack, labels, selection, leftOut: selection.current.length - model.participants.length };
}

export interface WriteOptions {
  format: ReportFormat;
  /** For `csv`: the id of the one table to write. */
  table?: string;
  paper?: 'a4' | 'letter';
}

export interface WrittenReport {
  tables: number;
  pages?: number;
  missingGlyphs?: string[];
}

/** Table ids of a prepared report, for `--table` and its error message. */
export const tableIds = (report: PreparedReport): string[] => report.tables.map((t) => t.id);

/** Writes the report to `file` atomically. Throws `analysis:errors.unknownTable` for a CSV of a table that does not exist. */
export async function writeReport(file: string, report: PreparedReport, options: WriteOptions): Promise<WrittenReport> {
  const created = new Date(report.model.generatedAt);
  switch (options.format) {
    case 'xlsx': {
      // exceljs and pdfkit load only when asked for: `scsa report` answers a usage error at once.
      const { writeXlsx } = await import('./xlsx');
      await writeXlsx(file, report.tables, { language: report.labels.language, created });
      return { tables: report.tables.length };
    }
    case 'zip':
      await writeCsvZip(file, report.tables, created);
      return { tables: report.tables.length };
    case 'csv': {
      const table = report.tables.find((t) => t.id === options.table);
      if (!table) throw new AppError('analysis:errors.unknownTable', { table: options.table ?? '', list: tableIds(report).join(', ') });
      await writeCsv(file, table);
      return { tables: 1 };
    }
    case 'pdf': {
      const { pack, labels } = report;
      const { renderAnnex } = await import('./annex-pdf');
      const annex = await renderAnnex(report.tables, {
        labels,
        checklist: { id: pack.pack.id, version: pack.pack.version, title: localize(pack.pack.title, labels.language).text },
        created,
        ...(options.paper ? { paper: options.paper } : {}),
      });
      await writeFileAtomic(file, annex.bytes);
      return { tables: annex.parts, pages: annex.pages, missingGlyphs: annex.missingGlyphs };
    }
  }
}
