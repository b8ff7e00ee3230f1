import { useFieldArray, useWatch, type Control, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { describedBy, Field } from './field';
import { checks, EMPTY_FOCAL_POINT, type WizardValues } from './meta-values';

const TEXT_FIELDS = [
  ['title', 'text', 'organization-title'],
  ['institution', 'text', 'organization'],
] as const;

const LETTERS = /\p{L}/u;

/**
 * A telephone number is kept as typed, letters and all ("ext. 12", a number spelt out): letters only
 * bring a hint to check it, never a refusal.
 */
function PhoneField({ index, control, register }: { index: number; control: Control<WizardValues>; register: UseFormReturn<WizardValues>['register'] }) {
  const { t } = useTranslation();
  const id = `wizard-fp-${index}-phone`;
  const phone = useWatch({ control, name: `focalPoints.${index}.phone` });
  const letters = typeof phone === 'string' && LETTERS.test(phone);
  return (
    <Field id={id} label={t('form:wizard.fp.phone')}>
      <input id={id} type="tel" className="input" autoComplete="tel" aria-describedby={letters ? `${id}-letters` : undefined} {...register(`focalPoints.${index}.phone`)} />
      {/* Always there, so that the hint is read out when it appears. */}
      <p id={`${id}-letters`} className="field__hint field__hint--check" role="status">
        {letters ? t('form:wizard.fp.phoneLetters') : ''}
      </p>
    </Field>
  );
}

/** One or more focal points; the first cannot be removed, a name is required for each. */
export function FocalPointsFieldset({ form, idPrefix = 'wizard' }: { form: UseFormReturn<WizardValues>; idPrefix?: string }) {
  const { t } = useTranslation();
  const { register, control, formState } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'focalPoints' });
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{t('form:wizard.focalPoints')}</legend>
      {fields.map((field, index) => {
        const errors = formState.errors.focalPoints?.[index];
        const base = `${idPrefix}-fp-${index}`;
        return (
          <fieldset key={field.id} className="fieldset fieldset--nested">
            <legend className="fieldset__legend fieldset__legend--small">{t('form:wizard.focalPointN', { n: index + 1 })}</legend>
            <div className="grid-2">
              <Field id={`${base}-name`} label={t('form:wizard.fp.name')} error={errors?.name?.message} required>
                <input
                  id={`${base}-name`}
                  className="input"
                  autoComplete="name"
                  aria-invalid={errors?.name ? true : undefined}
                  aria-describedby={describedBy(`${base}-name`, errors?.name?.message)}
                  {...register(`focalPoints.${index}.name`, {
                    validate: (v) => v.trim() !== '' || 'form:wizard.errors.nameRequired',
                  })}
                />
              </Field>
              {TEXT_FIELDS.map(([key, type, autoComplete]) => (
                <Field key={key} id={`${base}-${key}`} label={t(`form:wizard.fp.${key}`)}>
                  <input id={`${base}-${key}`} type={type} className="input" autoComplete={autoComplete} {...register(`focalPoints.${index}.${key}`)} />
                </Field>
              ))}
              <PhoneField index={index} control={control} register={register} />
              <Field id={`${base}-email`} label={t('form:wizard.fp.email')} error={errors?.email?.message}>
                <input
                  id={`${base}-email`}
                  type="email"
                  className="input"
                  dir="ltr"
                  autoComplete="email"
                  aria-invalid={errors?.email ? true : undefined}
                  aria-describedby={describedBy(`${base}-email`, errors?.email?.message)}
                  {...register(`focalPoints.${index}.email`, { validate: checks.email })}
                />
              </Field>
            </div>
            {index > 0 && (
              <button type="button" className="button button--quiet" onClick={() => remove(index)}>
                {t('form:wizard.removeFocalPoint', { n: index + 1 })}
              </button>
            )}
          </fieldset>
        );
      })}
      <button type="button" className="button button--secondary" onClick={() => append({ ...EMPTY_FOCAL_POINT })}>
        {t('form:wizard.addFocalPoint')}
      </button>
    </fieldset>
  );
}
