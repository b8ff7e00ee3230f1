import { useTranslation } from 'react-i18next';
import type { AssessmentSummary } from '../../../../core/api/contract';
import { AUTONYMS } from '../../../../core/i18n/languages';
import { hrefFor } from '../../app/routes';
import { useFormatters } from '../../i18n/use-formatters';
import { countryLabel } from '../../ui/country-label';

export type RowAction = 'archive' | 'unarchive' | 'delete';

/** How far the answers have come: "12 of 85 items answered" and a bar. */
function ProgressCell({ progress }: { progress: AssessmentSummary['progress'] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (!progress) return <span className="muted">{t('home.progressUnknown')}</span>;
  const share = progress.relevant > 0 ? progress.answered / progress.relevant : 0;
  return (
    <div className="row-progress">
      <span>{t('home.progress', { answered: format.number(progress.answered), count: progress.relevant })}</span>
      <span className="row-progress__bar" aria-hidden="true">
        <span className="row-progress__fill" style={{ inlineSize: `${Math.round(share * 100)}%` }} />
      </span>
    </div>
  );
}

/** Draft / submitted (revision N on date) / changed since that submission. */
export function StatusCell({ submission }: { submission: AssessmentSummary['submission'] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (!submission) return <span className="status status--draft">{t('home.status.draft')}</span>;
  const params = { n: format.number(submission.submissionRevision), date: format.dayOf(submission.exportedAt) };
  return submission.changed ? (
    <span className="status status--changed">{t('home.status.changed', params)}</span>
  ) : (
    <span className="status status--submitted">{t('home.status.submitted', params)}</span>
  );
}

interface AssessmentTableProps {
  items: AssessmentSummary[];
  /** The row's actions: archive and delete in the list, bring back and delete among the archived. */
  actions: readonly RowAction[];
  onAction: (action: RowAction, item: AssessmentSummary) => void;
  labelledBy: string;
}

/** One row per assessment: country (and copy number), language of the answers, progress, status, last saved, actions. */
export function AssessmentTable({ items, actions, onAction, labelledBy }: AssessmentTableProps) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  return (
    <div className="table-wrap">
      <table className="table assessment-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{t('home.columns.country')}</th>
            <th scope="col">{t('home.columns.responseLanguage')}</th>
            <th scope="col">{t('home.columns.progress')}</th>
            <th scope="col">{t('home.columns.status')}</th>
            <th scope="col">{t('home.columns.updated')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('home.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const country = countryLabel(item.countryCode, i18n.language, t);
            return (
              <tr key={item.id} data-assessment={item.id}>
                <th scope="row">
                  <a href={hrefFor({ name: 'form', id: item.id })}>{country}</a>
                  {item.copy && <div className="muted small">{t('home.copyLabel', { n: format.number(item.copy.n), date: format.dayOf(item.copy.openedAt) })}</div>}
                </th>
                <td lang={item.responseLanguage}>{AUTONYMS[item.responseLanguage]}</td>
                <td>
                  <ProgressCell progress={item.progress} />
                </td>
                <td>
                  <StatusCell submission={item.submission} />
                </td>
                <td>{format.dateTime(item.updatedAt)}</td>
                <td>
                  <div className="row-actions">
                    {actions.map((action) => (
                      <button key={action} type="button" className="button button--quiet button--small" onClick={() => onAction(action, item)}>
                        {t(`home.actions.${action}`)}
                        <span className="visually-hidden"> ({country})</span>
                      </button>
                    ))}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
