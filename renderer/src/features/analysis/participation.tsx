import { useTranslation } from 'react-i18next';
import type { AnalysisView } from '../../../../core/api/contract';
import { useFormatters } from '../../i18n/use-formatters';

/**
 * The countries in the analysis with facts about their submission only, in alphabetical order of
 * the interface language — never in the order of any result (terms of reference, para. 3 (b)).
 */
export function ParticipationTable({ participants }: { participants: AnalysisView['participants'] }) {
  const { t, i18n } = useTranslation('analysis');
  const format = useFormatters();
  const languages = new Intl.DisplayNames([i18n.language], { type: 'language' });
  const collator = new Intl.Collator(i18n.language);
  const rows = [...participants].sort((a, b) => collator.compare(a.name, b.name) || (a.code < b.code ? -1 : 1));
  return (
    <div className="table-wrap">
      <table className="table" data-testid="analysis-participants">
        <caption className="visually-hidden">{t('tables.participation')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.country')}</th>
            <th scope="col">{t('columns.group')}</th>
            <th scope="col">{t('columns.responseLanguage')}</th>
            <th scope="col">{t('columns.checklistVersion')}</th>
            <th scope="col">{t('columns.revision')}</th>
            <th scope="col">{t('columns.date')}</th>
            <th scope="col">{t('columns.consent')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.code}>
              <th scope="row">{p.name}</th>
              <td>{t(p.group === null ? 'groups.none' : `groups.${p.group}`)}</td>
              <td>{languages.of(p.responseLanguage) ?? p.responseLanguage}</td>
              <td>{p.checklistVersion}</td>
              <td>{format.number(p.submissionRevision)}</td>
              <td>{format.date(p.baggingDate)}</td>
              <td>{t(p.consent === null ? 'consent.none' : `consent.${p.consent}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Across versions: the versions counted, what of the older ones is counted only in their own analysis, and versions left out. */
export function VersionsNote({ versions }: { versions: NonNullable<AnalysisView['versions']> }) {
  const { t } = useTranslation('analysis');
  const format = useFormatters();
  return (
    <section className="card" aria-labelledby="analysis-versions" data-testid="analysis-versions">
      <h2 className="card__title" id="analysis-versions">
        {t('tables.versions')}
      </h2>
      <p>{t('about.versionsMapped', { target: versions.target, list: versions.counted.map((v) => v.version).join(', ') })}</p>
      <ul>
        {versions.counted.map((v) => (
          <li key={v.version}>
            {t('about.versionCountries', { version: v.version, countries: format.number(v.countries) })}
            {v.notCounted.length > 0 && (
              <ul>
                {v.notCounted.map((n) => (
                  <li key={n.itemId}>
                    {t('screen.notCountedItem', { item: n.itemId, question: n.question, reason: t(`notCounted.${n.reason as 'removed'}`) })}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {versions.leftOut.length > 0 && (
        <p>{t('screen.versionsLeftOut', { list: versions.leftOut.map((v) => t('about.versionCountries', { version: v.version, countries: format.number(v.countries) })).join('; ') })}</p>
      )}
    </section>
  );
}
