import { useTranslation } from 'react-i18next';
import { migrationPath, traceItem } from '../../../../core/checklist/migration-chain';
import type { ChecklistItem, ChecklistPack } from '../../../../core/checklist/schema';
import { AnswerView } from '../../ui/item-diff/answer-view';

export interface Side {
  pack: ChecklistPack;
  item: ChecklistItem | undefined;
  answer: unknown;
  /** The question's number in this side's version, when this version numbers it otherwise. */
  elsewhere?: string | undefined;
}

/** Questions the later version moved to another number: earlier id → later id, and back. */
export interface Moves {
  toLater: ReadonlyMap<string, string>;
  toEarlier: ReadonlyMap<string, string>;
}

/**
 * The questions the later pack's migrations moved between the two versions (B.2 of 0.1.0 is B.1.a
 * of 0.2.0): without it, a moved answer would read as gone from one number and new at the other.
 */
export function movesBetween(earlier: ChecklistPack, later: ChecklistPack): Moves {
  const toLater = new Map<string, string>();
  const toEarlier = new Map<string, string>();
  const steps = earlier.id === later.id ? migrationPath(later, earlier.version) : null;
  if (!steps) return { toLater, toEarlier };
  const laterIds = new Set(later.sections.flatMap((s) => s.items.map((i) => i.id)));
  for (const id of earlier.sections.flatMap((s) => s.items.map((i) => i.id))) {
    const trace = traceItem(steps, id);
    if (trace.removed || trace.id === id || !laterIds.has(trace.id)) continue;
    toLater.set(id, trace.id);
    toEarlier.set(trace.id, id);
  }
  return { toLater, toEarlier };
}

/**
 * One question's answers in two revisions on different checklist versions, when no change can be
 * drawn between them (the question is in one version only, or its kind of answer changed): each
 * side as its own version words it, never ids or raw values. An answer the later revision keeps
 * under "answers to questions no longer in the checklist" is said to be there, not shown as gone;
 * a question one version numbers otherwise says under which number.
 */
export function CompareSides({ before, after, keptLater, lang, fileNames }: { before: Side; after: Side; keptLater: boolean; lang: string | undefined; fileNames: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const body = (which: 'before' | 'after', s: Side) => {
    if (which === 'after' && keptLater && s.answer === undefined) return <p className="muted">{t('packs:preview.answer.retained')}</p>;
    if (s.elsewhere && s.answer === undefined) return <p className="muted">{t('secretariat:app.compare.elsewhere', { id: s.elsewhere })}</p>;
    return <AnswerView pack={s.pack} item={s.item} answer={s.answer} lang={lang} fileNames={fileNames} textClassName="secretariat__answer" />;
  };
  // Keys written whole, so the check of keys against the catalogue sees exactly these two.
  const side = (which: 'before' | 'after', s: Side) => (
    <div className="secretariat__side" data-side={which}>
      <div className="item-diff__side muted">{which === 'before' ? t('secretariat:app.compare.beforeOn', { version: s.pack.version }) : t('secretariat:app.compare.afterOn', { version: s.pack.version })}</div>
      {body(which, s)}
    </div>
  );
  return (
    <div className="item-diff secretariat__sides">
      {side('before', before)}
      {side('after', after)}
    </div>
  );
}
