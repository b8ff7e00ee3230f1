import { useTranslation } from 'react-i18next';
import type { ChecklistItem, ChecklistPack } from '../../../../core/checklist/schema';
import { AnswerView } from '../../ui/item-diff/answer-view';

export interface Side {
  pack: ChecklistPack;
  item: ChecklistItem | undefined;
  answer: unknown;
}

/**
 * One question's answers in two revisions on different checklist versions, when no change can be
 * drawn between them (the question is in one version only, or its kind of answer changed): each
 * side as its own version words it, never ids or raw values. An answer the later revision keeps
 * under "answers to questions no longer in the checklist" is said to be there, not shown as gone.
 */
export function CompareSides({ before, after, keptLater, lang, fileNames }: { before: Side; after: Side; keptLater: boolean; lang: string | undefined; fileNames: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const side = (which: 'before' | 'after', s: Side) => (
    <div className="secretariat__side" data-side={which}>
      <div className="small muted">
        <span className="item-diff__side">{t(`merge:diff.${which}`)}</span> {t('packs:kept.version', { version: s.pack.version })}
      </div>
      {which === 'after' && keptLater && s.answer === undefined ? (
        <p className="muted">{t('packs:preview.answer.retained')}</p>
      ) : (
        <AnswerView pack={s.pack} item={s.item} answer={s.answer} lang={lang} fileNames={fileNames} textClassName="secretariat__answer" />
      )}
    </div>
  );
  return (
    <div className="item-diff secretariat__sides">
      {side('before', before)}
      {side('after', after)}
    </div>
  );
}
