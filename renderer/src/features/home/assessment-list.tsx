import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, AssessmentSummary } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { ErrorMessage } from '../../ui/error-message';
import { EmptyState } from './empty-state';
import { OpenFile } from './open-file';
import { hrefFor } from '../../app/routes';
import { AssessmentTable, type RowAction } from './assessment-table';
import { ConfirmShelf, DoneNotice, type Done, type Pending } from './shelf-dialogs';
import './home.css';

type ListState = { kind: 'loading' } | { kind: 'ready'; items: AssessmentSummary[] } | { kind: 'failed'; error: ApiError };

/**
 * The assessments kept on this computer (each opens on click), with their progress and status, or what
 * to do when there are none yet. Archived ones wait in a section of their own; deleting one moves it
 * to the trash of the data folder, and both can be undone at once.
 */
export function AssessmentList() {
  const api = useApi();
  const { t } = useTranslation();
  const [state, setState] = useState<ListState>({ kind: 'loading' });
  const [pending, setPending] = useState<Pending | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    const result = await api.listAssessments();
    setState(result.ok ? { kind: 'ready', items: result.value } : { kind: 'failed', error: result.error });
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const settle = async (result: { ok: true; value: unknown } | { ok: false; error: ApiError }, next: Done | null) => {
    if (!result.ok) setError(result.error);
    else setDone(next);
    await load();
  };

  const onAction = (action: RowAction, item: AssessmentSummary) => {
    setError(null);
    if (action === 'unarchive') void api.setAssessmentArchived(item.id, false).then((r) => settle(r, { kind: 'unarchived', item }));
    else setPending({ action, item });
  };

  const confirm = async () => {
    if (!pending) return;
    const { action, item } = pending;
    setPending(null);
    setError(null);
    if (action === 'archive') return settle(await api.setAssessmentArchived(item.id, true), { kind: 'archived', item });
    const deleted = await api.deleteAssessment(item.id);
    return settle(deleted, deleted.ok ? { kind: 'deleted', item, trashEntry: deleted.value.trashEntry } : null);
  };

  const undo = async () => {
    if (!done) return;
    setError(null);
    if (done.kind === 'archived') return settle(await api.setAssessmentArchived(done.item.id, false), { kind: 'unarchived', item: done.item });
    if (done.kind === 'deleted') return settle(await api.restoreDeletedAssessment(done.trashEntry), { kind: 'restored', item: done.item });
  };

  const items = state.kind === 'ready' ? state.items : [];
  const active = items.filter((a) => a.archivedAt === null);
  const archived = items.filter((a) => a.archivedAt !== null);

  return (
    <section className="card" aria-labelledby="assessments-title" aria-busy={state.kind === 'loading'}>
      <div className="card__header">
        <h2 id="assessments-title" className="card__title">
          {t('home.assessmentsTitle')}
        </h2>
        {active.length > 0 && <span className="badge">{t('home.assessmentCount', { count: active.length })}</span>}
        <div className="card__actions">
          <a className="button button--primary" href={hrefFor({ name: 'new' })}>
            {t('home.create')}
          </a>
          <OpenFile />
        </div>
      </div>
      {done && <DoneNotice done={done} onUndo={() => void undo()} onDismiss={() => setDone(null)} />}
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
      {state.kind === 'loading' && <p className="muted">{t('home.loading')}</p>}
      {state.kind === 'failed' && <ErrorMessage error={state.error} onRetry={() => void load()} />}
      {state.kind === 'ready' && items.length === 0 && <EmptyState />}
      {state.kind === 'ready' && items.length > 0 && active.length === 0 && <p className="muted">{t('home.allArchived')}</p>}
      {active.length > 0 && <AssessmentTable items={active} actions={['archive', 'delete']} onAction={onAction} labelledBy="assessments-title" />}
      {archived.length > 0 && (
        <details className="archived">
          <summary id="archived-title">{t('home.archivedTitle', { n: archived.length })}</summary>
          <p className="muted small">{t('home.archivedIntro')}</p>
          <AssessmentTable items={archived} actions={['unarchive', 'delete']} onAction={onAction} labelledBy="archived-title" />
        </details>
      )}
      {pending && <ConfirmShelf pending={pending} onConfirm={() => void confirm()} onCancel={() => setPending(null)} />}
    </section>
  );
}
