/** The options of `scsa report`, checked before any bundle is read. */
import path from 'node:path';
import { findPack, type PackReference } from '../../core/checklist/registry';
import { LANGUAGES, isLanguage, type Language } from '../../core/i18n/languages';
import { formatOf, isRegionalGroup, REGIONAL_GROUPS, type RegionalGroup, type ReportFormat } from '../../core/analysis';
import type { CommandContext } from './types';

/** Where the submissions come from: the secretariat workspace, or a folder of bundles. */
export type ReportInput = { kind: 'workspace'; dir: string } | { kind: 'bundles'; dir: string };

export interface ReportOptions {
  out: string;
  format: ReportFormat;
  input: ReportInput;
  checklist?: PackReference;
  /** Count every version of the checklist under the newest (or under --checklist) through the pack's migrations. */
  acrossVersions: boolean;
  groups: RegionalGroup[];
  responseLanguages: Language[];
  publishable: boolean;
  table?: string;
  paper?: 'a4' | 'letter';
}

/** A usage mistake: the `cli` key and its values. */
export interface ReportUsage {
  key: string;
  params?: Record<string, string>;
}

const option = (ctx: CommandContext, name: string): string | undefined => {
  const v = ctx.options[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

const list = (value: string): string[] => value.split(',').map((v) => v.trim()).filter((v) => v !== '');

export function parseReportOptions(ctx: CommandContext): ReportOptions | ReportUsage {
  const out = option(ctx, 'out');
  if (out === undefined) return { key: 'errors.missingOption', params: { option: '--out FILE' } };
  const format = formatOf(out);
  if (!format) return { key: 'report.badFormat', params: { file: out } };

  const workspace = option(ctx, 'workspace');
  const bundles = option(ctx, 'bundles');
  if ((workspace === undefined) === (bundles === undefined)) return { key: 'report.oneInput' };
  const input: ReportInput = workspace !== undefined ? { kind: 'workspace', dir: path.resolve(workspace) } : { kind: 'bundles', dir: path.resolve(bundles as string) };

  const result: ReportOptions = { out: path.resolve(out), format, input, groups: [], responseLanguages: [], publishable: ctx.options.publishable === true, acrossVersions: ctx.options['all-versions'] === true };
  const checklist = option(ctx, 'checklist');
  if (checklist !== undefined) {
    const at = checklist.lastIndexOf('@');
    if (at <= 0 || at === checklist.length - 1) return { key: 'new.badPackRef', params: { value: checklist } };
    const ref = { id: checklist.slice(0, at), version: checklist.slice(at + 1) };
    if (!findPack(ref)) return { key: 'new.packNotFound', params: { id: ref.id, version: ref.version } };
    result.checklist = ref;
  }
  for (const group of list(option(ctx, 'group') ?? '')) {
    if (!isRegionalGroup(group)) return { key: 'report.badGroup', params: { value: group, list: REGIONAL_GROUPS.join(', ') } };
    if (!result.groups.includes(group)) result.groups.push(group);
  }
  for (const language of list(option(ctx, 'response-lang') ?? '')) {
    if (!isLanguage(language)) return { key: 'errors.badLanguage', params: { value: language, list: LANGUAGES.join(', ') } };
    if (!result.responseLanguages.includes(language)) result.responseLanguages.push(language);
  }
  const table = option(ctx, 'table');
  if (table !== undefined && format !== 'csv') return { key: 'report.tableOnlyCsv' };
  if (table !== undefined) result.table = table;
  const paper = option(ctx, 'paper')?.toLowerCase();
  if (paper !== undefined) {
    if (paper !== 'a4' && paper !== 'letter') return { key: 'pdf.badPaper', params: { value: paper } };
    result.paper = paper;
  }
  return result;
}
