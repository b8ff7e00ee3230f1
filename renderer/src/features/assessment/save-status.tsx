import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { translateError } from '../../ui/error-message';
import type { Autosaver } from './autosave';

/** The save state in a polite live region; only this line re-renders as saving progresses. */
export function SaveStatus({ autosaver }: { autosaver: Autosaver }) {
  const { t, i18n } = useTranslation();
  const state = useSyncExternalStore(autosaver.subscribe, autosaver.getState);
  let text: string;
  switch (state.kind) {
    case 'idle':
      text = t('drafts:autosave.idle');
      break;
    case 'pending':
      text = t('drafts:autosave.pending');
      break;
    case 'saving':
      text = t('drafts:autosave.saving');
      break;
    case 'saved':
      text = t('form:save.savedAt', { time: new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(state.at) });
      break;
    case 'error':
      text = t('form:save.retrying');
      break;
  }
  return (
    <div className={`save-status save-status--${state.kind}`}>
      <span role="status" aria-live="polite" className="save-status__text">
        {text}
      </span>
      {state.kind === 'error' && <span className="save-status__reason">{translateError(t, i18n, state.error)}</span>}
      {state.kind === 'error' && (
        <button type="button" className="button button--secondary button--small" onClick={() => void autosaver.flush()}>
          {t('form:save.retryNow')}
        </button>
      )}
    </div>
  );
}
