import { useTranslation } from 'react-i18next';
import type { SecretariatView } from '../../app/routes';
import { hrefFor } from '../../app/routes';
import { ErrorMessage } from '../../ui/error-message';
import { CompareRevisions } from './compare-revisions';
import { CountersignScreen } from './countersign-screen';
import { ImportScreen } from './import-screen';
import { RegistryScreen } from './registry-screen';
import { SubmissionReader } from './submission-reader';
import { SubmissionsScreen } from './submissions-screen';
import { useWorkspace } from './use-workspace';
import { WorkspaceChooser } from './workspace-chooser';
import { WorkspaceHeader } from './workspace-header';
import './secretariat.css';

export interface SecretariatScreenProps {
  view: SecretariatView;
  file?: string | undefined;
  other?: string | undefined;
}

const NAV: readonly SecretariatView[] = ['overview', 'registry', 'import', 'submissions', 'countersign'];

/**
 * The secretariat workspace: without an open workspace, choose or create its folder (countersigning
 * needs none); with one, its header (folder, read-only cause, notices), the workspace's screens and
 * a navigation between them.
 */
export function SecretariatScreen({ view, file, other }: SecretariatScreenProps) {
  const { t } = useTranslation('secretariat');
  const { status, error, refresh, setStatus } = useWorkspace();
  if (status === undefined) return error ? <ErrorMessage error={error} onRetry={() => void refresh()} /> : <p className="muted">{t('app.loading')}</p>;
  if (status === null && view !== 'countersign') return <WorkspaceChooser onOpened={setStatus} />;
  const current = view === 'read' || view === 'compare' ? 'submissions' : view;
  return (
    <div className="secretariat">
      {status && <WorkspaceHeader status={status} onClosed={() => setStatus(null)} />}
      {status && (
        <nav className="secretariat__nav" aria-label={t('app.navLabel')}>
          {NAV.map((v) => (
            <a key={v} href={hrefFor({ name: 'secretariat', view: v })} aria-current={v === current ? 'page' : undefined}>
              {t(`app.nav.${v}`)}
            </a>
          ))}
          <a href={hrefFor({ name: 'analysis' })}>{t('app.nav.analysis')}</a>
        </nav>
      )}
      {view === 'overview' && status && <Overview counts={status.counts} />}
      {view === 'registry' && status && <RegistryScreen writable={status.writable} onChanged={() => void refresh()} />}
      {view === 'import' && status && <ImportScreen writable={status.writable} onImported={() => void refresh()} />}
      {view === 'submissions' && status && <SubmissionsScreen writable={status.writable} />}
      {view === 'read' && status && file && <SubmissionReader file={file} />}
      {view === 'compare' && status && file && <CompareRevisions file={file} other={other} />}
      {view === 'countersign' && <CountersignScreen hasWorkspace={status !== null} />}
    </div>
  );
}

function Overview({ counts }: { counts: { keys: number; submissions: number; held: number; rejected: number } }) {
  const { t } = useTranslation('secretariat');
  return (
    <section className="card secretariat__section" aria-labelledby="ws-overview-title">
      <h2 id="ws-overview-title" className="card__title">
        {t('app.overview.title')}
      </h2>
      <ul className="secretariat__counts">
        <li>
          <a href={hrefFor({ name: 'secretariat', view: 'registry' })}>{t('app.overview.keys', { count: counts.keys })}</a>
        </li>
        <li>
          <a href={hrefFor({ name: 'secretariat', view: 'submissions' })}>{t('app.overview.submissions', { count: counts.submissions })}</a>
        </li>
        <li>{t('app.overview.held', { count: counts.held })}</li>
        <li>{t('app.overview.rejected', { count: counts.rejected })}</li>
      </ul>
      <p>{t('app.overview.next')}</p>
      <p>
        <a className="button button--primary" href={hrefFor({ name: 'secretariat', view: 'import' })}>
          {t('app.nav.import')}
        </a>
      </p>
    </section>
  );
}
