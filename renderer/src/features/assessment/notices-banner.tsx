import { useTranslation } from 'react-i18next';
import { useSession } from './session';

/** What happened while opening the draft (recovered, migrated, attachment missing…), each dismissible. */
export function NoticesBanner() {
  const { t, i18n } = useTranslation();
  const { notices, dismissNotice } = useSession();
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="region" aria-label={t('form:notices.label')}>
      {notices.map((notice, index) => {
        const key = notice.code.includes(':') ? notice.code : `drafts:notices.${notice.code}`;
        return (
          <div key={`${notice.code}-${index}`} className="notice">
            <p>{i18n.exists(key) ? t(key, notice.params ?? {}) : t('form:notices.generic')}</p>
            <button type="button" className="button button--quiet button--small" onClick={() => dismissNotice(index)}>
              {t('errors.dismiss')}
            </button>
          </div>
        );
      })}
    </div>
  );
}
