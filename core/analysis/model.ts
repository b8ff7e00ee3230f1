/**
 * The analysis model: what the thematic implementation report needs from the current submissions,
 * as counts with their denominators and as answers collected per item. Language-neutral except for
 * country names, which fix the order of every per-country list (alphabetical in the UI language).
 *
 * No ranking (terms of reference, para. 3 (b)): nothing here is a score or a total per country, and
 * no list of countries is ordered by anything but their names. Counts are only ever per item, per
 * option or per type, over all countries in the analysis.
 */
import type { Language } from '../i18n/languages';
import type { AssistanceType, ImplementationStatus } from '../checklist/vocabulary';
import type { Consent, Use } from './consent';
import type { RegionalGroup } from './regional-groups';

export const ANALYSIS_SCHEMA_VERSION = 1;

export interface CountryRef {
  /** ISO 3166-1 alpha-3. */
  code: string;
  /** In the UI language (CLDR; the two observer States from the analysis locale). */
  name: string;
  group: RegionalGroup | null;
  responseLanguage: Language;
}

export interface Participant extends CountryRef {
  submissionRevision: number;
  baggingDate: string;
  externalIdentifier: string;
  checklistVersion: string;
  consent: Consent | null;
  /** What this export uses of the submission (always `everything` for an internal analysis). */
  use: Use;
}

/** Of the countries in the statistics: how many answered an item, skipped it (skip logic) or left it unanswered. */
export interface Denominator {
  answered: number;
  skipped: number;
  notAnswered: number;
  /**
   * Only in an analysis across checklist versions: countries whose version did not ask the item (or
   * whose answer the pack's migrations cannot carry over). The four add up to the countries in the statistics.
   */
  otherVersion?: number;
}

export interface CoverageRow {
  itemId: string;
  denominator: Denominator;
}

export interface StatusRow {
  itemId: string;
  counts: Record<ImplementationStatus, number>;
  denominator: Denominator;
}

export interface ChoiceRow {
  itemId: string;
  /** In the pack's option order; yes/no items have the options `yes` and `no`. */
  options: { id: string; count: number }[];
  denominator: Denominator;
}

export interface NumberRow {
  itemId: string;
  denominator: Denominator;
  min: number | null;
  median: number | null;
  max: number | null;
}

export interface AssistanceTypeRow {
  type: AssistanceType;
  /** Countries that named this type at least once (any item, or a row of a needs table). */
  countries: number;
  /** Answers to status items (UNCAC-style) that name it. */
  itemMentions: number;
  /** Rows of needs tables (H.2) of this type, by priority option id ('' when none was given). */
  tableRows: Record<string, number>;
}

export interface AssistanceItemRow {
  itemId: string;
  /** Answers saying assistance is needed, and saying it is not. */
  needed: number;
  notNeeded: number;
  denominator: Denominator;
  types: Record<AssistanceType, number>;
}

export interface FreeTextEntry {
  itemId: string;
  /** The field of a UNCAC-style answer (`measures`…), or null for a text item. */
  field: string | null;
  country: CountryRef;
  text: string;
}

export type TableCell = string | number | boolean | null;

export interface TableItemRows {
  itemId: string;
  rows: { country: CountryRef; cells: Record<string, TableCell> }[];
}

export interface AnalysisFilters {
  /** Regional groups to include; empty means all (countries outside every group included). */
  groups: RegionalGroup[];
  /** Response languages to include; empty means all. */
  responseLanguages: Language[];
}

/** Items of an earlier version whose answers are not counted across versions: see that version's own analysis. */
export interface NotCountedItem {
  itemId: string;
  /** The question in the UI language, as that version asked it. */
  question: string;
  reason: 'removed' | 'notInNewVersion' | 'typeChanged' | 'sharedTarget';
}

/** How an analysis across checklist versions was made. */
export interface VersionsInfo {
  /** Every answer is counted under this version (the newest the submissions use). */
  target: string;
  /** Each version the analysis counts, the target first, then older ones newest first. */
  counted: { version: string; countries: number; notCounted: NotCountedItem[] }[];
  /** Versions some submissions use that the target version has no migration from (or the app does not carry): left out. */
  leftOut: { version: string; countries: number }[];
}

export interface AnalysisModel {
  format: 'scsa-analysis';
  schemaVersion: typeof ANALYSIS_SCHEMA_VERSION;
  /** UI language: country names and their order. */
  language: Language;
  generatedAt: string;
  checklist: { id: string; version: string };
  /** Present when the analysis counts several checklist versions through the pack's migrations. */
  versions?: VersionsInfo;
  filters: AnalysisFilters;
  publishable: boolean;
  /** Every country in the analysis, alphabetical; with `publishable`, also those that consented to nothing. */
  participants: Participant[];
  /** Countries whose answers are in the counts (all participants, or those with consent `full`). */
  statisticsCount: number;
  coverage: CoverageRow[];
  status: StatusRow[];
  choices: ChoiceRow[];
  numbers: NumberRow[];
  assistanceTypes: AssistanceTypeRow[];
  assistanceItems: AssistanceItemRow[];
  freeText: FreeTextEntry[];
  tables: TableItemRows[];
}
