/**
 * What the form shows, derived from the answers: which items apply (skip logic), which have
 * problems (the core's own validation, run here too), progress, and the filter and search.
 */
import { isAnswered } from '../../../../core/checklist/answer-presence';
import { compileRule } from '../../../../core/checklist/rules';
import { localize, type LocalizedText } from '../../../../core/checklist/localized';
import type { ChecklistItem, ChecklistPack, ChecklistSection } from '../../../../core/checklist/schema';
import { relevantItems, validateDraft, type DraftProblem } from '../../../../core/draft/validate';
import type { Draft } from '../../../../core/draft/schema';
import type { Language } from '../../../../core/i18n/languages';

export const FILTERS = ['all', 'unanswered', 'incomplete', 'invalid', 'answered', 'assistance'] as const;
export type Filter = (typeof FILTERS)[number];

export interface Progress {
  answered: number;
  relevant: number;
}

export interface FormModel {
  relevant: Set<string>;
  problems: Map<string, DraftProblem[]>;
  sections: Map<string, Progress & { skipped: ChecklistItem[] }>;
  overall: Progress;
}

/** Everything the screen derives from one set of answers. */
export function buildModel(pack: ChecklistPack, draft: Draft, answers: Readonly<Record<string, unknown>>): FormModel {
  const relevant = relevantItems(pack, answers);
  const problems = new Map<string, DraftProblem[]>();
  for (const p of validateDraft({ ...draft, answers: { ...answers } as Draft['answers'] }, pack)) {
    if (p.problem === 'unknownItem') continue;
    problems.set(p.itemId, [...(problems.get(p.itemId) ?? []), p]);
  }
  const sections = new Map<string, Progress & { skipped: ChecklistItem[] }>();
  const overall: Progress = { answered: 0, relevant: 0 };
  for (const section of pack.sections) {
    const entry = { answered: 0, relevant: 0, skipped: [] as ChecklistItem[] };
    for (const item of section.items) {
      if (!relevant.has(item.id)) {
        entry.skipped.push(item);
        continue;
      }
      entry.relevant += 1;
      if (isAnswered(answers[item.id])) entry.answered += 1;
    }
    overall.answered += entry.answered;
    overall.relevant += entry.relevant;
    sections.set(section.id, entry);
  }
  return { relevant, problems, sections, overall };
}

/** The ids of the items a skipped item's rule looks at: "because of your answer to B.1". */
export function skipReasons(items: readonly ChecklistItem[]): string[] {
  const ids = new Set<string>();
  for (const item of items) if (item.relevance) for (const id of compileRule(item.relevance).references) ids.add(id);
  return [...ids];
}

function needsAssistance(item: ChecklistItem, answer: unknown): boolean {
  return item.type === 'uncac' && !!answer && typeof answer === 'object' && (answer as { assistanceNeeded?: unknown }).assistanceNeeded === true;
}

/** An item's state as the form shows it: unanswered, answered, or answered with something to correct. */
export function itemState(answer: unknown, problems: readonly DraftProblem[] | undefined): 'unanswered' | 'answered' | 'invalid' {
  if (!isAnswered(answer)) return 'unanswered';
  return (problems?.length ?? 0) > 0 ? 'invalid' : 'answered';
}

/** Whether an item passes the status filter. */
export function passesFilter(filter: Filter, item: ChecklistItem, answer: unknown, problems: readonly DraftProblem[] | undefined): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'unanswered':
      return !isAnswered(answer);
    case 'incomplete':
      return (problems?.length ?? 0) > 0;
    case 'invalid':
      return itemState(answer, problems) === 'invalid';
    case 'answered':
      return isAnswered(answer) && (problems?.length ?? 0) === 0;
    case 'assistance':
      return needsAssistance(item, answer);
  }
}

const fold = (s: string, lng: string) => s.toLocaleLowerCase(lng).normalize('NFKD').replace(/\p{M}/gu, '');

function answerText(answer: unknown): string {
  if (typeof answer === 'string') return answer;
  if (typeof answer === 'number' || typeof answer === 'boolean') return String(answer);
  if (Array.isArray(answer)) return answer.map(answerText).join(' ');
  if (answer && typeof answer === 'object') return Object.values(answer).map(answerText).join(' ');
  return '';
}

/** Whether the search words all occur in the item's id, question (UI language and English), options or answer. */
export function matchesSearch(query: string, item: ChecklistItem, answer: unknown, lng: Language): boolean {
  const words = fold(query, lng).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const texts: LocalizedText[] = [item.text];
  if ('options' in item) texts.push(...item.options.map((o) => o.label));
  const haystack = fold([item.id, ...texts.map((x) => localize(x, lng).text), item.text.en, answerText(answer)].join(' '), lng);
  return words.every((w) => haystack.includes(w));
}

/** The section holding an item. */
export function sectionOf(pack: ChecklistPack, itemId: string): ChecklistSection | undefined {
  return pack.sections.find((s) => s.items.some((i) => i.id === itemId));
}
