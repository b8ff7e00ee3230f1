import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type PassphraseFieldProps = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'new-password' | 'current-password' | 'off';
  /** Shown under the field at all times, as `${id}-hint`. */
  hint?: string;
  /** Given (even as null) only for a field that is checked: null while valid, the message when not, as `${id}-error`. */
  error?: string | null;
};

/** One labelled password input of the signing forms, with its optional hint or error tied to it for screen readers. */
export function PassphraseField({ id, label, value, onChange, autoComplete, hint, error }: PassphraseFieldProps) {
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={errorId ? 'field field--invalid signing__field' : 'field signing__field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        type="password"
        autoComplete={autoComplete}
        value={value}
        aria-invalid={error === undefined ? undefined : error !== null}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hintId && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The state behind NewPassphraseFields: spread it into the fields, read `passphrase` and `matches` to submit. */
export function useNewPassphrase() {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  return { passphrase, confirm, setPassphrase, setConfirm, matches: passphrase === confirm };
}

type NewPassphraseFieldsProps = Omit<ReturnType<typeof useNewPassphrase>, 'matches'> & {
  /** Put before every id so two forms with these fields can share one page ('' or e.g. 'replace-'). */
  idPrefix: string;
  labels: { passphrase: string; hint: string; confirm: string };
};

/** A new passphrase typed twice; the second field says when the two differ, once something is typed in it. */
export function NewPassphraseFields({ idPrefix, labels, passphrase, confirm, setPassphrase, setConfirm }: NewPassphraseFieldsProps) {
  const { t } = useTranslation('signing');
  const mismatch = confirm !== '' && confirm !== passphrase;
  return (
    <>
      <PassphraseField
        id={`${idPrefix}new-passphrase`}
        label={labels.passphrase}
        hint={labels.hint}
        autoComplete="new-password"
        value={passphrase}
        onChange={setPassphrase}
      />
      <PassphraseField
        id={`${idPrefix}confirm-passphrase`}
        label={labels.confirm}
        error={mismatch ? t('key.mismatch') : null}
        autoComplete="new-password"
        value={confirm}
        onChange={setConfirm}
      />
    </>
  );
}
