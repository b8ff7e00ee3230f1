import { useCallback, useState, type ClipboardEvent } from 'react';
import { useWatch } from 'react-hook-form';
import './widgets.css';
import { useTranslation } from 'react-i18next';

/**
 * Most characters a text answer takes from pastes: far above any limit of the checklist, below what
 * one answer may weigh when saved (4 MB, whatever the script). Only a paste past it is cut.
 */
export const MAX_TEXT_CHARS = 500_000;

/** A paste cut at MAX_TEXT_CHARS: how many of its characters were left out. */
export type PasteNotice = { kind: 'cut'; count: number };
type TextField = HTMLInputElement | HTMLTextAreaElement;

/**
 * A paste into a text answer is never cut at the question's limit: it goes in whole, the counter
 * turns red and validation says by how much the answer is too long (it is kept and saved; export
 * waits until it is shortened). Only a paste that would make the answer too large to save at all is
 * cut, and then the user is told how much was left out.
 */
export function usePasteNotice(setText: (value: string) => void) {
  const [notice, setNotice] = useState<PasteNotice | null>(null);
  const onPaste = (event: ClipboardEvent<TextField>) => {
    const field = event.currentTarget;
    const pasted = event.clipboardData.getData('text/plain');
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? start;
    const kept = field.value.length - (end - start);
    if (kept + pasted.length > MAX_TEXT_CHARS) {
      event.preventDefault();
      const room = Math.max(0, MAX_TEXT_CHARS - kept);
      const inserted = pasted.slice(0, room);
      // Through the form, which sets the field and saves the answer as after typing.
      setText(field.value.slice(0, start) + inserted + field.value.slice(end));
      field.setSelectionRange(start + inserted.length, start + inserted.length);
      setNotice({ kind: 'cut', count: pasted.length - room });
      return;
    }
    setNotice(null);
  };
  const dismiss = useCallback(() => setNotice(null), []);
  return { notice, onPaste, dismiss };
}

/**
 * Under a text answer: its length against its limit ("120 of 300 characters"), in red once past it,
 * and what a cut paste left out. Only this line follows each keystroke.
 */
export function TextLimit({ name, limit, id, notice, onDismiss }: { name: string; limit: number; id: string; notice: PasteNotice | null; onDismiss: () => void }) {
  const { t } = useTranslation();
  const value: unknown = useWatch({ name });
  const length = typeof value === 'string' ? value.length : 0;
  const over = length - limit;
  return (
    <div className="text-limit">
      <p id={id} className={over > 0 ? 'text-limit__count text-limit__count--over small' : 'text-limit__count small'}>
        {t('form:text.count', { count: limit, length })}
      </p>
      {/* Said once when the limit is crossed, not at every keystroke. */}
      <span className="visually-hidden" role="status">
        {over > 0 ? t('form:text.overLimit', { count: limit }) : ''}
      </span>
      {notice && (
        <div className="text-limit__notice" role="alert">
          <p>{t('form:text.pastedCut', { count: notice.count })}</p>
          <button type="button" className="button button--quiet button--small" onClick={onDismiss}>
            {t('errors.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
