import { useTranslation } from 'react-i18next';
import type { RegistryLogView } from '../../../../core/api/contract';
import { countryLabel } from '../../ui/country-label';
import { useFormatters } from '../../i18n/use-formatters';
import { groupedFingerprint } from './use-workspace';

/** Every change to the registry, newest first, as registry-log.jsonl keeps it. */
export function RegistryLog({ log }: { log: readonly RegistryLogView[] }) {
  const { t } = useTranslation('secretariat');
  const { t: common, i18n } = useTranslation();
  const format = useFormatters();
  return (
    <section className="card secretariat__section" aria-labelledby="registry-log-title">
      <h2 id="registry-log-title" className="card__title">
        {t('app.log.title')}
      </h2>
      {log.length === 0 ? (
        <p className="muted">{t('app.log.empty')}</p>
      ) : (
        <ol className="secretariat__log" data-testid="registry-log">
          {log.map((l, i) => (
            <li key={`${l.at}-${i}`}>
              <strong>{format.dateTime(l.at)}</strong> — {t(`app.log.${l.action}`, { countries: l.countries.map((c) => countryLabel(c, i18n.language, common)).join(', '), date: l.date ? format.date(l.date) : '' })}
              <br />
              <span className="secretariat__fp">{groupedFingerprint(l.fingerprint)}</span>
              {l.replacedBy && (
                <>
                  {' → '}
                  <span className="secretariat__fp">{groupedFingerprint(l.replacedBy)}</span>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
