import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, RegistryChangeView, RegistryEntryView } from '../../../../core/api/contract';
import { useApi } from '../../api/api-context';
import { countryLabel } from '../../ui/country-label';
import { ErrorMessage } from '../../ui/error-message';
import { FilePicker } from '../../ui/file-picker';
import { useFormatters } from '../../i18n/use-formatters';
import { AddKeyForm } from './add-key-form';
import { DecisionTable } from './decision-table';
import { RegistryLog } from './registry-log';
import { groupedFingerprint, useLoaded } from './use-workspace';

/**
 * The key registry: who may sign for which country. Register a key from its `.pub.pem` and the
 * fingerprint in the official letter, revoke one from a day on, apply a key replacement statement;
 * after each change the held bundles are checked again and the outcome shown.
 */
export function RegistryScreen({ writable, onChanged }: { writable: boolean; onChanged: () => void }) {
  const { t } = useTranslation('secretariat');
  const registry = useLoaded((a) => a.listRegistry());
  const [change, setChange] = useState<{ what: string; view: RegistryChangeView } | null>(null);
  const changed = (what: string) => (view: RegistryChangeView) => {
    setChange({ what, view });
    registry.reload();
    onChanged();
  };
  return (
    <>
      <section className="card secretariat__section" aria-labelledby="registry-title">
        <h2 id="registry-title" className="card__title">
          {t('app.registry.title')}
        </h2>
        <p>{t('app.registry.intro')}</p>
        {registry.error && <ErrorMessage error={registry.error} onRetry={registry.reload} />}
        {registry.value && <KeyTable entries={registry.value.entries} writable={writable} onRevoked={changed('revoked')} />}
      </section>
      <div aria-live="polite">{change && <ChangeResult what={change.what} view={change.view} />}</div>
      {writable && <AddKeyForm onAdded={changed('added')} />}
      {writable && <ReplacementForm onApplied={changed('replaced')} />}
      {registry.value && <RegistryLog log={registry.value.log} />}
    </>
  );
}

function ChangeResult({ what, view }: { what: string; view: RegistryChangeView }) {
  const { t } = useTranslation('secretariat');
  const imported = view.held.filter((d) => d.decision !== 'held').length;
  return (
    <section className="card secretariat__section" aria-labelledby="registry-change-title" data-testid="registry-change">
      <h3 id="registry-change-title" className="success">
        {t(`app.registry.done.${what}`)}
      </h3>
      <p>{view.held.length === 0 ? t('app.registry.noHeld') : t('app.registry.heldChecked', { count: view.held.length, imported })}</p>
      {view.held.length > 0 && <DecisionTable decisions={view.held} caption={t('app.registry.heldCaption')} />}
    </section>
  );
}

function KeyTable({ entries, writable, onRevoked }: { entries: readonly RegistryEntryView[]; writable: boolean; onRevoked: (v: RegistryChangeView) => void }) {
  const { t } = useTranslation('secretariat');
  const { t: common, i18n } = useTranslation();
  const format = useFormatters();
  const [revoking, setRevoking] = useState<string | null>(null);
  if (entries.length === 0) return <p className="muted">{t('app.registry.empty')}</p>;
  const collator = new Intl.Collator(i18n.language);
  const rows = [...entries].sort((a, b) => collator.compare(countryLabel(a.country, i18n.language, common), countryLabel(b.country, i18n.language, common)));
  const period = (e: RegistryEntryView) =>
    e.validFrom || e.validTo ? t('app.registry.period', { from: e.validFrom ? format.date(e.validFrom) : '…', to: e.validTo ? format.date(e.validTo) : '…' }) : t('app.registry.always');
  return (
    <div className="table-wrap">
      <table className="table secretariat__table" data-testid="key-table">
        <caption className="visually-hidden">{t('app.registry.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('app.registry.country')}</th>
            <th scope="col">{t('app.registry.holder')}</th>
            <th scope="col">{t('app.registry.fingerprint')}</th>
            <th scope="col">{t('app.registry.validity')}</th>
            {writable && <th scope="col">{t('app.registry.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => {
            const key = `${e.country} ${e.fingerprint}`;
            return (
              <tr key={key}>
                <th scope="row">{countryLabel(e.country, i18n.language, common)}</th>
                <td>
                  {e.name ? <bdi>{e.name}</bdi> : '—'}
                  <br />
                  <span className="small">{t(`app.role.${e.role}`)}</span>
                </td>
                <td>
                  <span className="secretariat__fp">{groupedFingerprint(e.fingerprint)}</span>
                </td>
                <td>
                  {period(e)}
                  {e.revokedAt && (
                    <>
                      <br />
                      <strong>{t('app.registry.revokedFrom', { date: format.date(e.revokedAt) })}</strong>
                    </>
                  )}
                </td>
                {writable && (
                  <td>
                    {revoking === key ? (
                      <RevokeForm entry={e} onDone={(v) => (setRevoking(null), onRevoked(v))} onCancel={() => setRevoking(null)} />
                    ) : (
                      !e.revokedAt && (
                        <button type="button" className="button button--secondary button--small" onClick={() => setRevoking(key)}>
                          {t('app.registry.revoke')}
                          <span className="visually-hidden"> {countryLabel(e.country, i18n.language, common)}</span>
                        </button>
                      )
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function RevokeForm({ entry, onDone, onCancel }: { entry: RegistryEntryView; onDone: (v: RegistryChangeView) => void; onCancel: () => void }) {
  const { t } = useTranslation('secretariat');
  const api = useApi();
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [problem, setProblem] = useState<ApiError | null>(null);
  const id = `revoke-${entry.country}-${entry.fingerprint.slice(0, 8)}`;
  async function submit() {
    const r = await api.revokeRegistryKey({ fingerprint: entry.fingerprint, country: entry.country, ...(date ? { date } : {}) });
    if (r.ok) onDone(r.value);
    else setProblem(r.error);
  }
  return (
    <div className="secretariat__revoke">
      <label className="field__label" htmlFor={id}>
        {t('app.registry.revokeDate')}
      </label>
      <input id={id} type="date" className="input" value={date} onChange={(e) => setDate(e.target.value)} />
      <div className="signing__actions">
        <button type="button" className="button button--primary button--small" onClick={() => void submit()}>
          {t('app.registry.revokeConfirm')}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onCancel}>
          {t('app.cancel')}
        </button>
      </div>
      {problem && <ErrorMessage error={problem} />}
    </div>
  );
}

function ReplacementForm({ onApplied }: { onApplied: (v: RegistryChangeView) => void }) {
  const { t } = useTranslation('secretariat');
  const { t: common } = useTranslation();
  const api = useApi();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  async function apply() {
    setProblem(null);
    if (!file) {
      setProblem({ code: 'secretariat:app.replacement.noFile' });
      return;
    }
    setBusy(true);
    const r = await api.applyKeyReplacement(file);
    setBusy(false);
    if (r.ok) {
      setFile(null);
      onApplied(r.value);
    } else setProblem(r.error);
  }
  return (
    <section className="card secretariat__section" aria-labelledby="replacement-title">
      <h2 id="replacement-title" className="card__title">
        {t('app.replacement.title')}
      </h2>
      <p>{t('app.replacement.intro')}</p>
      <FilePicker id="replacement-file" label={t('app.replacement.file')} buttonLabel={common('filePicker.choose')} chosen={file?.name ?? null} accept=".json,application/json" onChoose={(f) => setFile(f[0] ?? null)} />
      <div className="signing__actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void apply()}>
          {t('app.replacement.apply')}
        </button>
      </div>
      {problem && <ErrorMessage error={problem} />}
    </section>
  );
}
