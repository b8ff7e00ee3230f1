import { useTranslation } from 'react-i18next';
import type { ReviewsOverview } from '../../../../core/api/contract';
import { hrefFor } from '../../app/routes';
import { useFormatters } from '../../i18n/use-formatters';
import { Isolated, MARK_VALUE } from '../../ui/isolated';

/**
 * The record of consultations on the assessment: each review that came back — the institution, when
 * the copy was sent and from which revision, who answered, when and with what verdict, the points
 * still open — and one click to see what changed in the draft since it was sent.
 */
export function ReviewsPanel({ id, overview }: { id: string; overview: ReviewsOverview }) {
  const { t } = useTranslation();
  const format = useFormatters();
  // The copies still awaiting a reply are listed with those sent; here, who has answered.
  const consulted = overview.reviews.filter((r) => r.reply);
  return (
    <section className="card" aria-labelledby="consulted-title">
      <h3 id="consulted-title" className="card__title">
        {t('merge:record.title')}
      </h3>
      {overview.setAside && <p className="notice">{t('merge:record.setAside', { file: overview.setAside })}</p>}
      {consulted.length === 0 ? (
        <p className="muted">{t('merge:record.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table merge-record">
            <thead>
              <tr>
                <th scope="col">{t('merge:record.institution')}</th>
                <th scope="col">{t('merge:record.sent')}</th>
                <th scope="col">{t('merge:record.state')}</th>
                <th scope="col">{t('merge:record.verdict')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('merge:record.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {consulted.map((r) => (
                <tr key={r.reviewId}>
                  <th scope="row">
                    <bdi>{r.to.institution}</bdi>
                    {r.to.name && (
                      <div className="muted small">
                        <bdi>{r.to.name}</bdi>
                      </div>
                    )}
                  </th>
                  <td>
                    {format.dayOf(r.sentAt)}
                    <div className="muted small">{t('merge:record.baseRevision', { n: r.baseRevision })}</div>
                    {r.dueDate && <div className="muted small">{t('merge:record.due', { date: format.date(r.dueDate) })}</div>}
                  </td>
                  <td>
                    <span className={`badge merge-state merge-state--${r.state}`}>{t(`merge:record.states.${r.state}`)}</span>
                    {r.open > 0 && <div className="small">{t('merge:record.open', { count: r.open })}</div>}
                  </td>
                  <td>
                    {r.reply ? (
                      <>
                        <strong>{t(`review:verdict.${r.reply.verdict}`)}</strong>
                        <div className="small">
                          <Isolated sentence={t('merge:record.returnedBy', { name: MARK_VALUE, date: format.dayOf(r.reply.returnedAt) })} value={r.reply.reviewer.name} />
                        </div>
                      </>
                    ) : (
                      <span className="muted">{t('merge:record.noReply')}</span>
                    )}
                  </td>
                  <td>
                    <a className="button button--quiet button--small" href={hrefFor({ name: 'compare', id, from: r.baseRevision, to: 'current' })}>
                      {t('merge:record.sinceSent')}
                      <span className="visually-hidden"> ({r.to.institution})</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
