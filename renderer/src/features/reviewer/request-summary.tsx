import { useTranslation } from 'react-i18next';
import type { ReviewerSession } from '../../../../core/api/contract';
import { useFormatters } from '../../i18n/use-formatters';
import { countryLabel } from '../../ui/country-label';

/** Who asks for the review, of what, by when, and their message: the first thing a reviewer reads. */
export function RequestSummary({ session }: { session: ReviewerSession }) {
  const { t, i18n } = useTranslation('review');
  const { t: tc } = useTranslation();
  const format = useFormatters();
  const { request } = session;
  const country = countryLabel(request.draft.assessment.countryCode, i18n.language, tc);
  const from = [request.from.name, request.from.institution].filter(Boolean);
  const to = [request.to.name, request.to.institution].filter(Boolean);
  const last = session.returns[session.returns.length - 1];
  return (
    <header className="reviewer-request">
      <h2 className="page-title">{t('reviewer.title', { country })}</h2>
      <p>
        <strong className="badge badge--warn">{t('reviewer.mode')}</strong> <span className="muted small">{t('reviewer.modeHint')}</span>
      </p>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('reviewer.from')}</dt>
          <dd>
            <bdi>{from.join(', ')}</bdi>
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('reviewer.to')}</dt>
          <dd>
            <bdi>{to.join(', ')}</bdi>
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('reviewer.what')}</dt>
          <dd>
            {request.scope === 'all' ? t('reviewer.scopeAll') : t('reviewer.scopeSome', { sections: request.scope.join(', ') })}{' '}
            {t('reviewer.revision', { revision: format.number(request.base.revision), date: format.dayOf(request.createdAt) })}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('reviewer.due')}</dt>
          <dd>{request.dueDate ? format.date(request.dueDate) : t('reviewer.noDue')}</dd>
        </div>
      </dl>
      {request.message && (
        <figure className="reviewer-request__message">
          <figcaption className="field__label">{t('reviewer.message')}</figcaption>
          <blockquote dir="auto">{request.message}</blockquote>
        </figure>
      )}
      {last && <p className="reviewer-request__returned">{t('reviewer.alreadyReturned', { when: format.dateTime(last.at) })}</p>}
    </header>
  );
}
