import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisFilters, AnalysisView, ApiError, RendererApi, WorkspaceStatus } from '../../../../core/api/contract';
import { hrefFor } from '../../app/routes';
import { useApi } from '../../api/api-context';
import { ErrorMessage } from '../../ui/error-message';
import { JobProgress } from '../../ui/job-progress';
import { useJob } from '../../ui/use-job';
import { useFormatters } from '../../i18n/use-formatters';
import { shownText } from '../../i18n/shown-text';
import { BarChart } from './bar-chart';
import { ExportPanel } from './export-panel';
import { FiltersForm } from './filters-form';
import { ItemCard } from './item-card';
import { ParticipationTable, VersionsNote } from './participation';
import './analysis.css';

const SHOW = ['all', 'status', 'choices', 'numbers', 'answers'] as const;
type Show = (typeof SHOW)[number];
const shows = (item: AnalysisView['items'][number], show: Show): boolean =>
  show === 'all' || (show === 'status' && !!item.status) || (show === 'choices' && !!item.options) || (show === 'numbers' && !!item.numbers) || (show === 'answers' && item.answers > 0);

/**
 * The analysis for the thematic implementation report over the open secretariat workspace: per item
 * the count of each status with its denominator, choices, numbers, assistance needs by type, the
 * answers as written, and exports. No ranking: no score per country, countries alphabetical.
 */
export function AnalysisScreen() {
  const { t, i18n } = useTranslation('analysis');
  const api = useApi();
  const format = useFormatters();
  const [workspace, setWorkspace] = useState<WorkspaceStatus | null | undefined>(undefined);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [filters, setFilters] = useState<AnalysisFilters>({ groups: [], responseLanguages: [] });
  const [view, setView] = useState<AnalysisView | null>(null);
  const [show, setShow] = useState<Show>('all');
  const job = useJob('analysis', (result) => {
    setView(result.view);
    setFilters(result.view.filters);
  });
  const { run } = job;

  const analyse = useCallback(
    async (next: AnalysisFilters) => {
      setProblem(null);
      const refused = await run((a: RendererApi) => a.startAnalysis(next));
      if (refused) setProblem(refused);
    },
    [run],
  );

  useEffect(() => {
    void api.getWorkspace().then((r) => {
      if (!r.ok) return setProblem(r.error);
      setWorkspace(r.value);
    });
  }, [api]);
  // Names, labels and their order follow the interface language: a change of language analyses
  // again, with the filters as they are then (not a dependency: changing a filter waits for "Show").
  // (`analyse` changes with every render of the job's callbacks: it is read through a ref too.)
  const current = useRef({ filters, analyse });
  current.current = { filters, analyse };
  useEffect(() => {
    if (workspace) void current.current.analyse(current.current.filters);
  }, [workspace, i18n.language]);

  const names = useMemo(() => new Map((view?.participants ?? []).map((p) => [p.code, p.name])), [view]);
  const items = (view?.items ?? []).filter((i) => shows(i, show));

  return (
    <div className="analysis">
      <section className="card" aria-labelledby="analysis-title">
        <h2 className="card__title" id="analysis-title">
          {t('screen.title')}
        </h2>
        <p>{t('screen.intro')}</p>
        <p className="small">{t('noRanking')}</p>
        {workspace === null && (
          <p data-testid="analysis-no-workspace">
            {t('screen.noWorkspace')} <a href={hrefFor({ name: 'home' })}>{t('screen.backHome')}</a>
          </p>
        )}
        {workspace && (
          <p className="analysis__summary">
            {t('screen.workspace')} <bdi dir="ltr">{shownText(workspace.dir)}</bdi>
          </p>
        )}
        {workspace && <FiltersForm filters={filters} available={view?.available ?? null} busy={job.state.kind === 'running'} onChange={setFilters} onSubmit={() => void analyse(filters)} />}
        <JobProgress state={job.state} label={t('screen.progress')} started={t('screen.started')} />
        {problem && <ErrorMessage error={problem} />}
        {job.state.kind === 'failed' && <ErrorMessage error={job.state.error} />}
        {view && (
          <p className="analysis__summary" aria-live="polite" data-testid="analysis-summary">
            {t('screen.summary', {
              count: view.participants.length,
              n: format.number(view.participants.length),
              statistics: format.number(view.statisticsCount),
              version: view.versions ? t('screen.allVersionsShort', { target: view.versions.target }) : view.checklist.version,
              title: view.checklist.title,
            })}
            {view.leftOut > 0 && ` ${t('screen.leftOut', { count: view.leftOut, n: format.number(view.leftOut) })}`}
            {view.unreadable > 0 && ` ${t('screen.unreadable', { count: view.unreadable, n: format.number(view.unreadable) })}`}
          </p>
        )}
      </section>

      {view && view.participants.length === 0 && <p className="card">{t('screen.nobody')}</p>}
      {view && view.participants.length > 0 && (
        <>
          <section className="card" aria-labelledby="analysis-participation">
            <h2 className="card__title" id="analysis-participation">
              {t('tables.participation')}
            </h2>
            <ParticipationTable participants={view.participants} />
          </section>
          {view.versions && <VersionsNote versions={view.versions} />}
          <section className="card" aria-labelledby="analysis-assistance">
            <h2 className="card__title" id="analysis-assistance">
              {t('tables.assistanceTypes')}
            </h2>
            <BarChart
              caption={t('screen.typesChart', { statistics: format.number(view.statisticsCount) })}
              bars={view.assistanceTypes.map((r) => ({ id: r.id, label: r.label, count: r.countries }))}
              total={view.statisticsCount}
              testId="chart-assistance-types"
            />
          </section>
          <section className="card" aria-labelledby="analysis-items">
            <h2 className="card__title" id="analysis-items">
              {t('screen.items')}
            </h2>
            <div className="analysis__field">
              <label htmlFor="analysis-show">{t('screen.show')}</label>
              <select id="analysis-show" value={show} onChange={(e) => setShow(e.target.value as Show)}>
                {SHOW.map((s) => (
                  <option key={s} value={s}>
                    {t(`screen.shows.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <ul className="analysis__items">
              {items.map((item) => (
                <ItemCard key={`${view.viewId} ${item.id}`} item={item} total={view.statisticsCount} viewId={view.viewId} names={names} />
              ))}
            </ul>
          </section>
        </>
      )}
      {workspace && <ExportPanel filters={view?.filters ?? filters} />}
    </div>
  );
}
