import { useTranslation } from 'react-i18next';
import type { Autosaver } from './autosave';
import { FILTERS, type Filter } from './form-model';
import { SaveStatus } from './save-status';

/**
 * Filter by status, search questions and answers, and the save state: a bar that stays at the top of
 * the window while the items scroll under it, so "Saved at 14:32" is always in sight.
 */
export function FormToolbar({ filter, query, onFilter, onQuery, shown, autosaver }: {
  filter: Filter;
  query: string;
  onFilter: (f: Filter) => void;
  onQuery: (q: string) => void;
  /** How many items match, while a filter or a search is active. */
  shown: number | null;
  autosaver: Autosaver;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-toolbar">
        <div className="form-toolbar__controls">
          <div className="field field--inline">
            <label className="field__label" htmlFor="form-filter">
              {t('form:filter.label')}
            </label>
            <select id="form-filter" className="input" value={filter} onChange={(e) => onFilter(e.target.value as Filter)}>
              {FILTERS.map((f) => (
                <option key={f} value={f}>
                  {t(`form:filter.${f}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--inline field--grow">
            <label className="field__label" htmlFor="form-search">
              {t('form:search.label')}
            </label>
            <input id="form-search" className="input" type="search" dir="auto" value={query} onChange={(e) => onQuery(e.target.value)} />
          </div>
        </div>
        <div className="form-toolbar__status">
          <p className="small" role="status">
            {shown !== null ? t('form:filter.shown', { count: shown }) : ''}
          </p>
          <SaveStatus autosaver={autosaver} />
        </div>
      </div>
      <p className="form-toolbar__keys muted small">{t('form:keys')}</p>
    </>
  );
}
