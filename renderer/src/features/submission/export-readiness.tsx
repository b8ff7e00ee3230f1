import { useTranslation } from 'react-i18next';
import type { DraftProblemInfo } from '../../../../core/api/contract';
import type { ChecklistPack } from '../../../../core/checklist/schema';
import { problemMessage } from '../../../../core/draft/problem-message';
import { hrefFor } from '../../app/routes';
import { PackText, uiLanguage } from '../../ui/answer-widgets/pack-text';
import { OpenReviewsNotice } from '../../ui/open-reviews-notice';

/**
 * The first step of an export: is every item complete? Each item that is not is named by its id and
 * its question in the interface language, and opens the form at that item.
 */
export function ExportReadiness({ id, problems, pack }: { id: string; problems: DraftProblemInfo[]; pack: ChecklistPack | null }) {
  const { t, i18n } = useTranslation('signing');
  const { t: tAny } = useTranslation();
  const lng = uiLanguage(i18n.language);
  if (problems.length === 0) {
    return (
      <>
        <p className="success" role="status" data-testid="export-ready">
          {t('export.ready')}
        </p>
        <OpenReviewsNotice id={id} />
      </>
    );
  }
  const items = new Map((pack?.sections ?? []).flatMap((s) => s.items).map((item) => [item.id, item]));
  // The same words as the form and the completeness screen: the pack's message, or the reason with its column names.
  const reason = (p: DraftProblemInfo) => problemMessage(p, lng, (key, params) => tAny(key, params));
  return (
    <div className="export-problems" data-testid="export-problems">
      <OpenReviewsNotice id={id} />
      <p>{t('export.incompleteCount', { count: problems.length })}</p>
      <ul className="completeness__list">
        {problems.map((p, index) => {
          const item = items.get(p.itemId);
          return (
            <li key={`${p.itemId}-${index}`}>
              <a href={hrefFor({ name: 'form', id, itemId: p.itemId })}>
                <span className="item__id">{p.itemId}</span>
                {item && (
                  <>
                    {' '}
                    <PackText text={item.text} />
                  </>
                )}
              </a>
              <span className="completeness__problem"> — {reason(p)}</span>
            </li>
          );
        })}
      </ul>
      <p>
        <a href={hrefFor({ name: 'completeness', id })}>{t('export.seeCompleteness')}</a>
      </p>
    </div>
  );
}
