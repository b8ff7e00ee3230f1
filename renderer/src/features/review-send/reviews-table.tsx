import { useTranslation } from 'react-i18next';
import type { ReviewSummary, SentReview } from '../../../../core/api/contract';
import { hrefFor } from '../../app/routes';
import { useFormatters } from '../../i18n/use-formatters';
import { Isolated, MARK_VALUE } from '../../ui/isolated';

/** One copy sent, with what its reply says once one is imported (the review record's summary). */
export interface ReviewRow {
  sent: SentReview;
  summary: ReviewSummary | undefined;
}

/**
 * One row per review copy: to which institution, the copy sent (when, from which revision, which
 * sections, reply due by), where it stands with the points still open, the verdict and who gave
 * it, and what can be done (download the copy again, see what changed since it was sent). Newest
 * first. The one place the Reviews tab names an institution.
 */
export function ReviewsTable({ id, rows, onDownload }: { id: string; rows: readonly ReviewRow[]; onDownload: (review: SentReview) => void }) {
  const { t } = useTranslation('review');
  const { t: tm } = useTranslation('merge');
  const format = useFormatters();
  const scopeText = (r: SentReview) => (r.scope === 'all' ? t('sent.scopeAll') : r.scope.join(', '));
  const stateText = (state: SentReview['state']) => (state === 'awaiting' ? t('sent.awaiting') : state === 'closed' ? t('sent.closed') : tm('record.states.returned'));
  return (
    <div className="table-wrap">
      <table className="table reviews__table" aria-labelledby="reviews-title">
        <thead>
          <tr>
            <th scope="col">{t('sent.columns.to')}</th>
            <th scope="col">{t('sent.columns.copySent')}</th>
            <th scope="col">{t('sent.columns.state')}</th>
            <th scope="col">{tm('record.verdict')}</th>
            <th scope="col">{tm('record.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {[...rows].reverse().map(({ sent: r, summary }) => {
            const state = summary?.state ?? r.state;
            const open = summary?.open ?? 0;
            const reply = summary?.reply;
            return (
              <tr key={r.reviewId} data-review={r.reviewId}>
                <th scope="row">
                  <bdi>{r.to.institution}</bdi>
                  {r.to.name && (
                    <span className="muted small reviews__person">
                      <bdi>{r.to.name}</bdi>
                    </span>
                  )}
                </th>
                <td>
                  {format.dayOf(r.sentAt)}
                  <span className="muted small reviews__line">{tm('record.baseRevision', { n: format.number(r.baseRevision) })}</span>
                  <span className="muted small reviews__line">{t('sent.sectionsList', { list: scopeText(r) })}</span>
                  {r.dueDate && <span className="muted small reviews__line">{tm('record.due', { date: format.date(r.dueDate) })}</span>}
                </td>
                <td>
                  <span className={`badge reviews__state reviews__state--${state}`}>{stateText(state)}</span>
                  {open > 0 && <span className="small reviews__line">{tm('record.open', { count: open })}</span>}
                </td>
                <td>
                  {reply ? (
                    <>
                      <strong>{t(`verdict.${reply.verdict}`)}</strong>
                      <span className="small reviews__line">
                        <Isolated sentence={tm('record.returnedBy', { name: MARK_VALUE, date: format.dayOf(reply.returnedAt) })} value={reply.reviewer.name} />
                      </span>
                    </>
                  ) : (
                    <span className="muted">{tm('record.noReply')}</span>
                  )}
                </td>
                <td>
                  <div className="reviews__actions">
                    {r.copyKept && (
                      <button type="button" className="button button--secondary button--small" aria-label={t('sent.downloadAgainFor', { institution: r.to.institution })} onClick={() => onDownload(r)}>
                        {t('sent.downloadAgain')}
                      </button>
                    )}
                    <a className="button button--secondary button--small" href={hrefFor({ name: 'compare', id, from: r.baseRevision, to: 'current' })}>
                      {tm('record.sinceSent')}
                      <span className="visually-hidden"> ({r.to.institution})</span>
                    </a>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
