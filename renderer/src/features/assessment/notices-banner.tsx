import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/use-formatters';
import { useSession } from './session';

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;

/** What happened while opening the draft (recovered, migrated, attachment missing…), each dismissible. */
export function NoticesBanner() {
  const { t, i18n } = useTranslation();
  const { notices, dismissNotice } = useSession();
  const format = useFormatters();
  const region = useRef<HTMLDivElement>(null);
  // After a restore the form opens on what it did: focus goes to the message, which is then read out.
  const restored = notices.some((n) => n.code === 'form:history.restored' || n.code === 'packs:move.done');
  useEffect(() => {
    if (restored) region.current?.focus();
  }, [restored]);
  // Times in a notice ("restored the version saved at …") read in the interface language.
  const params = (raw: Record<string, string | number> = {}) =>
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' && ISO_TIME.test(v) ? format.dateTime(v) : v]));
  if (notices.length === 0) return null;
  return (
    <div ref={region} className="notices" role="region" aria-label={t('form:notices.label')} tabIndex={-1}>
      {notices.map((notice, index) => {
        const key = notice.code.includes(':') ? notice.code : `drafts:notices.${notice.code}`;
        // With its params: a plural message exists only as its forms (`_one`, `_other`…), found by `count`.
        const values = params(notice.params);
        return (
          <div key={`${notice.code}-${index}`} className="notice">
            <p>{i18n.exists(key, values) ? t(key, values) : t('form:notices.generic')}</p>
            <button type="button" className="button button--quiet button--small" onClick={() => dismissNotice(index)}>
              {t('errors.dismiss')}
            </button>
          </div>
        );
      })}
    </div>
  );
}
