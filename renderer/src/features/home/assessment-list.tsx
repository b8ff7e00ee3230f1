import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTONYMS } from '../../../../core/i18n/languages';
import type { ApiError, AssessmentSummary } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { useFormatters } from '../../i18n/use-formatters';
import { ErrorMessage } from '../../ui/error-message';
import { EmptyState } from './empty-state';
import { OpenFile } from './open-file';
import { countryLabel } from '../../ui/country-label';
import { hrefFor } from '../../app/routes';

type ListState = { kind: 'loading' } | { kind: 'ready'; items: AssessmentSummary[] } | { kind: 'failed'; error: ApiError };

/** The assessments kept on this machine (each opens on click), or what to do when there are none yet. */
export function AssessmentList() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const [state, setState] = useState<ListState>({ kind: 'loading' });

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const result = await api.listAssessments();
    setState(result.ok ? { kind: 'ready', items: result.value } : { kind: 'failed', error: result.error });
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="card" aria-labelledby="assessments-title" aria-busy={state.kind === 'loading'}>
      <div className="card__header">
        <h2 id="assessments-title" className="card__title">
          {t('home.assessmentsTitle')}
        </h2>
        {state.kind === 'ready' && state.items.length > 0 && (
          <span className="badge">{t('home.assessmentCount', { count: state.items.length })}</span>
        )}
        <div className="card__actions">
          <a className="button button--primary" href={hrefFor({ name: 'new' })}>
            {t('home.create')}
          </a>
          <OpenFile />
        </div>
      </div>
      {state.kind === 'loading' && <p className="muted">{t('home.loading')}</p>}
      {state.kind === 'failed' && <ErrorMessage error={state.error} onRetry={() => void load()} />}
      {state.kind === 'ready' && state.items.length === 0 && <EmptyState />}
      {state.kind === 'ready' && state.items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('home.columns.country')}</th>
                <th scope="col">{t('home.columns.responseLanguage')}</th>
                <th scope="col">{t('home.columns.revision')}</th>
                <th scope="col">{t('home.columns.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {state.items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">
                    <a href={hrefFor({ name: 'form', id: item.id })}>{countryLabel(item.countryCode, i18n.language, t)}</a>
                  </th>
                  <td lang={item.responseLanguage}>{AUTONYMS[item.responseLanguage]}</td>
                  <td>{format.number(item.revision)}</td>
                  <td>{format.dateTime(item.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
