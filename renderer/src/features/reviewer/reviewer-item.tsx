import { memo, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../core/api/contract';
import type { ChecklistItem } from '../../../../core/checklist/schema';
import type { ReviewComment, ReviewSuggestion } from '../../../../core/review/schema';
import { fieldKey, toAnswer, toFieldValue } from '../../ui/answer-widgets/form-values';
import { PackText } from '../../ui/answer-widgets/pack-text';
import { GROUPED_TYPES, widgetFor } from '../../ui/answer-widgets/widget-for';
import type { WidgetProps } from '../../ui/answer-widgets/widget-props';
import { ErrorMessage } from '../../ui/error-message';

export interface ReviewerItemProps {
  item: ChecklistItem;
  /** The draft's answer (read-only), and the reviewer's suggestion if any. */
  answer: unknown;
  suggestion: ReviewSuggestion | undefined;
  comments: readonly ReviewComment[];
  response: WidgetProps['response'];
  onComment(itemId: string, text: string): ApiError | null;
  onRemoveComment(id: string): void;
  onSuggest(itemId: string, answer: unknown, note: string): ApiError | null;
  onWithdraw(itemId: string): void;
}

/** An answer shown read-only in its own widget (the draft's, or the suggestion kept), under `label`. */
function AnswerView({ item, value, idBase, response, label, questionId }: { item: ChecklistItem; value: unknown; idBase: string; response: WidgetProps['response']; label: string; questionId: string }) {
  const name = fieldKey(item.id);
  const form = useForm({ defaultValues: { [name]: toFieldValue(item, value) } });
  const inputId = `${idBase}-input`;
  const labelId = `${idBase}-label`;
  const widget = widgetFor({ item, name, inputId, describedBy: undefined, invalid: false, response, readOnly: true });
  return (
    <FormProvider {...form}>
      {GROUPED_TYPES.has(item.type) ? (
        <div role="group" aria-labelledby={`${labelId} ${questionId}`} className="reviewer-answer">
          <p id={labelId} className="muted small reviewer-answer__label">{label}</p>
          {widget}
        </div>
      ) : (
        <div className="reviewer-answer">
          <label id={labelId} htmlFor={inputId} className="muted small reviewer-answer__label">{label}</label>
          {widget}
        </div>
      )}
    </FormProvider>
  );
}

/** "Suggest a change": a copy of the answer in the same widget, with a note, kept as the suggestion. */
function SuggestEditor({ item, start, note, response, idBase, onSave, onCancel }: {
  item: ChecklistItem;
  start: unknown;
  note: string;
  response: WidgetProps['response'];
  idBase: string;
  onSave(answer: unknown, note: string): ApiError | null;
  onCancel(): void;
}) {
  const { t } = useTranslation('review');
  const name = fieldKey(item.id);
  const form = useForm({ defaultValues: { [name]: toFieldValue(item, start), note } });
  const [error, setError] = useState<ApiError | null>(null);
  const labelId = `${idBase}-suggest-label`;
  const widget = widgetFor({ item, name, inputId: `${idBase}-suggest-input`, describedBy: undefined, invalid: false, response, readOnly: false });
  return (
    <FormProvider {...form}>
      <div className="reviewer-suggest stack">
        {GROUPED_TYPES.has(item.type) ? (
          <div role="group" aria-labelledby={labelId}>
            <p id={labelId} className="field__label">{t('reviewer.suggestLabel', { item: item.id })}</p>
            {widget}
          </div>
        ) : (
          <div className="field">
            <label id={labelId} className="field__label" htmlFor={`${idBase}-suggest-input`}>
              {t('reviewer.suggestLabel', { item: item.id })}
            </label>
            {widget}
          </div>
        )}
        <label className="field">
          <span className="field__label">{t('reviewer.suggestNote')}</span>
          <input className="input reviewer-suggest__note" dir="auto" {...form.register('note')} />
        </label>
        {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
        <div className="reviewer-item__actions">
          <button
            type="button"
            className="button button--primary button--small reviewer-suggest__save"
            onClick={() => setError(onSave(toAnswer(item, form.getValues(name)), String(form.getValues('note') ?? '')))}
          >
            {t('reviewer.suggestSave')}
          </button>
          <button type="button" className="button button--quiet button--small" onClick={onCancel}>
            {t('reviewer.cancel')}
          </button>
        </div>
      </div>
    </FormProvider>
  );
}

function ReviewerItemImpl({ item, answer, suggestion, comments, response, onComment, onRemoveComment, onSuggest, onWithdraw }: ReviewerItemProps) {
  const { t } = useTranslation('review');
  const base = `rv-${fieldKey(item.id)}`;
  const questionId = `${base}-q`;
  const [open, setOpen] = useState<'none' | 'comment' | 'suggest'>('none');
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  const addComment = () => {
    const refused = onComment(item.id, text);
    setError(refused);
    if (!refused) {
      setText('');
      setOpen('none');
    }
  };

  return (
    <article className={`item reviewer-item${suggestion || comments.length > 0 ? ' reviewer-item--noted' : ''}`} data-review-item={item.id} aria-labelledby={questionId}>
      <h4 id={questionId} className="item__question">
        <span className="item__id">{item.id}</span> <PackText text={item.text} />
      </h4>
      <AnswerView item={item} value={answer} idBase={`${base}-base`} response={response} label={t('reviewer.currentAnswer')} questionId={questionId} />

      {comments.length > 0 && (
        <ul className="reviewer-notes" aria-label={t('reviewer.commentsOn', { item: item.id })}>
          {comments.map((c) => (
            <li key={c.id} className="reviewer-note">
              <span className="reviewer-note__text" dir="auto">{c.text}</span>
              <button type="button" className="button button--quiet button--small" onClick={() => onRemoveComment(c.id)}>
                {t('reviewer.removeComment')}
              </button>
            </li>
          ))}
        </ul>
      )}

      {suggestion && open !== 'suggest' && (
        <div className="reviewer-suggestion">
          <AnswerView key={suggestion.at} item={item} value={suggestion.answer} idBase={`${base}-sug`} response={response} label={t('reviewer.yourSuggestion')} questionId={questionId} />
          {suggestion.note && <p className="small" dir="auto">{suggestion.note}</p>}
          <div className="reviewer-item__actions">
            <button type="button" className="button button--secondary button--small" onClick={() => setOpen('suggest')}>
              {t('reviewer.editSuggestion')}
            </button>
            <button type="button" className="button button--quiet button--small" onClick={() => onWithdraw(item.id)}>
              {t('reviewer.withdraw')}
            </button>
          </div>
        </div>
      )}

      {open === 'comment' && (
        <div className="reviewer-comment stack">
          <label className="field">
            <span className="field__label">{t('reviewer.commentLabel', { item: item.id })}</span>
            <textarea className="input textarea reviewer-comment__text" rows={3} dir="auto" value={text} onChange={(e) => setText(e.target.value)} autoFocus />
          </label>
          {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
          <div className="reviewer-item__actions">
            <button type="button" className="button button--primary button--small reviewer-comment__add" disabled={text.trim() === ''} onClick={addComment}>
              {t('reviewer.addComment')}
            </button>
            <button type="button" className="button button--quiet button--small" onClick={() => setOpen('none')}>
              {t('reviewer.cancel')}
            </button>
          </div>
        </div>
      )}
      {open === 'suggest' && (
        <SuggestEditor
          item={item}
          start={suggestion ? suggestion.answer : answer}
          note={suggestion?.note ?? ''}
          response={response}
          idBase={base}
          onCancel={() => setOpen('none')}
          onSave={(next, note) => {
            const refused = onSuggest(item.id, next, note);
            if (!refused) setOpen('none');
            return refused;
          }}
        />
      )}
      {open === 'none' && (
        <div className="reviewer-item__actions">
          <button type="button" className="button button--secondary button--small reviewer-item__comment" aria-describedby={questionId} onClick={() => setOpen('comment')}>
            {t('reviewer.comment')}
          </button>
          {!suggestion && (
            <button type="button" className="button button--secondary button--small reviewer-item__suggest" aria-describedby={questionId} onClick={() => setOpen('suggest')}>
              {t('reviewer.suggest')}
            </button>
          )}
        </div>
      )}
    </article>
  );
}

export const ReviewerItem = memo(ReviewerItemImpl);
