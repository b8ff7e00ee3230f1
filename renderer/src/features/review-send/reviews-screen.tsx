import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, AssessmentOverview, DownloadTicket, SentReview } from '../../../../core/api/contract';
import type { ChecklistPack } from '../../../../core/checklist/schema';
import { useApi } from '../../api/api-context';
import { useFormatters } from '../../i18n/use-formatters';
import { uiLanguage } from '../../ui/answer-widgets/pack-text';
import { countryLabel } from '../../ui/country-label';
import { downloadUrl } from '../../ui/download';
import { ErrorMessage } from '../../ui/error-message';
import { loadPack } from '../assessment/open-assessment';
import { SendDialog } from './send-dialog';
import './review-send.css';

type Loaded = { kind: 'loading' } | { kind: 'ready'; overview: AssessmentOverview; reviews: SentReview[] } | { kind: 'failed'; error: ApiError };

/**
 * The reviews of an assessment by other institutions: each copy sent, to whom, from which revision,
 * by when, and where it stands ("sent, awaiting reply" until the reply is merged). Several can be
 * out at once. "Send for review" makes a new copy.
 */
export function ReviewsScreen({ id }: { id: string }) {
  const api = useApi();
  const { t, i18n } = useTranslation('review');
  const { t: tc } = useTranslation();
  const format = useFormatters();
  const [state, setState] = useState<Loaded>({ kind: 'loading' });
  const [pack, setPack] = useState<ChecklistPack | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<{ review: SentReview; fileName: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    const [overview, reviews] = await Promise.all([api.getAssessmentOverview(id), api.listSentReviews(id)]);
    if (!overview.ok) return setState({ kind: 'failed', error: overview.error });
    if (!reviews.ok) return setState({ kind: 'failed', error: reviews.error });
    setState({ kind: 'ready', overview: overview.value, reviews: reviews.value });
  }, [api, id]);

  useEffect(() => {
    void load();
  }, [load]);

  const ready = state.kind === 'ready' ? state : null;
  const checklistId = ready?.overview.summary.checklistId;
  const checklistVersion = ready?.overview.summary.checklistVersion;
  useEffect(() => {
    if (!checklistId || !checklistVersion) return;
    void loadPack(api, { id: checklistId, version: checklistVersion }, uiLanguage(i18n.language)).then((r) => r.ok && setPack(r.value.pack));
  }, [api, checklistId, checklistVersion, i18n.language]);

  const save = (ticket: DownloadTicket) => downloadUrl(api.downloadUrl(ticket), ticket.fileName);

  async function again(review: SentReview) {
    setError(null);
    const ticket = await api.downloadReviewCopy(id, review.reviewId);
    if (ticket.ok) save(ticket.value);
    else setError(ticket.error);
  }

  const scopeText = (r: SentReview) => (r.scope === 'all' ? t('sent.scopeAll') : r.scope.join(', '));
  const stateText = (r: SentReview) =>
    r.state === 'awaiting' ? t('sent.awaiting') : r.state === 'closed' ? t('sent.closed') : t('sent.returned', { verdict: r.reply ? t(`verdict.${r.reply.verdict}`) : '' });

  return (
    <section className="card reviews" aria-labelledby="reviews-title" aria-busy={state.kind === 'loading'}>
      <div className="card__header">
        <h2 id="reviews-title" className="card__title">
          {t('sent.title')}
          {ready && <span className="reviews__country"> — {countryLabel(ready.overview.summary.countryCode, i18n.language, tc)}</span>}
        </h2>
        <div className="card__actions">
          <button id="send-for-review" type="button" className="button button--primary" disabled={!ready} onClick={() => setSending(true)}>
            {t('send.open')}
          </button>
        </div>
      </div>
      <p>{t('sent.intro')}</p>
      {state.kind === 'loading' && <p className="muted" role="status">{t('sent.loading')}</p>}
      {state.kind === 'failed' && <ErrorMessage error={state.error} onRetry={() => void load()} />}
      <div aria-live="polite">
        {sent && (
          <div className="success reviews__sent" role="status">
            <p>{t('sent.done', { institution: sent.review.to.institution, file: sent.fileName, revision: format.number(sent.review.baseRevision) })}</p>
            <p>{t('sent.nextStep')}</p>
          </div>
        )}
      </div>
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
      {ready && ready.reviews.length === 0 && <p className="muted">{t('sent.none')}</p>}
      {ready && ready.reviews.length > 0 && (
        <div className="table-wrap">
          <table className="table reviews__table" aria-labelledby="reviews-title">
            <thead>
              <tr>
                <th scope="col">{t('sent.columns.to')}</th>
                <th scope="col">{t('sent.columns.sent')}</th>
                <th scope="col">{t('sent.columns.revision')}</th>
                <th scope="col">{t('sent.columns.sections')}</th>
                <th scope="col">{t('sent.columns.due')}</th>
                <th scope="col">{t('sent.columns.state')}</th>
                <th scope="col">{t('sent.columns.copy')}</th>
              </tr>
            </thead>
            <tbody>
              {[...ready.reviews].reverse().map((r) => (
                <tr key={r.reviewId} data-review={r.reviewId}>
                  <th scope="row">
                    <bdi>{r.to.institution}</bdi>
                    {r.to.name && (
                      <span className="muted small reviews__person">
                        <bdi>{r.to.name}</bdi>
                      </span>
                    )}
                  </th>
                  <td>{format.dayOf(r.sentAt)}</td>
                  <td>{format.number(r.baseRevision)}</td>
                  <td>{scopeText(r)}</td>
                  <td>{r.dueDate ? format.date(r.dueDate) : '—'}</td>
                  <td>
                    <span className={`badge reviews__state reviews__state--${r.state}`}>{stateText(r)}</span>
                  </td>
                  <td>
                    {r.copyKept ? (
                      <button type="button" className="button button--quiet button--small" aria-label={t('sent.downloadAgainFor', { institution: r.to.institution })} onClick={() => void again(r)}>
                        {t('sent.downloadAgain')}
                      </button>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {sending && (
        <SendDialog
          id={id}
          pack={pack}
          onCancel={() => setSending(false)}
          onSent={(result) => {
            setSending(false);
            setSent({ review: result.review, fileName: result.copy.fileName });
            save(result.copy);
            void load();
          }}
        />
      )}
    </section>
  );
}
