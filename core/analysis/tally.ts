/** Counts for one item over the countries in the statistics: denominators, statuses, choices, numbers. */
import type { ChecklistItem } from '../checklist/schema';
import { STATUS_VALUES, type ImplementationStatus } from '../checklist/vocabulary';
import type { ChoiceRow, Denominator, NumberRow } from './model';

/** One country's answers, checked against the pack: the relevant items, and the valid answers given. */
export interface CountryAnswers {
  relevant: ReadonlySet<string>;
  values: ReadonlyMap<string, unknown>;
  /** Items this country's checklist version did not ask (analysis across versions only). */
  absent?: ReadonlySet<string>;
}

export interface ItemTally {
  denominator: Denominator;
  status?: { counts: Record<ImplementationStatus, number>; denominator: Denominator };
  choices?: ChoiceRow['options'];
  numbers?: Pick<NumberRow, 'min' | 'median' | 'max'>;
}

const emptyDenominator = (): Denominator => ({ answered: 0, skipped: 0, notAnswered: 0 });

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The implementation status an answer gives: the value of a status item, the `status` field of a UNCAC-style one. */
function statusOf(item: ChecklistItem, value: unknown): ImplementationStatus | undefined {
  const raw = item.type === 'status' ? value : item.type === 'uncac' && value && typeof value === 'object' ? (value as { status?: unknown }).status : undefined;
  return typeof raw === 'string' && (STATUS_VALUES as readonly string[]).includes(raw) ? (raw as ImplementationStatus) : undefined;
}

function choiceIds(item: ChecklistItem): string[] | null {
  if (item.type === 'single' || item.type === 'multi') return item.options.map((o) => o.id);
  if (item.type === 'yesno') return ['yes', 'no'];
  return null;
}

/** The option ids an answer picks (a yes/no answer picks `yes` or `no`). */
function picked(item: ChecklistItem, value: unknown): string[] {
  if (item.type === 'yesno') return typeof value === 'boolean' ? [value ? 'yes' : 'no'] : [];
  if (item.type === 'single') return typeof value === 'string' ? [value] : [];
  if (item.type === 'multi') return Array.isArray(value) ? [...new Set(value.filter((v): v is string => typeof v === 'string'))] : [];
  return [];
}

export function tallyItem(item: ChecklistItem, countries: readonly { answers: CountryAnswers }[]): ItemTally {
  const denominator = emptyDenominator();
  const hasStatus = item.type === 'status' || item.type === 'uncac';
  const status = hasStatus ? { counts: Object.fromEntries(STATUS_VALUES.map((v) => [v, 0])) as Record<ImplementationStatus, number>, denominator: emptyDenominator() } : undefined;
  const ids = choiceIds(item);
  const choiceCounts = ids ? new Map(ids.map((id) => [id, 0])) : null;
  const numbers: number[] | null = item.type === 'number' ? [] : null;

  const across = countries.some(({ answers }) => answers.absent !== undefined);
  if (across) {
    denominator.otherVersion = 0;
    if (status) status.denominator.otherVersion = 0;
  }
  for (const { answers } of countries) {
    if (answers.absent?.has(item.id)) {
      denominator.otherVersion = (denominator.otherVersion ?? 0) + 1;
      if (status) status.denominator.otherVersion = (status.denominator.otherVersion ?? 0) + 1;
      continue;
    }
    if (!answers.relevant.has(item.id)) {
      denominator.skipped++;
      if (status) status.denominator.skipped++;
      continue;
    }
    const value = answers.values.get(item.id);
    if (value === undefined) denominator.notAnswered++;
    else denominator.answered++;
    if (status) {
      const s = value === undefined ? undefined : statusOf(item, value);
      if (s === undefined) status.denominator.notAnswered++;
      else {
        status.denominator.answered++;
        status.counts[s]++;
      }
    }
    if (choiceCounts && value !== undefined) {
      for (const id of picked(item, value)) if (choiceCounts.has(id)) choiceCounts.set(id, (choiceCounts.get(id) ?? 0) + 1);
    }
    if (numbers && typeof value === 'number') numbers.push(value);
  }

  const tally: ItemTally = { denominator };
  if (status) tally.status = status;
  if (choiceCounts) tally.choices = [...choiceCounts].map(([id, count]) => ({ id, count }));
  if (numbers) {
    numbers.sort((a, b) => a - b);
    tally.numbers = { min: numbers[0] ?? null, median: median(numbers), max: numbers[numbers.length - 1] ?? null };
  }
  return tally;
}
