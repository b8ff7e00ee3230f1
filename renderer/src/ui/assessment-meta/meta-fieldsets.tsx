import { useFieldArray, type Control, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LocalDateInput, useDateExample } from '../../i18n/local-date-input';
import { describedBy, Field } from './field';
import { checks, type WizardValues } from './meta-values';

/**
 * The institutions that contributed, any number of them, for the wizard and the Details screen. `idPrefix`
 * keeps the two screens' field ids apart (`wizard-institution-0`, `details-institution-0`).
 */
export function InstitutionsFieldset({ form, idPrefix }: { form: UseFormReturn<WizardValues>; idPrefix: string }) {
  const { t } = useTranslation();
  const institutions = useFieldArray({ control: form.control, name: 'institutions' });
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{t('form:wizard.institutions')}</legend>
      <p className="field__hint">{t('form:wizard.institutionsHint')}</p>
      {institutions.fields.map((field, index) => (
        <div key={field.id} className="row-inline">
          <Field id={`${idPrefix}-institution-${index}`} label={t('form:wizard.institutionN', { n: index + 1 })}>
            <input id={`${idPrefix}-institution-${index}`} className="input" {...form.register(`institutions.${index}.name`)} />
          </Field>
          <button type="button" className="button button--quiet" onClick={() => institutions.remove(index)}>
            {t('form:wizard.removeInstitution', { n: index + 1 })}
          </button>
        </div>
      ))}
      <button type="button" className="button button--secondary" onClick={() => institutions.append({ name: '' })}>
        {t('form:wizard.addInstitution')}
      </button>
    </fieldset>
  );
}

/** The period covered: both dates written the interface language's way, or neither. */
export function PeriodFieldset({ form, idPrefix }: { form: UseFormReturn<WizardValues>; idPrefix: string }) {
  const { t } = useTranslation();
  const dateExample = useDateExample();
  const errors = form.formState.errors;
  // LocalDateInput serves any form; this form's own typed control fits it as the general one.
  const anyControl = form.control as unknown as Control<FieldValues>;
  const from = `${idPrefix}-from`;
  const to = `${idPrefix}-to`;
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{t('form:wizard.period')}</legend>
      <div className="row-inline">
        <Field id={from} label={t('form:wizard.periodFrom')} hint={dateExample} error={errors.periodFrom?.message}>
          <LocalDateInput
            name="periodFrom"
            id={from}
            className="input input--date"
            control={anyControl}
            aria-invalid={errors.periodFrom ? true : undefined}
            aria-describedby={describedBy(from, errors.periodFrom?.message, true)}
            rules={{ deps: ['periodTo'], validate: checks.date }}
          />
        </Field>
        <Field id={to} label={t('form:wizard.periodTo')} hint={dateExample} error={errors.periodTo?.message}>
          <LocalDateInput
            name="periodTo"
            id={to}
            className="input input--date"
            control={anyControl}
            aria-invalid={errors.periodTo ? true : undefined}
            aria-describedby={describedBy(to, errors.periodTo?.message, true)}
            rules={{ validate: (value: string) => checks.periodTo(value, form.getValues()) }}
          />
        </Field>
      </div>
    </fieldset>
  );
}
