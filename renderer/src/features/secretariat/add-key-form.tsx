import { useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, KeyRoleName, RegistryChangeView } from '../../../../core/api/contract';
import { UN_COUNTRIES } from '../../../../core/i18n/countries';
import { useApi } from '../../api/api-context';
import { useDateExample } from '../../i18n/local-date-input';
import { formatLocalDate, parseLocalDate } from '../../i18n/local-date';
import { countryLabel } from '../../ui/country-label';
import { ErrorMessage } from '../../ui/error-message';
import { FilePicker } from '../../ui/file-picker';
import { groupedFingerprint } from './use-workspace';

/** The hex digits of a fingerprint as typed (spaces, colons and line breaks of the letter dropped). */
const digitsOf = (typed: string) => typed.replace(/[\s:]/g, '').toLowerCase();

/**
 * Register a key: the `.pub.pem` the country sent, and its fingerprint typed from the official
 * letter — the core refuses the two unless they match. What was typed is shown back in groups of
 * eight, as the letter prints it, so the analyst can compare group by group.
 */
export function AddKeyForm({ onAdded }: { onAdded: (v: RegistryChangeView) => void }) {
  const { t } = useTranslation('secretariat');
  const { t: common, i18n } = useTranslation();
  const api = useApi();
  const [pem, setPem] = useState<File | null>(null);
  const [country, setCountry] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<KeyRoleName>('focal-point');
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const countries = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    return UN_COUNTRIES.map((code) => ({ code, label: countryLabel(code, i18n.language, common) })).sort((a, b) => collator.compare(a.label, b.label));
  }, [i18n.language, common]);
  const digits = digitsOf(fingerprint);
  const dateExample = useDateExample();
  // Dates are typed the interface language's way ("31/12/2024" in French), not in the browser's
  // date field, which follows the system's locale; the core receives ISO dates.
  const isoDate = (typed: string) => (typed.trim() === '' ? '' : parseLocalDate(typed, i18n.language));
  const dateProps = (value: string, set: (v: string) => void) => ({
    type: 'text',
    inputMode: 'numeric' as const,
    autoComplete: 'off',
    dir: 'ltr',
    value,
    'aria-describedby': 'add-key-date-hint',
    'aria-invalid': isoDate(value) === null,
    onChange: (e: ChangeEvent<HTMLInputElement>) => set(e.target.value),
    onBlur: () => {
      const iso = isoDate(value);
      if (iso) set(formatLocalDate(iso, i18n.language));
    },
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!pem) return setProblem({ code: 'secretariat:app.addKey.noFile' });
    if (!country) return setProblem({ code: 'secretariat:app.addKey.noCountry' });
    if (digits.length === 0) return setProblem({ code: 'secretariat:app.addKey.noFingerprint' });
    const from = isoDate(validFrom);
    const to = isoDate(validTo);
    if (from === null || to === null) return setProblem({ code: 'drafts:validation.badDate' });
    setBusy(true);
    const r = await api.addRegistryKey(pem, {
      country,
      fingerprint,
      role,
      ...(name.trim() ? { name: name.trim() } : {}),
      ...(from ? { validFrom: from } : {}),
      ...(to ? { validTo: to } : {}),
    });
    setBusy(false);
    if (!r.ok) return setProblem(r.error);
    // Nothing typed is kept for the next key: a fingerprint must never be reused by mistake.
    setPem(null);
    setCountry('');
    setFingerprint('');
    setName('');
    setValidFrom('');
    setValidTo('');
    onAdded(r.value);
  }

  return (
    <section className="card secretariat__section" aria-labelledby="add-key-title">
      <h2 id="add-key-title" className="card__title">
        {t('app.addKey.title')}
      </h2>
      <form className="signing-form" onSubmit={(e) => void submit(e)} noValidate>
        <FilePicker id="add-key-pem" label={t('app.addKey.pem')} buttonLabel={common('filePicker.choose')} chosen={pem?.name ?? null} accept=".pem,.pub.pem,application/x-pem-file" onChoose={(f) => setPem(f[0] ?? null)} />
        <div className="field signing__field">
          <label className="field__label" htmlFor="add-key-country">
            {t('app.addKey.country')}
          </label>
          <select id="add-key-country" className="input" value={country} onChange={(e) => setCountry(e.target.value)}>
            <option value="">{t('app.addKey.chooseCountry')}</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field signing__field">
          <label className="field__label" htmlFor="add-key-fingerprint">
            {t('app.addKey.fingerprint')}
          </label>
          <p id="add-key-fingerprint-hint" className="field__hint">
            {t('app.addKey.fingerprintHint')}
          </p>
          <textarea
            id="add-key-fingerprint"
            className="input secretariat__fp-input"
            dir="ltr"
            rows={2}
            spellCheck={false}
            autoComplete="off"
            value={fingerprint}
            aria-describedby="add-key-fingerprint-hint add-key-fingerprint-read"
            onChange={(e) => setFingerprint(e.target.value)}
          />
          <p id="add-key-fingerprint-read" className="small" data-testid="typed-fingerprint">
            {digits.length > 0 && (
              <>
                {t('app.addKey.typed', { count: digits.length })} <span className="secretariat__fp">{groupedFingerprint(digits)}</span>
              </>
            )}
          </p>
        </div>
        <div className="field signing__field">
          <label className="field__label" htmlFor="add-key-name">
            {t('app.addKey.name')}
          </label>
          <input id="add-key-name" className="input" dir="auto" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <fieldset className="fieldset fieldset--plain">
          <legend className="fieldset__legend fieldset__legend--small">{t('app.addKey.role')}</legend>
          {(['focal-point', 'approver'] as const).map((r) => (
            <label key={r} className="choice">
              <input type="radio" name="add-key-role" value={r} checked={role === r} onChange={() => setRole(r)} /> {t(`app.role.${r}`)}
            </label>
          ))}
        </fieldset>
        <div className="secretariat__dates">
          <div className="field">
            <label className="field__label" htmlFor="add-key-from">
              {t('app.addKey.validFrom')}
            </label>
            <input id="add-key-from" className="input input--date" {...dateProps(validFrom, setValidFrom)} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="add-key-to">
              {t('app.addKey.validTo')}
            </label>
            <input id="add-key-to" className="input input--date" {...dateProps(validTo, setValidTo)} />
          </div>
          <p id="add-key-date-hint" className="field__hint secretariat__dates-hint">
            {dateExample}
          </p>
        </div>
        <div className="signing__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('app.addKey.submit')}
          </button>
        </div>
        {problem && <ErrorMessage error={problem} />}
      </form>
    </section>
  );
}
