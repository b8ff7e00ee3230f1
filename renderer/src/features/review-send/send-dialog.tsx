import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ApiError, SendForReviewInput, SentForReview } from '../../../../core/api/contract';
import type { ChecklistPack } from '../../../../core/checklist/schema';
import { useApi } from '../../api/api-context';
import { LocalDateInput, useDateExample } from '../../i18n/local-date-input';
import { ErrorMessage } from '../../ui/error-message';
import { ModalDialog } from '../../ui/modal-dialog';
import { PackText } from '../../ui/answer-widgets/pack-text';

interface SendValues {
  institution: string;
  name: string;
  scope: 'all' | 'some';
  sections: string[];
  dueDate: string;
  message: string;
  withAttachments: boolean;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "Send for review": to whom (an institution, and a person there), what (all sections or some),
 * by when, with what message, with or without the attached files. The copy is made from the
 * assessment as saved, and handed over as a download to send by e-mail or USB stick.
 */
export function SendDialog({ id, pack, onSent, onCancel }: {
  id: string;
  pack: ChecklistPack | null;
  onSent: (sent: SentForReview) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const { t } = useTranslation('review');
  const dateExample = useDateExample();
  const form = useForm<SendValues>({
    defaultValues: { institution: '', name: '', scope: 'all', sections: [], dueDate: '', message: '', withAttachments: true },
  });
  const { register, handleSubmit, watch, formState } = form;
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const scope = watch('scope');
  const errors = formState.errors;

  const send = handleSubmit(async (values) => {
    setError(null);
    setBusy(true);
    try {
      const input: SendForReviewInput = {
        institution: values.institution.trim(),
        ...(values.name.trim() ? { name: values.name.trim() } : {}),
        scope: values.scope === 'all' ? 'all' : values.sections,
        ...(values.dueDate ? { dueDate: values.dueDate } : {}),
        ...(values.message.trim() ? { message: values.message } : {}),
        withAttachments: values.withAttachments,
      };
      const result = await api.sendForReview(id, input);
      if (!result.ok) return setError(result.error);
      onSent(result.value);
    } finally {
      setBusy(false);
    }
  });

  return (
    <ModalDialog labelledBy="send-title" onCancel={onCancel}>
      <FormProvider {...form}>
        <form className="send-form stack" onSubmit={(e) => void send(e)} noValidate>
          <h2 id="send-title" className="dialog__title">
            {t('send.title')}
          </h2>
          <p className="dialog__intro">{t('send.intro')}</p>
          <label className="field">
            <span className="field__label">{t('send.institution')}</span>
            <input
              id="send-institution"
              className="input"
              dir="auto"
              autoFocus
              aria-invalid={errors.institution ? true : undefined}
              aria-describedby={errors.institution ? 'send-institution-error' : undefined}
              {...register('institution', { validate: (v) => v.trim() !== '' })}
            />
            {errors.institution && (
              <span id="send-institution-error" className="field__error">
                {t('send.institutionMissing')}
              </span>
            )}
          </label>
          <label className="field">
            <span className="field__label">
              {t('send.person')} <span className="field__required">({t('send.optional')})</span>
            </span>
            <input id="send-person" className="input" dir="auto" {...register('name')} />
          </label>
          <fieldset className="fieldset fieldset--plain">
            <legend className="fieldset__legend">{t('send.scope')}</legend>
            <label className="field--inline">
              <input type="radio" value="all" {...register('scope')} /> {t('send.scopeAll')}
            </label>
            <label className="field--inline">
              <input type="radio" value="some" {...register('scope')} /> {t('send.scopeSome')}
            </label>
            {scope === 'some' && (
              <div className="send-form__sections" role="group" aria-label={t('send.sections')}>
                {(pack?.sections ?? []).map((s) => (
                  <label key={s.id} className="field--inline">
                    <input id={`send-section-${s.id}`} type="checkbox" value={s.id} {...register('sections', { validate: (v, all) => all.scope === 'all' || v.length > 0 })} />
                    <span>
                      {s.id}. <PackText text={s.title} />
                    </span>
                  </label>
                ))}
                {errors.sections && <span className="field__error">{t('send.sectionsMissing')}</span>}
              </div>
            )}
          </fieldset>
          <div className="field">
            <label className="field__label" htmlFor="send-due">
              {t('send.dueDate')} <span className="field__required">({t('send.optional')})</span>
            </label>
            <LocalDateInput
              name="dueDate"
              id="send-due"
              className="input input--date"
              aria-describedby="send-due-hint"
              rules={{ validate: (v: string) => v === '' || ISO_DATE.test(v) }}
            />
            <span id="send-due-hint" className={errors.dueDate ? 'field__error' : 'field__hint'}>
              {errors.dueDate ? t('send.dueDateInvalid', { example: dateExample }) : dateExample}
            </span>
          </div>
          <label className="field">
            <span className="field__label">
              {t('send.message')} <span className="field__required">({t('send.optional')})</span>
            </span>
            <textarea id="send-message" className="input textarea" dir="auto" rows={4} {...register('message')} />
          </label>
          <label className="field--inline">
            <input id="send-attachments" type="checkbox" {...register('withAttachments')} /> {t('send.withAttachments')}
          </label>
          {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
          <div className="dialog__actions">
            <button type="button" className="button button--quiet" onClick={onCancel}>
              {t('send.cancel')}
            </button>
            <button id="send-submit" type="submit" className="button button--primary" disabled={busy} aria-busy={busy || undefined}>
              {busy ? t('send.writing') : t('send.submit')}
            </button>
          </div>
        </form>
      </FormProvider>
    </ModalDialog>
  );
}
