import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../core/api/contract';
import { AUTONYMS } from '../../../../core/i18n/languages';
import { useApi } from '../../api/api-context';
import { ErrorMessage } from '../../ui/error-message';
import { countryLabel } from '../../ui/country-label';
import { FocalPointsFieldset } from '../../ui/assessment-meta/focal-points-fieldset';
import { InstitutionsFieldset, PeriodFieldset } from '../../ui/assessment-meta/meta-fieldsets';
import { fromMeta, toMeta, type WizardValues } from '../../ui/assessment-meta/meta-values';
import { useFormatters } from '../../i18n/use-formatters';
import { AssessmentHeader } from './assessment-header';
import { useSession } from './session';
import './details.css';

/**
 * The assessment's details after its creation: focal points, contributing institutions and the period
 * covered, in the wizard's own fields. The country and the language of the answers stay as created
 * (answers and any submission belong to them). Saving makes a new revision, as any change does.
 */
export function DetailsScreen() {
  const api = useApi();
  const session = useSession();
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const meta = session.draft.assessment;
  const form = useForm<WizardValues>({ defaultValues: fromMeta(meta), mode: 'onSubmit', reValidateMode: 'onChange' });
  const [error, setError] = useState<ApiError | null>(null);
  const [savedRevision, setSavedRevision] = useState<number | null>(null);

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    setSavedRevision(null);
    const next = toMeta({ ...values, countryCode: meta.countryCode, responseLanguage: meta.responseLanguage });
    const result = await api.updateAssessment(session.id, next);
    if (!result.ok) return setError(result.error);
    session.setMeta(next);
    form.reset(fromMeta(next));
    setSavedRevision(result.value.revision);
  });

  return (
    <div className="details">
      <AssessmentHeader current="details" />
      <section className="card" aria-labelledby="details-title">
        <h3 id="details-title" className="card__title">
          {t('form:details.title')}
        </h3>
        <p className="muted">{t('form:details.intro')}</p>
        <dl className="facts details__fixed">
          <div className="facts__row">
            <dt>{t('form:wizard.country')}</dt>
            <dd>{countryLabel(meta.countryCode, i18n.language, t)}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('form:wizard.responseLanguage')}</dt>
            <dd lang={meta.responseLanguage}>{AUTONYMS[meta.responseLanguage]}</dd>
          </div>
        </dl>
        <form className="details__form" noValidate onSubmit={(event) => void submit(event)}>
          <fieldset className="fieldset fieldset--plain" disabled={session.readOnly}>
            <FocalPointsFieldset form={form} idPrefix="details" />
            <InstitutionsFieldset form={form} idPrefix="details" />
            <PeriodFieldset form={form} idPrefix="details" />
          </fieldset>
          {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
          <div className="form-actions">
            <p className="details__status" role="status">
              {savedRevision !== null && !form.formState.isDirty ? t('form:details.saved', { revision: format.number(savedRevision) }) : ''}
            </p>
            <button type="submit" className="button button--primary" disabled={session.readOnly || form.formState.isSubmitting}>
              {t('form:details.save')}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
