import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, MergeComment } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { useFormatters } from '../../i18n/use-formatters';
import { ErrorMessage } from '../../ui/error-message';
import { Isolated, MARK_VALUE } from '../../ui/isolated';
import { useSession } from '../assessment/session';

/** A reviewer's comment on an item; the focal point resolves it, with an optional answer. */
export function CommentCard({ comment: c, fieldLabel, onDone }: { comment: MergeComment; fieldLabel?: string; onDone: () => Promise<void> }) {
  const api = useApi();
  const session = useSession();
  const { t } = useTranslation();
  const format = useFormatters();
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const answerId = useId();

  async function resolve() {
    setBusy(true);
    setError(null);
    const r = await api.resolveComment(session.id, { reviewId: c.reviewId, commentId: c.id }, answer.trim() || undefined);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    await onDone();
  }

  return (
    <article className={`merge-comment${c.resolved ? ' merge-comment--resolved' : ''}`}>
      <p className="merge-comment__who">
        <strong>
          <Isolated sentence={t('merge:item.commentFrom', { institution: MARK_VALUE })} value={c.institution} />
        </strong>{' '}
        <span className="muted small">
          <bdi>{c.reviewer}</bdi> · {format.dayOf(c.at)}
          {fieldLabel && <> · {t('merge:item.onField', { field: fieldLabel })}</>}
        </span>
      </p>
      <blockquote className="merge-comment__text" dir="auto">
        {c.text}
      </blockquote>
      {c.resolved ? (
        <p className="small">
          <span className="badge merge-decision">{t('merge:item.resolved', { date: format.dayOf(c.resolved.at) })}</span>
          {c.resolved.answer && (
            <>
              {' '}
              <span dir="auto">{c.resolved.answer}</span>
            </>
          )}
        </p>
      ) : (
        <div className="merge-comment__resolve">
          <label htmlFor={answerId} className="small">
            {t('merge:item.answerLabel')}
          </label>
          <textarea id={answerId} className="input textarea" rows={2} value={answer} onChange={(e) => setAnswer(e.target.value)} dir="auto" />
          <button type="button" className="button button--secondary button--small" disabled={busy || session.readOnly} onClick={() => void resolve()}>
            {t('merge:item.resolve')}
          </button>
        </div>
      )}
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
    </article>
  );
}
