import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ReviewerSession } from '../../../../core/api/contract';
import { VERDICTS, type Verdict } from '../../../../core/review/schema';
import { setReviewer, setVerdict, type ReviewWork } from '../../../../core/review/work';
import { useApi } from '../../api/api-context';
import { useFormatters } from '../../i18n/use-formatters';
import { downloadUrl } from '../../ui/download';
import { ErrorMessage } from '../../ui/error-message';

/**
 * Who reviews, the overall verdict and note, and "Return": the reply file is written from the work
 * as saved and handed over as a download, to send back to the focal point. It can be returned again
 * after any change; the latest reply is the one that counts.
 */
export function VerdictPanel({ session, work, change, flush, onReturned }: {
  session: ReviewerSession;
  work: ReviewWork;
  change(next: ReviewWork): void;
  flush(): Promise<boolean>;
  onReturned(at: string, fileName: string): void;
}) {
  const api = useApi();
  const { t } = useTranslation('review');
  const format = useFormatters();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ at: string; fileName: string } | null>(null);
  const { reviewer } = work;
  const last = session.returns[session.returns.length - 1];

  const person = (field: 'name' | 'title' | 'institution', value: string) => {
    const next = { ...reviewer, [field]: value };
    if (field === 'title' && value === '') delete next.title;
    change(setReviewer(work, next));
  };

  // Kept as typed (spaces included); the reply carries it as written.
  const changeNote = (value: string) => {
    const { note: _old, ...rest } = work;
    change({ ...rest, ...(value ? { note: value } : {}), updatedAt: new Date().toISOString() });
  };

  async function giveBack() {
    setError(null);
    setDone(null);
    setBusy(true);
    try {
      if (!(await flush())) return setError({ code: 'review:errors.workNotSaved' });
      const result = await api.returnReview(work.reviewId);
      if (!result.ok) return setError(result.error);
      downloadUrl(api.downloadUrl(result.value.reply), result.value.reply.fileName);
      setDone({ at: result.value.returnedAt, fileName: result.value.reply.fileName });
      onReturned(result.value.returnedAt, result.value.reply.fileName);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card reviewer-verdict" aria-labelledby="verdict-title">
      <h3 id="verdict-title" className="card__title">
        {t('reviewer.verdictTitle')}
      </h3>
      <div className="reviewer-verdict__who">
        <label className="field">
          <span className="field__label">{t('reviewer.yourName')}</span>
          <input id="reviewer-name" className="input" dir="auto" value={reviewer.name} onChange={(e) => person('name', e.target.value)} autoComplete="name" />
        </label>
        <label className="field">
          <span className="field__label">
            {t('reviewer.yourTitle')} <span className="field__required">({t('send.optional')})</span>
          </span>
          <input id="reviewer-title" className="input" dir="auto" value={reviewer.title ?? ''} onChange={(e) => person('title', e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{t('reviewer.yourInstitution')}</span>
          <input id="reviewer-institution" className="input" dir="auto" value={reviewer.institution} onChange={(e) => person('institution', e.target.value)} />
        </label>
      </div>
      <fieldset className="fieldset fieldset--plain">
        <legend className="fieldset__legend">{t('reviewer.verdict')}</legend>
        {VERDICTS.map((v: Verdict) => (
          <label key={v} className="field--inline">
            <input type="radio" name="verdict" value={v} checked={work.verdict === v} onChange={() => change(setVerdict(work, v, work.note))} />
            {t(`verdict.${v}`)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span className="field__label">
          {t('reviewer.note')} <span className="field__required">({t('send.optional')})</span>
        </span>
        <textarea
          id="verdict-note"
          className="input textarea"
          rows={3}
          dir="auto"
          value={work.note ?? ''}
          disabled={!work.verdict}
          aria-describedby={work.verdict ? undefined : 'verdict-note-hint'}
          onChange={(e) => changeNote(e.target.value)}
        />
        {!work.verdict && (
          <span id="verdict-note-hint" className="field__hint">
            {t('reviewer.noteHint')}
          </span>
        )}
      </label>
      <p className="muted small">{t('reviewer.counts', { comments: work.comments.length, suggestions: work.suggestions.length })}</p>
      <div className="reviewer-item__actions">
        <button id="return-review" type="button" className="button button--primary" disabled={busy} aria-busy={busy || undefined} onClick={() => void giveBack()}>
          {last || done ? t('reviewer.returnAgain') : t('reviewer.return')}
        </button>
      </div>
      <div aria-live="polite">
        {done && (
          <div className="success" role="status">
            <p>{t('reviewer.returned', { file: done.fileName, when: format.dateTime(done.at) })}</p>
            <p>{t('reviewer.sendBack', { name: session.request.from.name || session.request.from.institution })}</p>
          </div>
        )}
      </div>
      {!done && last && <p className="muted small">{t('reviewer.lastReturned', { when: format.dateTime(last.at) })}</p>}
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
    </section>
  );
}
