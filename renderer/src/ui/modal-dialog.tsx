import { useEffect, useRef, type ReactNode } from 'react';

interface ModalDialogProps {
  /** Id of the dialog's title. */
  labelledBy: string;
  /** Escape, or the caller's Cancel button. */
  onCancel: () => void;
  children: ReactNode;
}

/**
 * A modal `<dialog>` (focus kept inside, the page behind inert) shown while mounted. Escape cancels;
 * when it closes, focus goes back to what had it before, so a keyboard user stays in place.
 */
export function ModalDialog({ labelledBy, onCancel, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef(onCancel);
  cancel.current = onCancel;

  useEffect(() => {
    const element = ref.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) {
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
    }
    return () => {
      if (element?.open) {
        if (typeof element.close === 'function') element.close();
        else element.removeAttribute('open');
      }
      if (before?.isConnected) before.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        cancel.current();
      }}
    >
      {children}
    </dialog>
  );
}
