import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, HistoryEntryInfo } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { navigate } from '../../app/routes';
import { useFormatters } from '../../i18n/use-formatters';
import { ErrorMessage } from '../../ui/error-message';
import { AssessmentHeader } from './assessment-header';
import { useSession } from './session';

type State = { kind: 'loading' } | { kind: 'ready'; entries: HistoryEntryInfo[] } | { kind: 'failed'; error: ApiError };

/** One row per saved version; a revision sent twice is two rows (two submission revisions). */
const rowKey = (e: HistoryEntryInfo) => `${e.revision}-${e.submission?.submissionRevision ?? 0}`;
/** First strong isolate … pop: a Latin identifier stays in one piece inside a right-to-left sentence. */
/** The sentence around a value from a file, with the value itself isolated in its own element (left to right). */
const MARK = '@@value@@';
function around(sentence: string, value: string) {
  const [before = '', after = ''] = sentence.split(MARK);
  return (
    <>
      {before}
      <bdi dir="ltr">{value}</bdi>
      {after}
    </>
  );
}

/** Saved versions, newest first, each restorable after a confirmation; the versions sent in a signed bundle are marked. */
export function HistoryScreen() {
  const api = useApi();
  const session = useSession();
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [confirm, setConfirm] = useState<HistoryEntryInfo | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const size = (bytes: number) =>
    new Intl.NumberFormat(i18n.language, { style: 'unit', unit: bytes < 1024 ? 'byte' : 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 1 }).format(
      bytes < 1024 ? bytes : bytes / 1024,
    );

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    await session.autosaver.flush();
    const result = await api.listHistory(session.id);
    setState(result.ok ? { kind: 'ready', entries: [...result.value].sort((a, b) => b.revision - a.revision || (b.submission?.submissionRevision ?? 0) - (a.submission?.submissionRevision ?? 0)) } : { kind: 'failed', error: result.error });
  }, [api, session.id, session.autosaver]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    const element = dialog.current;
    if (confirm && element && !element.open) {
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
    }
  }, [confirm]);

  function closeDialog() {
    const element = dialog.current;
    if (element?.open) {
      if (typeof element.close === 'function') element.close();
      else element.removeAttribute('open');
    }
    setConfirm(null);
  }

  async function restore(entry: HistoryEntryInfo) {
    closeDialog();
    setError(null);
    await session.autosaver.flush();
    const result = await api.restoreVersion(session.id, entry.revision);
    if (!result.ok) return setError(result.error);
    // The form says what the restore did: which version is now the draft, and where the one before went.
    const restored = { code: 'form:history.restored', params: { n: entry.revision, savedAt: entry.savedAt, revision: result.value.draft.revision } };
    // A revision from before a move is on the earlier checklist version: its pack comes first.
    try {
      await session.replaceWith({ ...result.value, notices: [...result.value.notices, restored] });
    } catch {
      return setError({ code: 'errors.unexpected' });
    }
    navigate({ name: 'form', id: session.id });
  }

  return (
    <div className="history">
      <AssessmentHeader current="history" />
      <section className="card" aria-labelledby="history-title" aria-busy={state.kind === 'loading'}>
        <h3 id="history-title" className="card__title">
          {t('form:history.title')}
        </h3>
        <p className="muted">{t('form:history.intro')}</p>
        {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
        {state.kind === 'loading' && <p className="muted" role="status">{t('form:loading')}</p>}
        {state.kind === 'failed' && <ErrorMessage error={state.error} onRetry={() => void load()} />}
        {state.kind === 'ready' && state.entries.length === 0 && <p>{t('form:history.empty')}</p>}
        {state.kind === 'ready' && state.entries.length > 0 && (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('form:history.revision')}</th>
                  <th scope="col">{t('form:history.savedAt')}</th>
                  <th scope="col">{t('form:history.size')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('form:table.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {state.entries.map((entry) => (
                  <tr key={rowKey(entry)} className={entry.submission ? 'history__submitted' : undefined}>
                    <th scope="row">{format.number(entry.revision)}</th>
                    <td>
                      {format.dateTime(entry.savedAt)}
                      {entry.submission && (
                        <div className="history__submission">
                          <span className="badge">{t('drafts:history.submitted', { n: format.number(entry.submission.submissionRevision) })}</span>
                          <span className="muted">{t('drafts:history.exportedOn', { date: format.dateTime(entry.submission.exportedAt) })}</span>
                          <span className="muted history__identifier">{around(t('drafts:history.identifier', { id: MARK }), entry.submission.externalIdentifier)}</span>
                        </div>
                      )}
                    </td>
                    <td>{size(entry.size)}</td>
                    <td>
                      <button type="button" className="button button--secondary button--small" disabled={session.readOnly} onClick={() => setConfirm(entry)}>
                        {t('form:history.restore')}
                        <span className="visually-hidden"> ({t('form:history.revisionN', { n: entry.revision })})</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {confirm && (
        <dialog ref={dialog} className="dialog" aria-labelledby="restore-title" onCancel={(e) => { e.preventDefault(); closeDialog(); }}>
          <h2 id="restore-title" className="dialog__title">
            {t('form:history.confirmTitle', { n: confirm.revision })}
          </h2>
          <p className="dialog__intro">{t('form:history.confirmBody', { savedAt: format.dateTime(confirm.savedAt) })}</p>
          <div className="dialog__actions">
            <button type="button" className="button button--quiet" onClick={closeDialog}>
              {t('form:history.cancel')}
            </button>
            <button type="button" className="button button--primary" onClick={() => void restore(confirm)}>
              {t('form:history.confirm')}
            </button>
          </div>
        </dialog>
      )}
    </div>
  );
}
