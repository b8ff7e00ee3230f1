import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, SeriesView } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { hrefFor } from '../../app/routes';
import { countryLabel } from '../../ui/country-label';
import { ErrorMessage } from '../../ui/error-message';
import { useFormatters } from '../../i18n/use-formatters';
import { DecisionTable, useReasonText } from './decision-table';
import { useLoaded } from './use-workspace';

/** A language's own name in the interface language (`fr` → "French"). */
export function languageName(code: string, lng: string): string {
  try {
    return new Intl.DisplayNames(lng, { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The countries' submissions, in the alphabetical order of their names in the interface language —
 * never in an order a result would give (no ranking). Each country: its current revision, date,
 * response language, consent to publish, and every revision kept, to read or compare.
 */
export function SubmissionsScreen({ writable }: { writable: boolean }) {
  const { t } = useTranslation('secretariat');
  const { t: common, i18n } = useTranslation();
  const list = useLoaded((a) => a.listWorkspaceSubmissions());
  const reasonText = useReasonText();
  const format = useFormatters();
  const rows = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    const label = (s: SeriesView) => countryLabel(s.country, i18n.language, common);
    return [...(list.value?.series ?? [])].sort((a, b) => collator.compare(label(a), label(b)) || a.checklistId.localeCompare(b.checklistId));
  }, [list.value, i18n.language, common]);
  return (
    <>
      <section className="card secretariat__section" aria-labelledby="submissions-title">
        <h2 id="submissions-title" className="card__title">
          {t('app.submissions.title')}
        </h2>
        <p>{t('app.submissions.intro')}</p>
        {list.error && <ErrorMessage error={list.error} onRetry={list.reload} />}
        {list.value && rows.length === 0 && <p className="muted">{t('app.submissions.empty')}</p>}
        {rows.length > 0 && (
          <div className="table-wrap">
            <table className="table secretariat__table" data-testid="submissions-table">
              <caption className="visually-hidden">{t('app.submissions.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('app.submissions.country')}</th>
                  <th scope="col">{t('app.submissions.current')}</th>
                  <th scope="col">{t('app.submissions.language')}</th>
                  <th scope="col">{t('app.submissions.consent')}</th>
                  <th scope="col">{t('app.submissions.revisions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((s) => (
                  <SeriesRow key={s.key} series={s} writable={writable} onChanged={list.reload} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {list.value && list.value.held.length > 0 && (
        <section className="card secretariat__section" aria-labelledby="held-title">
          <h2 id="held-title" className="card__title">
            {t('app.submissions.heldTitle', { count: list.value.held.length })}
          </h2>
          <p>{t('app.submissions.heldIntro')}</p>
          <DecisionTable decisions={list.value.held} caption={t('app.submissions.heldTitle', { count: list.value.held.length })} />
        </section>
      )}
      {list.value && list.value.rejected.length > 0 && (
        <section className="card secretariat__section" aria-labelledby="rejected-title">
          <h2 id="rejected-title" className="card__title">
            {t('app.submissions.rejectedTitle', { count: list.value.rejected.length })}
          </h2>
          <ul>
            {list.value.rejected.map((r) => (
              <li key={r.sha256}>{r.receivedAt ? t('app.submissions.rejectedOn', { date: format.dayOf(r.receivedAt), reason: reasonText(r.reason) }) : reasonText(r.reason)}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function SeriesRow({ series, writable, onChanged }: { series: SeriesView; writable: boolean; onChanged: () => void }) {
  const { t } = useTranslation('secretariat');
  const { t: common, i18n } = useTranslation();
  const format = useFormatters();
  const api = useApi();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const current = series.revisions.find((r) => r.file === series.currentFile) ?? series.revisions[series.revisions.length - 1];
  const name = countryLabel(series.country, i18n.language, common);
  const top = current?.submissionRevision;
  const previous = [...series.revisions].reverse().find((r) => r.file !== series.currentFile);
  async function makeCurrent(file: string) {
    const r = await api.chooseCurrentSubmission(file);
    if (r.ok) onChanged();
    else setProblem(r.error);
  }
  return (
    <tr data-country={series.country}>
      <th scope="row">
        {name}
        <br />
        <span className="small muted">
          <bdi dir="ltr">
            {series.checklistId} {current?.checklistVersion}
          </bdi>
        </span>
      </th>
      <td>
        {current && (
          <>
            <a href={hrefFor({ name: 'secretariat', view: 'read', file: current.file })}>{t('app.submissions.revision', { revision: format.number(current.submissionRevision) })}</a>
            <br />
            <span className="small">{format.date(current.baggingDate)}</span>
          </>
        )}
        {series.conflict && <p className="secretariat__conflict">{t('app.submissions.conflict')}</p>}
      </td>
      <td>{current ? languageName(current.responseLanguage, i18n.language) : '—'}</td>
      <td>{t(`app.consent.${series.consent ?? 'none'}`)}</td>
      <td>
        <ol className="secretariat__revisions">
          {series.revisions.map((r) => (
            <li key={r.file}>
              <a href={hrefFor({ name: 'secretariat', view: 'read', file: r.file })}>
                {t('app.submissions.revisionOn', { revision: format.number(r.submissionRevision), date: format.date(r.baggingDate) })}
              </a>
              {r.file === series.currentFile && <span className="badge">{t('app.submissions.isCurrent')}</span>}
              {writable && r.submissionRevision === top && r.file !== series.currentFile && (
                <button type="button" className="button button--secondary button--small" onClick={() => void makeCurrent(r.file)}>
                  {t('app.submissions.makeCurrent')}
                </button>
              )}
            </li>
          ))}
        </ol>
        {previous && current && (
          <a href={hrefFor({ name: 'secretariat', view: 'compare', file: previous.file, other: current.file })}>
            {t('app.submissions.compare')}
            <span className="visually-hidden"> {name}</span>
          </a>
        )}
        {problem && <ErrorMessage error={problem} />}
      </td>
    </tr>
  );
}
