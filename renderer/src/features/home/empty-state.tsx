import { useTranslation } from 'react-i18next';

/** First run: say what an assessment is and how to start (the actions sit in the card header). */
export function EmptyState() {
  const { t } = useTranslation();
  return (
    <div className="empty-state">
      <svg className="empty-state__icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
        <rect x="9" y="6" width="30" height="37" rx="3" fill="none" stroke="currentColor" strokeWidth="2.5" />
        <path d="M16 17h16M16 25h16M16 33h9" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
      </svg>
      <h3 className="empty-state__title">{t('home.emptyTitle')}</h3>
      <p className="empty-state__body">{t('home.emptyBody')}</p>
    </div>
  );
}
