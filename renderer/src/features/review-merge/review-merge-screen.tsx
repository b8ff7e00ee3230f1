import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, MergeItem } from '../../../../core/api/contract';
import type { ChecklistItem } from '../../../../core/checklist/schema';
import { useApi } from '../../api/api-context';
import { hrefFor } from '../../app/routes';
import { ErrorMessage } from '../../ui/error-message';
import { AssessmentHeader } from '../assessment/assessment-header';
import { PackText, packString } from '../../ui/answer-widgets/pack-text';
import { useSession } from '../assessment/session';
import { CommentCard } from './comment-card';
import { ImportReplies } from './import-replies';
import { SuggestionCard } from './suggestion-card';
import { useMergeData } from './use-merge-data';
import { useProgressive } from './use-progressive';
import './review-merge.css';

/**
 * Reviews of the assessment: copies sent with where each stands (the `sending` panel), importing
 * their replies, and per item every institution's comments and suggestions to accept, edit then
 * accept, reject or resolve.
 */
export function ReviewMergeScreen({
  sending,
}: {
  /** Sending copies and the one table of copies sent and replies (another task's panel); `refresh` changes after each import or decision. */
  sending?: (refresh: number) => ReactNode;
}) {
  const api = useApi();
  const session = useSession();
  const { t, i18n } = useTranslation();
  const [openOnly, setOpenOnly] = useState(true);
  const { data, reload: reloadMerge, more } = useMergeData(openOnly);
  const [refresh, setRefresh] = useState(0);
  // An import or a decision changes a review's state and open points: the table of copies follows.
  const reload = async () => {
    await reloadMerge();
    setRefresh((n) => n + 1);
  };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [acceptedCount, setAcceptedCount] = useState<number | null>(null);
  // Ten replies on a 300-item draft are thousands of suggestions: the core sends a page of items at
  // a time (use-merge-data.ts) and the list grows a page at a time, so the screen opens quickly and
  // stays light enough to type in.
  const [loadingMore, setLoadingMore] = useState(false);
  const items = useMemo(() => new Map(session.pack.sections.flatMap((s) => s.items).map((i) => [i.id, i] as const)), [session.pack]);
  const answers = session.answers();

  async function acceptAllClean() {
    setBusy(true);
    setError(null);
    setAcceptedCount(null);
    await session.autosaver.flush();
    const r = await api.acceptAllClean(session.id);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    if (r.value.accepted > 0) session.replaceWith(r.value.opened);
    setAcceptedCount(r.value.accepted);
    await reload();
  }

  async function showMore() {
    // Not disabled while loading: a disabled button would lose the keyboard focus.
    if (loadingMore) return;
    setLoadingMore(true);
    await more();
    setLoadingMore(false);
  }

  const view = data.kind === 'ready' ? data.view : null;
  const cleanLeft = view?.counts.cleanLeft ?? 0;
  const rendered = useProgressive(view?.items.length ?? 0);

  return (
    <div className="review-merge">
      <AssessmentHeader current="reviews" />
      {sending?.(refresh)}
      {data.kind === 'loading' && <p className="muted" role="status">{t('form:loading')}</p>}
      {data.kind === 'failed' && <ErrorMessage error={data.error} onRetry={() => void reload()} />}
      {data.kind === 'ready' && (
        <>
          <ImportReplies id={session.id} onImported={reload} />
          <section className="card" aria-labelledby="merge-title">
            <h3 id="merge-title" className="card__title">
              {t('merge:view.title')}
            </h3>
            {data.view.replies.length === 0 ? (
              <p className="muted">{t('merge:view.noReplies')}</p>
            ) : (
              <>
                <div className="merge-toolbar">
                  <label className="merge-toolbar__filter">
                    <input
                      type="checkbox"
                      checked={openOnly}
                      onChange={(e) => setOpenOnly(e.target.checked)}
                    />{' '}
                    {t('merge:view.openOnly')}
                  </label>
                  <button type="button" className="button button--primary" disabled={busy || cleanLeft === 0 || session.readOnly} onClick={() => void acceptAllClean()}>
                    {t('merge:view.acceptClean', { count: cleanLeft })}
                  </button>
                </div>
                {acceptedCount !== null && (
                  <p className="notice" role="status">
                    {t('merge:view.acceptedClean', { count: acceptedCount })}
                  </p>
                )}
                {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
                <p className="muted" role="status">
                  {t('merge:view.shown', { count: data.view.total })}
                </p>
                {data.view.total === 0 && <p>{t('merge:view.allDone')}</p>}
                <ol className="merge-items">
                  {data.view.items.slice(0, rendered).map((entry) => (
                    <MergeItemCard key={entry.itemId} entry={entry} item={items.get(entry.itemId)} current={answers[entry.itemId]} lng={i18n.language} onDone={reload} />
                  ))}
                </ol>
                {data.view.items.length < data.view.total && (
                  <button type="button" className="button button--secondary merge-more" aria-busy={loadingMore} onClick={() => void showMore()}>
                    {t('merge:view.more')}
                  </button>
                )}
              </>
            )}
          </section>
        </>
      )}
    </div>
  );
}

function MergeItemCard({ entry, item, current, lng, onDone }: { entry: MergeItem; item: ChecklistItem | undefined; current: unknown; lng: string; onDone: () => Promise<void> }) {
  const session = useSession();
  const { t } = useTranslation();
  const labels = session.pack.labels as { uncac: Record<string, Parameters<typeof packString>[0] | undefined> };
  const fieldLabel = (field: string | undefined) => {
    if (!field) return undefined;
    const uncac = labels.uncac[field];
    if (uncac) return packString(uncac, lng);
    const column = item?.type === 'table' ? item.columns.find((c) => c.id === field) : undefined;
    return column ? packString(column.label, lng) : field;
  };
  return (
    <li className="merge-item card" aria-labelledby={`merge-${entry.itemId}`}>
      <h4 id={`merge-${entry.itemId}`} className="merge-item__question">
        <span className="item__id">{entry.itemId}</span> {item ? <PackText text={item.text} /> : null}
      </h4>
      <a className="small" href={hrefFor({ name: 'form', id: session.id, itemId: entry.itemId })}>
        {t('merge:item.openInForm')}
      </a>
      {item &&
        entry.suggestions.map((s) => <SuggestionCard key={`${s.reviewId}-${s.id}`} item={item} suggestion={s} current={current} onDone={onDone} />)}
      {entry.comments.map((c) => (
        <CommentCard key={`${c.reviewId}-${c.id}`} comment={c} fieldLabel={fieldLabel(c.field)} onDone={onDone} />
      ))}
    </li>
  );
}
