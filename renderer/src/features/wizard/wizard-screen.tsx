import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ApiError, PackInfo } from '../../../../core/api/contract';
import { AUTONYMS, LANGUAGES } from '../../../../core/i18n/languages';
import { localize } from '../../../../core/checklist/localized';
import { useApi } from '../../api/api-context';
import { hrefFor, navigate } from '../../app/routes';
import { ErrorMessage } from '../../ui/error-message';
import { describedBy, Field } from '../../ui/assessment-meta/field';
import { FocalPointsFieldset } from '../../ui/assessment-meta/focal-points-fieldset';
import { InstitutionsFieldset, PeriodFieldset } from '../../ui/assessment-meta/meta-fieldsets';
import { countryOptions, initialValues, toMeta, type WizardValues } from '../../ui/assessment-meta/meta-values';
import { uiLanguage } from '../../ui/answer-widgets/pack-text';
import { keepNotices } from '../assessment/pending-notices';

const packKey = (p: { id: string; version: string }) => `${p.id}@${p.version}`;

/** "New assessment": country, response language, focal points, institutions and period, then the form. */
export function WizardScreen() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const lng = uiLanguage(i18n.language);
  const [packs, setPacks] = useState<PackInfo[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const form = useForm<WizardValues>({ defaultValues: initialValues(lng), mode: 'onSubmit', reValidateMode: 'onChange' });
  const { register, handleSubmit, formState, setValue, getValues } = form;
  const countries = useMemo(() => countryOptions(lng), [lng]);
  const errors = formState.errors;

  useEffect(() => {
    document.getElementById('wizard-title')?.focus();
    void api.listPacks().then((result) => {
      if (!result.ok) return; // The core picks its default pack when none is named.
      setPacks(result.value);
      const preferred = result.value.find((p) => p.isDefault) ?? result.value[0];
      if (preferred && !getValues('pack')) setValue('pack', packKey(preferred));
    });
  }, [api, getValues, setValue]);

  const submit = handleSubmit(async (values) => {
    setError(null);
    const chosen = packs.find((p) => packKey(p) === values.pack);
    const result = await api.createAssessment(toMeta(values), chosen ? { id: chosen.id, version: chosen.version } : undefined);
    if (result.ok) {
      keepNotices(result.value.draft.id, result.value.notices);
      navigate({ name: 'form', id: result.value.draft.id });
    }
    else setError(result.error);
  });

  return (
    <section className="wizard" aria-labelledby="wizard-title">
      <nav className="breadcrumbs" aria-label={t('form:nav.breadcrumbs')}>
        <a href={hrefFor({ name: 'home' })}>{t('form:nav.home')}</a>
      </nav>
      <h2 id="wizard-title" className="page-title" tabIndex={-1}>
        {t('form:wizard.title')}
      </h2>
      <p className="muted">{t('form:wizard.intro')}</p>
      <form className="wizard__form card" noValidate onSubmit={(event) => void submit(event)}>
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('form:wizard.basics')}</legend>
          {packs.length > 0 && (
            <Field id="wizard-pack" label={t('form:wizard.pack')}>
              <select id="wizard-pack" className="input" {...register('pack')}>
                {packs.map((p) => (
                  <option key={packKey(p)} value={packKey(p)}>
                    {localize(p.title, lng).text} ({p.version})
                  </option>
                ))}
              </select>
            </Field>
          )}
          <Field id="wizard-country" label={t('form:wizard.country')} error={errors.countryCode?.message} required>
            <select
              id="wizard-country"
              className="input"
              aria-invalid={errors.countryCode ? true : undefined}
              aria-describedby={describedBy('wizard-country', errors.countryCode?.message)}
              {...register('countryCode', { required: 'form:wizard.errors.countryRequired' })}
            >
              <option value="">{t('form:wizard.chooseCountry')}</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="wizard-language" label={t('form:wizard.responseLanguage')} hint={t('form:wizard.responseLanguageHint')} required>
            <select id="wizard-language" className="input" aria-describedby={describedBy('wizard-language', undefined, true)} {...register('responseLanguage')}>
              {LANGUAGES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {AUTONYMS[code]}
                </option>
              ))}
            </select>
          </Field>
        </fieldset>

        <FocalPointsFieldset form={form} />

        <InstitutionsFieldset form={form} idPrefix="wizard" />
        <PeriodFieldset form={form} idPrefix="wizard" />

        {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
        <div className="form-actions">
          <a className="button button--quiet" href={hrefFor({ name: 'home' })}>
            {t('form:wizard.cancel')}
          </a>
          <button type="submit" className="button button--primary" disabled={formState.isSubmitting}>
            {t('form:wizard.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
