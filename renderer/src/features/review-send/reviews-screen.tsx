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
import { ReviewsTable, type ReviewRow } from './reviews-table';
import { SendDialog } from './send-dialog';
import './review-send.css';

type Loaded = { kind: 'loading' } | { kind: 'ready'; overview: AssessmentOverview; rows: ReviewRow[]; setAside?: string | undefined } | { kind: 'failed'; error: ApiError };

/**
 * The reviews of an assessment by other institutions, one row per copy sent: to whom, from which
 * revision, by when, where it stands, the verdict and the points still open once a reply is
 * imported (the review record, `getReviews`). Several can be out at once. "Send for review" makes
 * a new copy. `refresh` changes when the reviews screen around it imported or decided something.
 */
export function ReviewsScreen({ id, refresh = 0 }: { id: string; refresh?: number }) {
  const api = useApi();
  const { t, i18n } = useTranslation('review');
  const { t: tc } = useTranslation();
  const { t: tm } = useTranslation('merge');
  const format = useFormatters();
  const [state, setState] = useState<Loaded>({ kind: 'loading' });
  const [pack, setPack] = useState<ChecklistPack | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<{ review: SentReview; fileName: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    const [overview, reviews, record] = await Promise.all([api.getAssessmentOverview(id), api.listSentReviews(id), api.getReviews(id)]);
    if (!overview.ok) return setState({ kind: 'failed', error: overview.error });
    if (!reviews.ok) return setState({ kind: 'failed', error: reviews.error });
    if (!record.ok) return setState({ kind: 'failed', error: record.error });
    const summaries = new Map(record.value.reviews.map((r) => [r.reviewId, r]));
    const rows = reviews.value.map((sent) => ({ sent, summary: summaries.get(sent.reviewId) }));
    setState({ kind: 'ready', overview: overview.value, rows, setAside: record.value.setAside });
  }, [api, id]);

  useEffect(() => {
    void load();
  }, [load, refresh]);

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
      {ready?.setAside && <p className="notice">{tm('record.setAside', { file: ready.setAside })}</p>}
      {ready && ready.rows.length === 0 && <p className="muted">{t('sent.none')}</p>}
      {ready && ready.rows.length > 0 && <ReviewsTable id={id} rows={ready.rows} onDownload={(r) => void again(r)} />}
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
