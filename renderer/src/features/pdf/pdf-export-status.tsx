import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/error-message';
import { numberFormat } from '../../i18n/intl-cache';
import type { PdfExport } from './use-pdf-export';
import './pdf-export.css';

/**
 * What an export is doing: a labelled progress bar while it runs, the file name and any warnings
 * when it is done, the translated reason when it fails. Start, end and failure are spoken through
 * one polite live region, which stays in the page so screen readers notice each change.
 */
export function PdfExportStatus({ pdf }: { pdf: PdfExport }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { state } = pdf;
  // Only while running: a formatter made on every render cost the form's first render tens of milliseconds.
  const percent = state.kind === 'running' ? numberFormat(i18n.language, 'percent').format(state.progress) : '';
  const announcement =
    state.kind === 'running' ? t('form:pdf.started') : state.kind === 'done' ? t('form:pdf.done', { fileName: state.fileName }) : state.kind === 'failed' ? t('form:pdf.failed') : '';
  return (
    <div className="pdf-export">
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {state.kind === 'running' && (
        <div className="progress pdf-export__progress">
          <label htmlFor={id} className="progress__label">
            {t('form:pdf.progressLabel')}
          </label>
          <progress id={id} max={1} value={state.progress} aria-valuetext={percent} />
          <span className="progress__text small">{percent}</span>
        </div>
      )}
      {state.kind === 'done' && (
        <div className="notice pdf-export__done">
          <div>
            <p>
              {t('form:pdf.doneVisible')} <bdi dir="ltr">{state.fileName}</bdi>
            </p>
            {state.warnings.length > 0 && (
              <>
                <p className="pdf-export__warnings-title">{t('form:pdf.warningsTitle')}</p>
                <ul className="pdf-export__warnings">
                  {state.warnings.map((warning, index) => (
                    <li key={index}>{warning}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <button type="button" className="button button--quiet" onClick={pdf.dismiss}>
            {t('errors.dismiss')}
          </button>
        </div>
      )}
      {state.kind === 'failed' && <ErrorMessage error={state.error} onDismiss={pdf.dismiss} />}
    </div>
  );
}
