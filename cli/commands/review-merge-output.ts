/** What `scsa review merge` prints: per reply its verdict, per item each suggestion's status and each comment. */
import type { TFunction } from 'i18next';
import type { ChecklistItem } from '../../core/checklist/schema';
import type { AcceptedSuggestion } from '../../core/draft/schema';
import type { ConflictWhere, MergeView } from '../../core/review';
import type { AnswerLabels } from './answer-labels';

export function whereText(t: TFunction, where: ConflictWhere, item: ChecklistItem | undefined, labels: AnswerLabels): string {
  switch (where.kind) {
    case 'answer':
      return t('review:where.answer');
    case 'field':
      return t('review:where.field', { field: labels.field(where.field) });
    case 'row':
      return t('review:where.row', { row: (where.yours ?? where.base ?? where.theirs ?? 0) + 1 });
    case 'link':
      return t('review:where.link', { url: where.url });
  }
}

const oneLine = (s: string) => s.replace(/\s*\r?\n\s*/g, ' ').trim();

/** The merge view as lines for a terminal. */
export function mergeLines(t: TFunction, view: MergeView, items: ReadonlyMap<string, ChecklistItem>, labels: AnswerLabels): string[] {
  const lines: string[] = [];
  for (const r of view.replies) {
    const who = r.reviewer.title ? `${r.reviewer.name}, ${r.reviewer.title}` : r.reviewer.name;
    lines.push(t('reviewMerge.reply', { institution: r.reviewer.institution, name: who, date: r.returnedAt.slice(0, 10), verdict: t(`review:verdict.${r.verdict}`) }));
    if (r.note) lines.push(`  ${oneLine(r.note)}`);
  }
  if (view.replies.length > 0) lines.push('');
  for (const entry of view.items) {
    const item = items.get(entry.itemId);
    for (const s of entry.suggestions) {
      const where = s.conflicts.map((c) => whereText(t, c.where, item, labels)).join('; ');
      const competing = s.competing ? ` (${t('reviewMerge.competing')})` : '';
      lines.push(`${entry.itemId}  ${t(`review:status.${s.status}`)} — ${s.institution}${where ? `: ${where}` : ''}${competing}`);
      if (s.note) lines.push(`    ${oneLine(s.note)}`);
    }
    for (const c of entry.comments) {
      const field = c.field ? ` (${labels.field(c.field)})` : '';
      lines.push(`${entry.itemId}  ${t('review:status.comment')} — ${c.institution}${field}: ${oneLine(c.text)}`);
    }
  }
  lines.push(t('reviewMerge.summary', { ...view.counts }));
  return lines;
}

/** The lines naming each suggestion taken by --accept-clean. */
export function acceptedLines(accepted: readonly AcceptedSuggestion[]): string[] {
  return accepted.map((a) => `  ✓ ${a.itemId} — ${a.institution}`);
}
