import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ApiError, MergeSuggestion } from '../../../../core/api/contract';
import type { ChecklistItem } from '../../../../core/checklist/schema';
import { directionOf } from '../../../../core/i18n/languages';
import { useApi } from '../../api/api-context';
import { useFormatters } from '../../i18n/use-formatters';
import { ErrorMessage } from '../../ui/error-message';
import { Isolated, MARK_VALUE } from '../../ui/isolated';
import { AnswerView } from '../../ui/item-diff/answer-view';
import { ItemDiff } from '../../ui/item-diff/item-diff';
import { fieldKey, toAnswer, toFieldValue } from '../../ui/answer-widgets/form-values';
import { GROUPED_TYPES, widgetFor } from '../../ui/answer-widgets/widget-for';
import { useSession } from '../assessment/session';

interface Props {
  item: ChecklistItem;
  suggestion: MergeSuggestion;
  /** The item's answer in the draft now. */
  current: unknown;
  onDone: () => Promise<void>;
}

/**
 * One reviewer's suggestion on one item: who, the status against the draft, the change it brings
 * (or, in a conflict, the base, your answer and theirs side by side), and accept / edit then accept / reject.
 */
export function SuggestionCard({ item, suggestion: s, current, onDone }: Props) {
  const api = useApi();
  const session = useSession();
  const { t } = useTranslation();
  const format = useFormatters();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const lang = session.draft.assessment.responseLanguage;
  const ref = { reviewId: s.reviewId, suggestionId: s.id };
  const fileNames = new Map(session.attachments.map((a) => [a.sha256, a.name]));
  const headingId = `sugg-${s.reviewId}-${s.id}`;

  async function act(call: () => Promise<{ ok: true; value: unknown } | { ok: false; error: ApiError }>) {
    setBusy(true);
    setError(null);
    await session.autosaver.flush();
    const r = await call();
    setBusy(false);
    if (!r.ok) return setError(r.error);
    const value = r.value as { draft?: unknown } | null;
    if (value && typeof value === 'object' && 'draft' in value) session.replaceWith(r.value as Parameters<typeof session.replaceWith>[0]);
    setEditing(false);
    await onDone();
  }

  return (
    <article className={`merge-suggestion merge-suggestion--${s.status}`} aria-labelledby={headingId}>
      <header className="merge-suggestion__head">
        <h5 id={headingId} className="merge-suggestion__who">
          <Isolated sentence={t('merge:item.suggestionFrom', { institution: MARK_VALUE })} value={s.institution} />
        </h5>
        <span className={`badge merge-status merge-status--${s.status}`}>{t(`review:status.${s.status}`)}</span>
        {s.competing && <span className="badge merge-status--competing">{t('merge:item.competing')}</span>}
        {s.decision && <span className="badge merge-decision">{s.decision.decision === 'accepted' ? t('merge:item.accepted', { date: format.dayOf(s.decision.at) }) : t('merge:item.rejected', { date: format.dayOf(s.decision.at) })}</span>}
      </header>
      <p className="muted small">
        <bdi>{s.reviewer}</bdi> · {format.dayOf(s.at)}
      </p>
      {s.note && (
        <p className="merge-suggestion__note" dir="auto">
          {s.note}
        </p>
      )}
      {s.status === 'conflict' ? (
        <div className="merge-conflict" role="group" aria-label={t('merge:item.conflictSides')}>
          <p className="merge-conflict__why">{t('merge:item.conflictWhy')}</p>
          <div className="merge-conflict__sides">
            <section aria-label={t('merge:item.base')}>
              <h6>{t('merge:item.base')}</h6>
              <AnswerView pack={session.pack} item={item} answer={s.base} lang={lang} fileNames={fileNames} />
            </section>
            <section aria-label={t('merge:item.yours')}>
              <h6>{t('merge:item.yours')}</h6>
              <ItemDiff pack={session.pack} item={item} before={s.base} after={current} lang={lang} fileNames={fileNames} />
            </section>
            <section aria-label={t('merge:item.theirs', { institution: s.institution })}>
              <h6>
                <Isolated sentence={t('merge:item.theirs', { institution: MARK_VALUE })} value={s.institution} />
              </h6>
              <ItemDiff pack={session.pack} item={item} before={s.base} after={s.theirs} lang={lang} fileNames={fileNames} />
            </section>
          </div>
        </div>
      ) : s.status === 'same' || s.status === 'unchanged' ? (
        <p className="muted">{t(`merge:item.nothing.${s.status}`)}</p>
      ) : (
        <ItemDiff pack={session.pack} item={item} before={current} after={s.merged ?? s.theirs} lang={lang} fileNames={fileNames} />
      )}
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
      {!s.decision && !editing && (
        <div className="merge-suggestion__actions">
          {s.status !== 'conflict' && (
            <button type="button" className="button button--primary button--small" disabled={busy || session.readOnly} onClick={() => void act(() => api.acceptSuggestion(session.id, ref))}>
              {t('merge:item.accept')}
            </button>
          )}
          <button type="button" className="button button--secondary button--small" disabled={busy || session.readOnly} onClick={() => setEditing(true)}>
            {t('merge:item.edit')}
          </button>
          <button type="button" className="button button--quiet button--small" disabled={busy || session.readOnly} onClick={() => void act(() => api.rejectSuggestion(session.id, ref))}>
            {t('merge:item.reject')}
          </button>
        </div>
      )}
      {editing && (
        <EditThenAccept
          item={item}
          initial={s.merged ?? s.theirs}
          lang={lang}
          busy={busy}
          onCancel={() => setEditing(false)}
          onAccept={(answer) => void act(() => api.acceptSuggestion(session.id, ref, answer))}
        />
      )}
    </article>
  );
}

/** The suggested answer in the item's own widget, to change before accepting it. */
function EditThenAccept({ item, initial, lang, busy, onCancel, onAccept }: { item: ChecklistItem; initial: unknown; lang: ReturnType<typeof useSession>['draft']['assessment']['responseLanguage']; busy: boolean; onCancel: () => void; onAccept: (answer: Parameters<ReturnType<typeof useApi>['acceptSuggestion']>[2]) => void }) {
  const { t } = useTranslation();
  const key = fieldKey(item.id);
  const form = useForm({ defaultValues: { [key]: toFieldValue(item, initial) } });
  const inputId = `edit-${key}-input`;
  const widget = widgetFor({ item, name: key, inputId, describedBy: undefined, invalid: false, response: { lang, dir: directionOf(lang) }, readOnly: false });
  return (
    <FormProvider {...form}>
      <form
        className="merge-edit"
        aria-label={t('merge:item.editLabel', { item: item.id })}
        onSubmit={form.handleSubmit((values) => onAccept(toAnswer(item, values[key]) as Parameters<typeof onAccept>[0]))}
      >
        {GROUPED_TYPES.has(item.type) ? (
          <fieldset className="fieldset fieldset--item">
            <legend className="merge-edit__label">{t('merge:item.editLabel', { item: item.id })}</legend>
            {widget}
          </fieldset>
        ) : (
          <>
            <label htmlFor={inputId} className="merge-edit__label">
              {t('merge:item.editLabel', { item: item.id })}
            </label>
            {widget}
          </>
        )}
        <div className="merge-suggestion__actions">
          <button type="submit" className="button button--primary button--small" disabled={busy}>
            {t('merge:item.acceptEdited')}
          </button>
          <button type="button" className="button button--quiet button--small" onClick={onCancel}>
            {t('merge:item.cancel')}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
