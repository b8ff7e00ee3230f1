import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewerVersion } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { hrefFor } from '../../app/routes';
import { KEPT_ANSWERS_ID } from './kept-answers';
import { useSession } from './session';
import './kept-answers.css';

/**
 * Above the form: "a new version of the checklist is available" (with the way to its preview) when
 * the app has a newer version of the draft's checklist, and how many answers to questions no longer
 * in the checklist the draft keeps, with a way to them.
 */
export function RevisionNotices() {
  const api = useApi();
  const { t } = useTranslation();
  const session = useSession();
  const { version } = session.draft.checklist;
  const [newer, setNewer] = useState<NewerVersion['newer']>(null);
  useEffect(() => {
    if (session.readOnly) return;
    let live = true;
    void api.findNewerVersion(session.id).then((r) => live && setNewer(r.ok ? r.value.newer : null));
    return () => {
      live = false;
    };
  }, [api, session.id, session.readOnly, version]);
  const kept = session.draft.retiredAnswers.length;
  if (!newer && kept === 0) return null;
  return (
    <div className="notices">
      {newer && (
        <div className="revision-strip" role="status">
          <p>{t('packs:newVersion.available', { version: newer.version, current: version })}</p>
          <a className="button button--primary button--small" href={hrefFor({ name: 'move', id: session.id, version: newer.version })}>
            {t('packs:newVersion.preview')}
          </a>
        </div>
      )}
      {kept > 0 && (
        <div className="revision-strip">
          <p>{t('packs:kept.count', { count: kept })}</p>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              const section = document.getElementById(KEPT_ANSWERS_ID);
              section?.scrollIntoView?.({ block: 'start' });
              section?.focus();
            }}
          >
            {t('packs:kept.show')}
          </button>
        </div>
      )}
    </div>
  );
}
