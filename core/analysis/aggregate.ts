/**
 * analyse(): from the current submissions and their checklist pack to the analysis model. Items
 * are visited in pack order and countries in alphabetical order of the UI language, so every list
 * in the model comes out in that order without ever being sorted by a result.
 */
import type { ZodType } from 'zod';
import { isAnswered } from '../checklist/answer-presence';
import type { LoadedPack } from '../checklist/load';
import type { ChecklistItem } from '../checklist/schema';
import { UNCAC_FIELDS } from '../checklist/vocabulary';
import { answerSchemaFor } from '../draft/answers';
import { relevantItems } from '../draft/validate';
import type { Submission } from '../bundle/submission';
import { consentOf, SUMMARY_ITEM, useOf } from './consent';
import type { AnalysisLabels } from './labels';
import {
  ANALYSIS_SCHEMA_VERSION,
  type AnalysisFilters,
  type AnalysisModel,
  type FreeTextEntry,
  type Participant,
  type TableCell,
} from './model';
import { AssistanceTally, needsPriorityColumn, needsTypeColumn } from './assistance';
import { regionalGroupOf } from './regional-groups';
import { tallyItem, type CountryAnswers, type ItemTally } from './tally';
import { mapAnswers, type VersionMap } from './across-versions';
import { versionsInfo } from './versions-info';

type Counted = { country: Participant; answers: CountryAnswers }[];

export interface AnalyseOptions {
  labels: AnalysisLabels;
  publishable: boolean;
  filters?: Partial<AnalysisFilters>;
  now?: Date;
  /**
   * Count submissions on these earlier versions too, through the pack's migrations (an analysis
   * across versions); without it, only submissions on the pack's own version are analysed.
   */
  across?: readonly VersionMap[];
}

/** Fields of a UNCAC-style answer that hold free text, in display order. */
const UNCAC_TEXT_FIELDS = UNCAC_FIELDS.filter((f) => ['measures', 'examples', 'challenges', 'assistanceOther', 'assistanceDetails', 'assistanceReceivedFrom'].includes(f));

function inFilters(s: Submission, filters: AnalysisFilters): boolean {
  const group = regionalGroupOf(s.assessment.countryCode);
  if (filters.groups.length > 0 && (group === null || !filters.groups.includes(group))) return false;
  return filters.responseLanguages.length === 0 || filters.responseLanguages.includes(s.assessment.responseLanguage);
}

function participantOf(s: Submission, labels: AnalysisLabels, publishable: boolean): Participant {
  const code = s.assessment.countryCode;
  return {
    code,
    name: labels.country(code),
    group: regionalGroupOf(code),
    responseLanguage: s.assessment.responseLanguage,
    submissionRevision: s.submissionRevision,
    baggingDate: s.baggingDate,
    externalIdentifier: s.externalIdentifier,
    checklistVersion: s.checklist.version,
    consent: consentOf(s),
    use: useOf(s, publishable),
  };
}

/** An answer checked against its item; anything that does not fit the pack counts as not answered. */
function checkedAnswers(pack: LoadedPack, s: Submission, schemas: Map<string, ZodType>, map: VersionMap | undefined): CountryAnswers {
  const mapped = map ? mapAnswers(map, s.answers) : null;
  const relevant = mapped ? mapped.relevant : relevantItems(pack.pack, s.answers);
  const values = new Map<string, unknown>();
  for (const item of pack.items.values()) {
    if (!relevant.has(item.id)) continue;
    const raw = mapped ? mapped.raw.get(item.id) : s.answers[item.id];
    if (!isAnswered(raw)) continue;
    let schema = schemas.get(item.id);
    if (!schema) schemas.set(item.id, (schema = answerSchemaFor(item)));
    const parsed = schema.safeParse(raw);
    if (parsed.success) values.set(item.id, parsed.data);
  }
  // Across versions every country carries the set (empty on the newest version), so that every denominator says "other version".
  return { relevant, values, ...(map ? { absent: mapped?.absent ?? new Set() } : {}) };
}

/**
 * The analysis of `submissions` (the current submission of each country) against `pack`. Only
 * submissions on the pack's id and version, and within the filters, are used.
 */
export function analyse(submissions: Iterable<Submission>, pack: LoadedPack, options: AnalyseOptions): AnalysisModel {
  const { labels, publishable } = options;
  const filters: AnalysisFilters = { groups: [...(options.filters?.groups ?? [])], responseLanguages: [...(options.filters?.responseLanguages ?? [])] };
  const maps = new Map((options.across ?? []).map((m) => [m.from.pack.version, m]));
  const across = options.across !== undefined;
  const chosen: { participant: Participant; submission: Submission }[] = [];
  const otherVersions = new Map<string, number>();
  for (const s of submissions) {
    if (s.checklist.id !== pack.pack.id || !inFilters(s, filters)) continue;
    if (s.checklist.version !== pack.pack.version && !maps.has(s.checklist.version)) {
      otherVersions.set(s.checklist.version, (otherVersions.get(s.checklist.version) ?? 0) + 1);
      continue;
    }
    chosen.push({ participant: participantOf(s, labels, publishable), submission: s });
  }
  // Alphabetical in the UI language, the code breaking a tie: the only order countries ever have.
  chosen.sort((a, b) => labels.compare(a.participant.name, b.participant.name) || (a.participant.code < b.participant.code ? -1 : 1));

  const schemas = new Map<string, ZodType>();
  // Both lists keep the alphabetical order of `chosen`.
  const textual: Counted = chosen
    .filter((c) => c.participant.use !== 'participationOnly')
    .map((c) => {
      const version = c.submission.checklist.version;
      const map = version === pack.pack.version ? undefined : maps.get(version);
      const answers = checkedAnswers(pack, c.submission, schemas, map);
      return { country: c.participant, answers: across && !answers.absent ? { ...answers, absent: new Set<string>() } : answers };
    });
  const counted = textual.filter((c) => c.country.use === 'everything');

  const model: AnalysisModel = {
    format: 'scsa-analysis',
    schemaVersion: ANALYSIS_SCHEMA_VERSION,
    language: labels.language,
    generatedAt: (options.now ?? new Date()).toISOString(),
    checklist: { id: pack.pack.id, version: pack.pack.version },
    ...(across ? { versions: versionsInfo(pack, options.across ?? [], chosen.map((c) => c.participant.checklistVersion), otherVersions, labels) } : {}),
    filters,
    publishable,
    participants: chosen.map((c) => c.participant),
    statisticsCount: counted.length,
    coverage: [],
    status: [],
    choices: [],
    numbers: [],
    assistanceTypes: [],
    assistanceItems: [],
    freeText: [],
    tables: [],
  };

  const assistance = new AssistanceTally();
  for (const item of pack.items.values()) {
    const tally: ItemTally = tallyItem(item, counted);
    model.coverage.push({ itemId: item.id, denominator: tally.denominator });
    if (tally.status) model.status.push({ itemId: item.id, counts: tally.status.counts, denominator: tally.status.denominator });
    if (tally.choices) model.choices.push({ itemId: item.id, options: tally.choices, denominator: tally.denominator });
    if (tally.numbers) model.numbers.push({ itemId: item.id, denominator: tally.denominator, ...tally.numbers });
    if (item.type === 'uncac') model.assistanceItems.push(assistance.uncacItem(item.id, counted));
    if (item.type === 'table') {
      const typeColumn = needsTypeColumn(item);
      const priorityColumn = needsPriorityColumn(item);
      const rows: AnalysisModel['tables'][number]['rows'] = [];
      for (const { country, answers } of counted) {
        const value = answers.values.get(item.id);
        if (!Array.isArray(value)) continue;
        for (const cells of value as Record<string, TableCell>[]) {
          if (!isAnswered(cells)) continue;
          rows.push({ country: refOf(country), cells });
          if (typeColumn) assistance.needsRow(country.code, cells[typeColumn.id], priorityColumn ? cells[priorityColumn.id] : null);
        }
      }
      model.tables.push({ itemId: item.id, rows });
    }
    model.freeText.push(...freeTextOf(item, item.id === SUMMARY_ITEM ? textual : counted));
  }
  model.assistanceTypes = assistance.rows();
  return model;
}

function refOf(p: Participant): FreeTextEntry['country'] {
  return { code: p.code, name: p.name, group: p.group, responseLanguage: p.responseLanguage };
}

/** Free text of one item, field by field, countries in their (alphabetical) order. */
function freeTextOf(item: ChecklistItem, countries: Counted): FreeTextEntry[] {
  const out: FreeTextEntry[] = [];
  const fields: (string | null)[] = item.type === 'text' || item.type === 'longtext' ? [null] : item.type === 'uncac' ? UNCAC_TEXT_FIELDS : [];
  for (const field of fields) {
    for (const { country, answers } of countries) {
      const value = answers.values.get(item.id);
      const text = field === null ? value : value && typeof value === 'object' ? (value as Record<string, unknown>)[field] : undefined;
      if (typeof text === 'string' && text.trim() !== '') out.push({ itemId: item.id, field, country: refOf(country), text });
    }
  }
  return out;
}
