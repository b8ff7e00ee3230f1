import { useTranslation } from 'react-i18next';
import type { AssessmentSummary } from '../../../../core/api/contract';
import { ModalDialog } from '../../ui/modal-dialog';
import { countryLabel } from '../../ui/country-label';

/** What the user asked for and must confirm: archiving or deleting an assessment. */
export type Pending = { action: 'archive' | 'delete'; item: AssessmentSummary };

/** "Archive…?" / "Delete…?": Cancel comes first and has the focus, so Enter never deletes by surprise. */
export function ConfirmShelf({ pending, onConfirm, onCancel }: { pending: Pending; onConfirm: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const country = countryLabel(pending.item.countryCode, i18n.language, t);
  const key = pending.action === 'archive' ? 'confirmArchive' : 'confirmDelete';
  return (
    <ModalDialog labelledBy="shelf-title" onCancel={onCancel}>
      <h2 id="shelf-title" className="dialog__title">
        {t(`home.${key}.title`, { country })}
      </h2>
      <p className="dialog__intro">{t(`home.${key}.body`)}</p>
      <div className="dialog__actions">
        <button type="button" className="button button--quiet" onClick={onCancel} autoFocus>
          {t('home.cancel')}
        </button>
        <button type="button" className={pending.action === 'delete' ? 'button button--danger' : 'button button--primary'} onClick={onConfirm}>
          {t(`home.${key}.confirm`)}
        </button>
      </div>
    </ModalDialog>
  );
}

/** What was just done, and the way back: an archive or a deletion can be undone at once. */
export type Done =
  | { kind: 'archived'; item: AssessmentSummary }
  | { kind: 'deleted'; item: AssessmentSummary; trashEntry: string }
  | { kind: 'unarchived' | 'restored'; item: AssessmentSummary };

export function DoneNotice({ done, onUndo, onDismiss }: { done: Done; onUndo: () => void; onDismiss: () => void }) {
  const { t, i18n } = useTranslation();
  const country = countryLabel(done.item.countryCode, i18n.language, t);
  const text =
    done.kind === 'deleted'
      ? t('home.done.deleted', { country })
      : done.kind === 'archived'
        ? t('home.done.archived', { country })
        : done.kind === 'unarchived'
          ? t('home.done.unarchived', { country })
          : t('home.done.restored', { country });
  return (
    <div className="notice shelf-notice">
      <p role="status">
        {text}
        {done.kind === 'deleted' && (
          <>
            {' '}
            {/* A folder name reads left to right in every language, apart from the sentence. */}
            <code className="facts__path" dir="ltr">
              trash/{done.trashEntry}
            </code>
          </>
        )}
      </p>
      <div className="row-actions">
        {(done.kind === 'deleted' || done.kind === 'archived') && (
          <button type="button" className="button button--secondary button--small" onClick={onUndo}>
            {t('home.done.undo')}
          </button>
        )}
        <button type="button" className="button button--quiet button--small" onClick={onDismiss}>
          {t('errors.dismiss')}
        </button>
      </div>
    </div>
  );
}
