import { useTranslation } from 'react-i18next';
import { FILTERS, type Filter } from './form-model';

/** Filter by status, search questions and answers, and the keys for moving between items. */
export function FormToolbar({ filter, query, onFilter, onQuery, shown }: {
  filter: Filter;
  query: string;
  onFilter: (f: Filter) => void;
  onQuery: (q: string) => void;
  /** How many items match, while a filter or a search is active. */
  shown: number | null;
}) {
  const { t } = useTranslation();
  return (
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
      <p className="form-toolbar__status small" role="status">
        {shown !== null ? t('form:filter.shown', { count: shown }) : ''}
      </p>
      <p className="form-toolbar__keys muted small">{t('form:keys')}</p>
    </div>
  );
}
