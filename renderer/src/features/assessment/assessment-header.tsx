import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../core/api/contract';
import { AUTONYMS } from '../../../../core/i18n/languages';
import { useApi } from '../../api/api-context';
import { hrefFor } from '../../app/routes';
import { ErrorMessage } from '../../ui/error-message';
import { countryLabel } from '../../ui/country-label';
import { PdfExportControls } from '../pdf/pdf-export-controls';
import { PdfExportStatus } from '../pdf/pdf-export-status';
import { usePdfExport } from '../pdf/use-pdf-export';
import { downloadCopy } from './file-actions';
import { SaveStatus } from './save-status';
import { useSession } from './session';

type View = 'form' | 'completeness' | 'history' | 'details' | 'reviews' | 'compare';

/** The assessment's name, its save state and the ways between its screens, shared by all three. */
export function AssessmentHeader({ current, saveStatus = true }: { current: View; /** The form shows it in its own bar, which stays in view. */ saveStatus?: boolean }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [error, setError] = useState<ApiError | null>(null);
  const meta = session.draft.assessment;
  const { autosaver } = session;
  // The report is made from what is on disk: unsaved typing is saved first.
  const flush = useCallback(() => autosaver.flush(), [autosaver]);
  const pdf = usePdfExport(session.id, flush);

  async function saveCopy() {
    setError(null);
    await session.autosaver.flush();
    const copy = await api.exportCopy(session.id);
    if (copy.ok) downloadCopy(copy.value);
    else setError(copy.error);
  }

  const link = (view: View, label: string) =>
    view === current ? (
      <span className="tabs__tab tabs__tab--current" aria-current="page">
        {label}
      </span>
    ) : (
      <a className="tabs__tab" href={hrefFor({ name: view, id: session.id })}>
        {label}
      </a>
    );

  return (
    <header className="assessment-header">
      <div className="assessment-header__top">
        <div>
          <nav className="breadcrumbs" aria-label={t('form:nav.breadcrumbs')}>
            <a href={hrefFor({ name: 'home' })}>{t('form:nav.home')}</a>
          </nav>
          <h2 className="page-title">{countryLabel(meta.countryCode, i18n.language, t)}</h2>
          <p className="muted small">
            {t('form:header.responseLanguage')} <span lang={meta.responseLanguage}>{AUTONYMS[meta.responseLanguage]}</span>
            {session.readOnly && <strong className="badge badge--warn">{t('form:header.readOnly')}</strong>}
          </p>
        </div>
        <div className="assessment-header__actions">
          {saveStatus && <SaveStatus autosaver={session.autosaver} />}
          <PdfExportControls pdf={pdf} />
          <a className="button button--secondary" href={hrefFor({ name: 'reviews', id: session.id })}>
            {t('review:send.open')}
          </a>
          <a className="button button--secondary" href={hrefFor({ name: 'export', id: session.id })}>
            {t('signing:nav.exportSubmission')}
          </a>
          <button type="button" className="button button--secondary" onClick={() => void saveCopy()}>
            {t('form:header.saveCopy')}
          </button>
          <a className="button button--quiet" href={hrefFor({ name: 'home' })}>
            {t('form:header.close')}
          </a>
        </div>
      </div>
      <nav className="tabs" aria-label={t('form:nav.views')}>
        {link('form', t('form:nav.form'))}
        {link('completeness', t('form:nav.completeness'))}
        {link('history', t('form:nav.history'))}
        {link('details', t('form:nav.details'))}
        {link('reviews', t('merge:nav.reviews'))}
        {link('compare', t('merge:nav.compare'))}
      </nav>
      <PdfExportStatus pdf={pdf} />
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
    </header>
  );
}
