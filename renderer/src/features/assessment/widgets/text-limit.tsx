import { useCallback, useEffect, useState, type ClipboardEvent } from 'react';
import { useWatch } from 'react-hook-form';
import './widgets.css';
import { useTranslation } from 'react-i18next';

/**
 * Most characters a text answer takes from pastes: far above any limit of the checklist, below what
 * one answer may weigh when saved (4 MB, whatever the script). Only a paste past it is cut.
 */
export const MAX_TEXT_CHARS = 500_000;

export type PasteNotice = { kind: 'over'; count: number } | { kind: 'cut'; count: number };
type TextField = HTMLInputElement | HTMLTextAreaElement;

/**
 * A paste into a text answer is never cut silently at the question's limit: it goes in whole, and
 * the user is told by how much the answer is now too long (the answer is kept and saved; export
 * waits until it is shortened). Only a paste that would make the answer too large to save at all is
 * cut, and then the user is told how much was left out.
 */
export function usePasteNotice(limit: number) {
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
      field.setRangeText(pasted.slice(0, room), start, end, 'end');
      // React (and so the form) learns of the new value from an input event, as from typing.
      field.dispatchEvent(new Event('input', { bubbles: true }));
      setNotice({ kind: 'cut', count: pasted.length - room });
      return;
    }
    const length = kept + pasted.length;
    setNotice(length > limit ? { kind: 'over', count: length - limit } : null);
  };
  const dismiss = useCallback(() => setNotice(null), []);
  return { notice, onPaste, dismiss };
}

/**
 * Under a text answer: its length against its limit ("120 of 300 characters"), in red with what is
 * too many once past it, and what a paste did. Only this line follows each keystroke.
 */
export function TextLimit({ name, limit, id, notice, onDismiss }: { name: string; limit: number; id: string; notice: PasteNotice | null; onDismiss: () => void }) {
  const { t } = useTranslation();
  const value: unknown = useWatch({ name });
  const length = typeof value === 'string' ? value.length : 0;
  const over = length - limit;
  // The warning about a long paste goes once the answer fits again.
  useEffect(() => {
    if (notice?.kind === 'over' && over <= 0) onDismiss();
  }, [notice, over, onDismiss]);
  return (
    <div className="text-limit">
      <p id={id} className={over > 0 ? 'text-limit__count text-limit__count--over small' : 'text-limit__count small'}>
        {over > 0 ? t('form:text.over', { count: over, limit }) : t('form:text.count', { count: limit, length })}
      </p>
      {/* Said once when the limit is crossed, not at every keystroke. */}
      <span className="visually-hidden" role="status">
        {over > 0 ? t('form:text.overLimit', { count: limit }) : ''}
      </span>
      {notice && (
        <div className="text-limit__notice" role="alert">
          <p>{notice.kind === 'over' ? t('form:text.pastedOver', { count: notice.count, limit }) : t('form:text.pastedCut', { count: notice.count })}</p>
          <button type="button" className="button button--quiet button--small" onClick={onDismiss}>
            {t('errors.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
