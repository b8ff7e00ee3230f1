import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisFilters, AnalysisView } from '../../../../core/api/contract';
import { REGIONAL_GROUPS } from '../../../../core/analysis/regional-groups';
import { LANGUAGES } from '../../../../core/i18n/languages';

/** The value of the version choice: `id@version`, or `id@*` for every version counted under the newest. */
const ALL_VERSIONS = '*';
export const choiceValue = (c: AnalysisFilters['checklist']): string => (c ? `${c.id}@${c.version ?? ALL_VERSIONS}` : '');
function choiceOf(value: string): AnalysisFilters['checklist'] {
  const at = value.lastIndexOf('@');
  if (at <= 0) return undefined;
  const version = value.slice(at + 1);
  return { id: value.slice(0, at), version: version === ALL_VERSIONS ? null : version };
}

const toggle = <T,>(list: readonly T[], value: T, on: boolean): T[] => (on ? [...list, value] : list.filter((v) => v !== value));

/**
 * Filters of the analysis: UN regional groups, response languages, checklist version (one, or all
 * versions through the pack's migrations). Only what the workspace's submissions use is offered.
 */
export function FiltersForm({
  filters,
  available,
  busy,
  onChange,
  onSubmit,
}: {
  filters: AnalysisFilters;
  available: AnalysisView['available'] | null;
  busy: boolean;
  onChange: (next: AnalysisFilters) => void;
  onSubmit: () => void;
}) {
  const { t, i18n } = useTranslation('analysis');
  const id = useId();
  const languages = new Intl.DisplayNames([i18n.language], { type: 'language' });
  const groups = REGIONAL_GROUPS.filter((g) => !available || available.groups.includes(g) || filters.groups.includes(g));
  const responseLanguages = LANGUAGES.filter((l) => !available || available.languages.includes(l) || filters.responseLanguages.includes(l));
  const checklists = available?.checklists.filter((c) => c.known) ?? [];
  const ids = [...new Set(checklists.map((c) => c.id))];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="analysis__filters" onSubmit={submit} aria-label={t('screen.filters')}>
      <fieldset>
        <legend>{t('columns.group')}</legend>
        {groups.map((g) => (
          <label key={g} className="analysis__check">
            <input type="checkbox" checked={filters.groups.includes(g)} onChange={(e) => onChange({ ...filters, groups: toggle(filters.groups, g, e.target.checked) })} />
            {t(`groups.${g}`)}
          </label>
        ))}
        <p className="small">{t('screen.noneMeansAll')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('columns.responseLanguage')}</legend>
        {responseLanguages.map((l) => (
          <label key={l} className="analysis__check">
            <input
              type="checkbox"
              checked={filters.responseLanguages.includes(l)}
              onChange={(e) => onChange({ ...filters, responseLanguages: toggle(filters.responseLanguages, l, e.target.checked) })}
            />
            {languages.of(l) ?? l}
          </label>
        ))}
      </fieldset>
      {checklists.length > 0 && (
        <div className="analysis__field">
          <label htmlFor={`${id}-version`}>{t('columns.checklistVersion')}</label>
          <select id={`${id}-version`} value={choiceValue(filters.checklist)} onChange={(e) => onChange({ ...filters, checklist: choiceOf(e.target.value) })}>
            {ids.flatMap((cid) => {
              const versions = checklists.filter((c) => c.id === cid);
              const options = versions.map((v) => (
                <option key={`${cid}@${v.version}`} value={`${cid}@${v.version}`}>
                  {t('screen.versionOption', { version: v.version, count: v.countries, n: v.countries, id: cid })}
                </option>
              ));
              return versions.length > 1
                ? [
                    <option key={`${cid}@*`} value={`${cid}@${ALL_VERSIONS}`}>
                      {t('screen.allVersions', { id: cid })}
                    </option>,
                    ...options,
                  ]
                : options;
            })}
          </select>
        </div>
      )}
      <div className="analysis__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('screen.apply')}
        </button>
      </div>
    </form>
  );
}
