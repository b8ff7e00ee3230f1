import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceStatus } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { translateError } from '../../ui/error-message';

/** The open workspace: its folder, why it is read-only if it is, what opening it noticed, and Close. */
export function WorkspaceHeader({ status, onClosed }: { status: WorkspaceStatus; onClosed: () => void }) {
  const { t, i18n } = useTranslation('secretariat');
  const { t: common } = useTranslation();
  const api = useApi();
  const [closing, setClosing] = useState(false);
  async function close() {
    setClosing(true);
    await api.closeWorkspace();
    setClosing(false);
    onClosed();
  }
  return (
    <header className="secretariat__header" aria-labelledby="ws-title">
      <div className="secretariat__header-row">
        <div>
          <h2 id="ws-title" className="section-title">
            {t('app.header.title')}
          </h2>
          <p className="small">
            {t('app.header.folder')} <bdi dir="ltr" className="secretariat__path" data-testid="workspace-dir">{status.dir}</bdi>
          </p>
        </div>
        <button type="button" className="button button--secondary" onClick={() => void close()} disabled={closing}>
          {t('app.header.close')}
        </button>
      </div>
      {!status.writable && (
        <div className="secretariat__readonly" role="status" data-testid="workspace-readonly">
          <p>
            <strong>{t('app.header.readOnly')}</strong>
          </p>
          {status.readOnlyCause && <p>{translateError(common, i18n, status.readOnlyCause)}</p>}
        </div>
      )}
      {status.notices.length > 0 && (
        <ul className="notices" aria-label={t('app.header.notices')}>
          {status.notices.map((n, i) => (
            <li key={`${n.code}-${i}`} className="notice" role="status">
              {translateError(common, i18n, n)}
            </li>
          ))}
        </ul>
      )}
    </header>
  );
}
