/**
 * Technical-assistance needs by type (the pack's typology, ASSISTANCE_TYPES): from the assistance
 * part of every UNCAC-style answer, and from the rows of the needs table (H.2), found by its shape:
 * a table item with a single-choice column whose options are the typology.
 */
import type { ChecklistItem, TableColumn } from '../checklist/schema';
import { ASSISTANCE_TYPES, type AssistanceType } from '../checklist/vocabulary';
import type { UncacAnswer } from '../draft/answers';
import type { AssistanceItemRow, AssistanceTypeRow, Denominator } from './model';
import type { CountryAnswers } from './tally';

const isType = (value: unknown): value is AssistanceType => typeof value === 'string' && (ASSISTANCE_TYPES as readonly string[]).includes(value);

/** The column of a needs table that holds the type of assistance, if `item` is one. */
export function needsTypeColumn(item: ChecklistItem): TableColumn | undefined {
  if (item.type !== 'table') return undefined;
  return item.columns.find((c) => c.type === 'single' && (c.options ?? []).length > 0 && (c.options ?? []).every((o) => isType(o.id)));
}

/** The priority column of a needs table (`priority`, single choice), if it has one. */
export function needsPriorityColumn(item: ChecklistItem): TableColumn | undefined {
  return item.type === 'table' ? item.columns.find((c) => c.id === 'priority' && c.type === 'single') : undefined;
}

/** Adds up assistance over the countries, item by item; `rows()` gives the per-type totals. */
export class AssistanceTally {
  private readonly countries = new Map<AssistanceType, Set<string>>(ASSISTANCE_TYPES.map((t) => [t, new Set<string>()]));
  private readonly byType = new Map<AssistanceType, AssistanceTypeRow>(ASSISTANCE_TYPES.map((type) => [type, { type, countries: 0, itemMentions: 0, tableRows: {} }]));

  /** The assistance part of one UNCAC-style item over all countries in the statistics. */
  uncacItem(itemId: string, countries: readonly { country: { code: string }; answers: CountryAnswers }[]): AssistanceItemRow {
    const types = Object.fromEntries(ASSISTANCE_TYPES.map((t) => [t, 0])) as Record<AssistanceType, number>;
    const denominator: Denominator = { answered: 0, skipped: 0, notAnswered: 0 };
    if (countries.some(({ answers }) => answers.absent !== undefined)) denominator.otherVersion = 0;
    let needed = 0;
    let notNeeded = 0;
    for (const { country, answers } of countries) {
      if (answers.absent?.has(itemId)) {
        denominator.otherVersion = (denominator.otherVersion ?? 0) + 1;
        continue;
      }
      if (!answers.relevant.has(itemId)) {
        denominator.skipped++;
        continue;
      }
      const answer = answers.values.get(itemId) as UncacAnswer | undefined;
      if (answer?.assistanceNeeded === undefined && !answer?.assistanceTypes?.length) denominator.notAnswered++;
      else denominator.answered++;
      if (answer?.assistanceNeeded === true) needed++;
      if (answer?.assistanceNeeded === false) notNeeded++;
      for (const type of new Set(answer?.assistanceTypes ?? [])) {
        types[type]++;
        (this.byType.get(type) as AssistanceTypeRow).itemMentions++;
        this.countries.get(type)?.add(country.code);
      }
    }
    return { itemId, needed, notNeeded, denominator, types };
  }

  /** One row of a needs table of `country`. */
  needsRow(country: string, type: unknown, priority: unknown): void {
    if (!isType(type)) return;
    const row = this.byType.get(type) as AssistanceTypeRow;
    const key = typeof priority === 'string' ? priority : '';
    row.tableRows[key] = (row.tableRows[key] ?? 0) + 1;
    this.countries.get(type)?.add(country);
  }

  rows(): AssistanceTypeRow[] {
    return ASSISTANCE_TYPES.map((type) => ({ ...(this.byType.get(type) as AssistanceTypeRow), countries: this.countries.get(type)?.size ?? 0 }));
  }
}
