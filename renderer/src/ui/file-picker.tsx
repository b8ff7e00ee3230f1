import { useId, useRef, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { shownText } from '../i18n/shown-text';
import './file-picker.css';

export interface FilePickerProps {
  /** Id of the button, for a label or a test to find it. */
  id?: string;
  /** The button's words, in the interface language ("Choose a file…", "Open file…", "Attach files…"). */
  buttonLabel: string;
  /** The field's label above the button, when the button is one field of a form ("Key file"). */
  label?: string;
  /** The chosen file's name under a field that keeps it (`null`: none yet); leave out where a file is used at once. */
  chosen?: string | null;
  accept?: string;
  multiple?: boolean;
  disabled?: boolean;
  /** The choice is being handled (an upload): the button says so and waits. */
  busy?: boolean;
  busyLabel?: string;
  /** Ids of texts that describe the field (a hint, an error). */
  describedBy?: string | undefined;
  variant?: 'secondary' | 'small';
  onChoose: (files: File[]) => void;
}

/**
 * The one way a file is chosen in the app: a labelled button in the interface language, and the
 * chosen file's name beside it — never the browser's own "Choose File / No file chosen", which
 * follows the system's language and cannot be styled. The file input itself is out of sight and out
 * of the tab order; the button opens it, with Enter or Space like any button.
 */
export function FilePicker({ id, buttonLabel, label, chosen, accept, multiple = false, disabled = false, busy = false, busyLabel, describedBy, variant = 'secondary', onChoose }: FilePickerProps) {
  const { t } = useTranslation();
  const auto = useId();
  const buttonId = id ?? `file-${auto}`;
  const labelId = `${buttonId}-label`;
  const nameId = `${buttonId}-name`;
  const input = useRef<HTMLInputElement>(null);

  function changed(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.currentTarget.files ?? [])];
    // Emptied at once, so that choosing the same file again is a choice too.
    event.currentTarget.value = '';
    if (files.length > 0) onChoose(files);
  }

  const keeps = chosen !== undefined;
  return (
    <div className="file-picker">
      {label && (
        <span id={labelId} className="field__label">
          {label}
        </span>
      )}
      <div className="file-picker__row">
        <button
          id={buttonId}
          type="button"
          className={variant === 'small' ? 'button button--secondary button--small' : 'button button--secondary'}
          aria-labelledby={label ? `${labelId} ${buttonId}` : undefined}
          aria-describedby={[keeps ? nameId : '', describedBy ?? ''].filter(Boolean).join(' ') || undefined}
          aria-busy={busy || undefined}
          disabled={disabled || busy}
          onClick={() => input.current?.click()}
        >
          {busy && busyLabel ? busyLabel : buttonLabel}
        </button>
        {keeps && (
          <span id={nameId} className={chosen ? 'file-picker__name' : 'file-picker__name file-picker__name--none'}>
            {chosen ? <bdi>{shownText(chosen)}</bdi> : t('filePicker.none')}
          </span>
        )}
      </div>
      <input ref={input} type="file" hidden tabIndex={-1} accept={accept} multiple={multiple} onChange={changed} />
    </div>
  );
}
