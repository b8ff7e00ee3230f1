import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisFilters, ApiError, RendererApi } from '../../../../core/api/contract';
import { AUTONYMS, LANGUAGES, isLanguage, type Language } from '../../../../core/i18n/languages';
import { useApi } from '../../api/api-context';
import { downloadUrl } from '../../ui/download';
import { ErrorMessage } from '../../ui/error-message';
import { JobProgress } from '../../ui/job-progress';
import { useJob } from '../../ui/use-job';
import { shownText } from '../../i18n/shown-text';

const FORMATS = ['xlsx', 'csv', 'pdf'] as const;

/**
 * Export the analysis (with the filters on screen) as a workbook, CSV files or the statistical annex
 * in any of the six languages; "publishable" applies each country's consent (item A.6). The file is
 * written by a job with progress, then downloaded once.
 */
export function ExportPanel({ filters }: { filters: AnalysisFilters }) {
  const { t, i18n } = useTranslation('analysis');
  const api = useApi();
  const id = useId();
  const [format, setFormat] = useState<(typeof FORMATS)[number]>('xlsx');
  const [language, setLanguage] = useState<Language>(isLanguage(i18n.language) ? i18n.language : 'en');
  const [publishable, setPublishable] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const job = useJob('analysis-export', (result) => {
    void api.downloadAnalysisExport(result.exportId).then((ticket) => {
      if (!ticket.ok) return setProblem(ticket.error);
      downloadUrl(api.downloadUrl(ticket.value), ticket.value.fileName);
      setSaved(ticket.value.fileName);
    });
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setSaved(null);
    const refused = await job.run((a: RendererApi) => a.exportAnalysis({ format, language, publishable, filters }));
    if (refused) setProblem(refused);
  };

  return (
    <section className="card analysis-export" aria-labelledby={`${id}-title`} data-testid="analysis-export">
      <h2 className="card__title" id={`${id}-title`}>
        {t('screen.exportTitle')}
      </h2>
      <p>{t('screen.exportIntro')}</p>
      <form className="analysis-export" onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>{t('screen.format')}</legend>
          {FORMATS.map((f) => (
            <label key={f} className="analysis__check">
              <input type="radio" name={`${id}-format`} value={f} checked={format === f} onChange={() => setFormat(f)} />
              {t(`screen.formats.${f}`)}
            </label>
          ))}
        </fieldset>
        <div className="analysis__field">
          <label htmlFor={`${id}-language`}>{t('screen.exportLanguage')}</label>
          <select id={`${id}-language`} value={language} onChange={(e) => isLanguage(e.target.value) && setLanguage(e.target.value)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {AUTONYMS[l]}
              </option>
            ))}
          </select>
        </div>
        <label className="analysis__check">
          <input type="checkbox" checked={publishable} onChange={(e) => setPublishable(e.target.checked)} aria-describedby={`${id}-publishable`} />
          {t('screen.publishable')}
        </label>
        <p className="small" id={`${id}-publishable`}>
          {t('screen.publishableHelp')}
        </p>
        <div className="analysis__actions">
          <button type="submit" className="button button--primary" disabled={job.state.kind === 'running'}>
            {t('screen.export')}
          </button>
        </div>
      </form>
      <JobProgress state={job.state} label={t('screen.exportProgress')} started={t('screen.exportStarted')} />
      <div aria-live="polite">{saved && (
          <p data-testid="analysis-export-done">
            {t('screen.exportDone')} <bdi dir="ltr">{shownText(saved)}</bdi>
          </p>
        )}</div>
      {problem && <ErrorMessage error={problem} />}
      {job.state.kind === 'failed' && <ErrorMessage error={job.state.error} />}
    </section>
  );
}
