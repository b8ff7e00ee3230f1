import { useTranslation } from 'react-i18next';
import type { ApiError, DecisionView, SignerView } from '../../../../core/api/contract';
import { countryLabel } from '../../ui/country-label';
import { translateError } from '../../ui/error-message';
import { useFormatters } from '../../i18n/use-formatters';
import { groupedFingerprint } from './use-workspace';

/** A reason in the interface language, with the countries it names by their names, not their codes. */
export function useReasonText() {
  const { t: common, i18n } = useTranslation();
  return (reason: ApiError): string => {
    const params = { ...(reason.params ?? {}) };
    const name = (code: string) => (/^[A-Z]{3}$/.test(code) ? countryLabel(code, i18n.language, common) : code);
    if (typeof params.country === 'string') params.country = name(params.country);
    if (typeof params.countries === 'string') params.countries = params.countries.split(', ').map(name).join(', ');
    return translateError(common, i18n, { code: reason.code, params });
  };
}

/** The last part of a path, for a table cell (the whole path stays in the title). */
export const baseName = (p: string) => p.split(/[\\/]/).filter(Boolean).pop() ?? p;

/** A count of each decision, in the order of the decisions' list ("2 imported, 1 held"). */
export function DecisionSummary({ decisions }: { decisions: readonly DecisionView[] }) {
  const { t } = useTranslation('secretariat');
  const counts = new Map<string, number>();
  for (const d of decisions) counts.set(d.decision, (counts.get(d.decision) ?? 0) + 1);
  return (
    <ul className="secretariat__summary" data-testid="decision-summary">
      {[...counts].map(([kind, count]) => (
        <li key={kind} data-decision={kind}>
          {t(`app.summary.${kind}`, { count })}
        </li>
      ))}
    </ul>
  );
}

export function SignerRoles({ signers }: { signers: readonly SignerView[] }) {
  const { t } = useTranslation('secretariat');
  return (
    <ul className="secretariat__signers">
      {signers.map((s) => (
        <li key={s.fingerprint} data-role={s.role ?? 'none'}>
          {s.role ? t(`app.role.${s.role}`) : t('app.signerUnregistered')}
          {s.name ? <> — <bdi>{s.name}</bdi></> : null}
          <br />
          <span className="secretariat__fp">{groupedFingerprint(s.fingerprint)}</span>
        </li>
      ))}
    </ul>
  );
}

/** One row per file: what was decided, of which country and revision, and why (the first reason of a refusal or a hold). */
export function DecisionTable({ decisions, caption }: { decisions: readonly DecisionView[]; caption: string }) {
  const { t } = useTranslation('secretariat');
  const { t: common, i18n } = useTranslation();
  const format = useFormatters();
  const reasonText = useReasonText();
  return (
    <div className="table-wrap">
      <table className="table secretariat__table" data-testid="decision-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('app.decisionTable.file')}</th>
            <th scope="col">{t('app.decisionTable.decision')}</th>
            <th scope="col">{t('app.decisionTable.country')}</th>
            <th scope="col">{t('app.decisionTable.revision')}</th>
            <th scope="col">{t('app.decisionTable.details')}</th>
          </tr>
        </thead>
        <tbody>
          {decisions.map((d, i) => (
            <tr key={`${d.path}-${i}`} data-decision={d.decision}>
              <th scope="row" title={d.path}>
                <bdi dir="ltr">{baseName(d.path)}</bdi>
              </th>
              <td>
                <span className={`secretariat__decision secretariat__decision--${d.decision}`}>{t(`app.decision.${d.decision}`)}</span>
              </td>
              <td>{d.country ? countryLabel(d.country, i18n.language, common) : '—'}</td>
              <td>{d.submissionRevision !== undefined ? format.number(d.submissionRevision) : '—'}</td>
              <td>
                {d.reason ? reasonText(d.reason) : d.decision === 'conflict' ? t('app.conflictHint') : d.baggingDate ? format.date(d.baggingDate) : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
