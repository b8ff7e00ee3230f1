import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, WorkspaceStatus } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { ErrorMessage } from '../../ui/error-message';
import { useFormatters } from '../../i18n/use-formatters';
import { useLoaded } from './use-workspace';

/**
 * Open or create the workspace folder. The desktop asks with its native folder dialog; the web host
 * (tests, development) has none, so the analyst types the folder's path there. Recent workspaces
 * reopen with one click.
 */
export function WorkspaceChooser({ onOpened }: { onOpened: (status: WorkspaceStatus) => void }) {
  const { t } = useTranslation('secretariat');
  const api = useApi();
  const format = useFormatters();
  const [dir, setDir] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const recent = useLoaded((a) => a.listRecentWorkspaces());
  const native = typeof api.chooseFolder === 'function';
  const pathId = useId();

  async function go(action: 'open' | 'create', folder: string) {
    setProblem(null);
    if (folder.trim() === '') {
      setProblem({ code: 'secretariat:app.chooser.noFolder' });
      return;
    }
    setBusy(true);
    const r = action === 'open' ? await api.openWorkspace(folder) : await api.createWorkspace(folder);
    setBusy(false);
    if (r.ok) onOpened(r.value);
    else setProblem(r.error);
  }

  async function forget(folder: string) {
    const r = await api.forgetRecentWorkspace(folder);
    if (r.ok) recent.reload();
    else setProblem(r.error);
  }

  async function pick(action: 'open' | 'create') {
    const chosen = await api.chooseFolder?.();
    if (chosen) await go(action, chosen);
  }

  const submit = (action: 'open' | 'create') => (event?: FormEvent) => {
    event?.preventDefault();
    void go(action, dir);
  };

  return (
    <section className="card secretariat__section" aria-labelledby="ws-chooser-title">
      <h2 id="ws-chooser-title" className="card__title">
        {t('app.chooser.title')}
      </h2>
      <p>{t('app.chooser.intro')}</p>
      {native ? (
        <div className="signing__actions">
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void pick('open')}>
            {t('app.chooser.openNative')}
          </button>
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void pick('create')}>
            {t('app.chooser.createNative')}
          </button>
        </div>
      ) : (
        <form className="signing-form" onSubmit={submit('open')} noValidate>
          <div className="field signing__field">
            <label className="field__label" htmlFor={pathId}>
              {t('app.chooser.path')}
            </label>
            <p id={`${pathId}-hint`} className="field__hint">
              {t('app.chooser.pathHint')}
            </p>
            <input id={pathId} className="input" dir="ltr" value={dir} onChange={(e) => setDir(e.target.value)} aria-describedby={`${pathId}-hint`} spellCheck={false} autoComplete="off" />
          </div>
          <div className="signing__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('app.chooser.open')}
            </button>
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => submit('create')()}>
              {t('app.chooser.create')}
            </button>
          </div>
        </form>
      )}
      {problem && <ErrorMessage error={problem} onDismiss={() => setProblem(null)} />}
      {recent.value && recent.value.length > 0 && (
        <div>
          <h3>{t('app.chooser.recent')}</h3>
          <ul className="secretariat__recent">
            {recent.value.map((w) => (
              <li key={w.dir}>
                <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void go('open', w.dir)}>
                  {t('app.chooser.reopen')}
                  <span className="visually-hidden"> {w.dir}</span>
                </button>{' '}
                <bdi dir="ltr" className="secretariat__path">
                  {w.dir}
                </bdi>{' '}
                <span className="muted small">{t('app.chooser.openedAt', { date: format.dateTime(w.openedAt) })}</span>{' '}
                <button type="button" className="button button--quiet button--small" disabled={busy} onClick={() => void forget(w.dir)}>
                  {t('app.chooser.forget')}
                  <span className="visually-hidden"> {w.dir}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
