import { useCallback, useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ReviewerEntry } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { hrefFor, navigate } from '../../app/routes';
import { useFormatters } from '../../i18n/use-formatters';
import { countryLabel } from '../../ui/country-label';
import { ErrorMessage } from '../../ui/error-message';
import { FilePicker } from '../../ui/file-picker';
import './reviewer.css';

/** A reason the desktop app could not open a review copy given by the system (electron/main/open-review.ts). */
function reasonInAddress(): ApiError | null {
  const query = window.location.hash.split('?')[1] ?? '';
  const code = new URLSearchParams(query).get('reviewError');
  return code && /^(review|errors):?[A-Za-z.]*$/.test(code) ? { code } : null;
}

/**
 * The reviewer's part of the home screen: open a review copy received from another ministry (file
 * picker, or dropped on the screen), and the reviews in progress on this computer.
 */
export function ReviewsOnHome() {
  const api = useApi();
  const { t, i18n } = useTranslation('review');
  const { t: tc } = useTranslation();
  const format = useFormatters();
  const [entries, setEntries] = useState<ReviewerEntry[]>([]);
  const [error, setError] = useState<ApiError | null>(reasonInAddress);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);

  const load = useCallback(async () => {
    const result = await api.listReviewerWork();
    if (result.ok) setEntries(result.value);
    else setError(result.error);
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const open = useCallback(
    async (file: File) => {
      setError(null);
      setBusy(true);
      try {
        const result = await api.openReviewCopy(file);
        if (!result.ok) return setError(result.error);
        navigate({ name: 'review', reviewId: result.value.request.reviewId });
      } finally {
        setBusy(false);
      }
    },
    [api],
  );

  // A file dropped anywhere on the home screen is taken as a review copy (the core says if it is not).
  useEffect(() => {
    const over = (event: globalThis.DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const drop = (event: globalThis.DragEvent) => {
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      setOver(false);
      void open(file);
    };
    document.addEventListener('dragover', over);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('drop', drop);
    };
  }, [open]);

  const dragging = (event: DragEvent, on: boolean) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    setOver(on);
  };

  return (
    <section className="card reviewer-home" aria-labelledby="reviewer-home-title" aria-busy={busy}>
      <h2 id="reviewer-home-title" className="card__title">
        {t('home.title')}
      </h2>
      <p>{t('home.intro')}</p>
      <div
        className={over ? 'reviewer-home__drop reviewer-home__drop--over' : 'reviewer-home__drop'}
        onDragEnter={(e) => dragging(e, true)}
        onDragLeave={(e) => dragging(e, false)}
      >
        <FilePicker id="open-review-copy" buttonLabel={t('home.open')} busy={busy} busyLabel={t('home.opening')} accept=".scsa-review" onChoose={([file]) => file && void open(file)} />
        <p className="muted small">{t('home.drop')}</p>
      </div>
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
      {entries.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-labelledby="reviewer-home-list">
            <caption id="reviewer-home-list" className="reviewer-home__caption">
              {t('home.inProgress')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('home.columns.assessment')}</th>
                <th scope="col">{t('home.columns.from')}</th>
                <th scope="col">{t('home.columns.due')}</th>
                <th scope="col">{t('home.columns.notes')}</th>
                <th scope="col">{t('home.columns.state')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.reviewId}>
                  <th scope="row">
                    <a href={hrefFor({ name: 'review', reviewId: e.reviewId })}>
                      {t('home.reviewOf', { country: countryLabel(e.countryCode, i18n.language, tc), revision: format.number(e.base.revision) })}
                    </a>
                  </th>
                  <td>
                    <bdi>{e.from.institution || e.from.name}</bdi>
                  </td>
                  <td>{e.dueDate ? format.date(e.dueDate) : '—'}</td>
                  <td>{t('home.notes', { comments: format.number(e.comments), suggestions: format.number(e.suggestions) })}</td>
                  <td>{e.lastReturnedAt ? t('home.returned', { when: format.dayOf(e.lastReturnedAt) }) : t('home.working', { when: format.dayOf(e.updatedAt) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
