import { z } from 'zod';
import type { AssessmentMeta } from '../../../../core/draft/schema';
import { isLanguage, type Language } from '../../../../core/i18n/languages';
import { UN_COUNTRIES, countryName } from '../../../../core/i18n/countries';

export interface FocalPointValues {
  name: string;
  title: string;
  institution: string;
  email: string;
  phone: string;
}

/**
 * What the inputs of an assessment's details hold (all strings: the inputs are uncontrolled), in the
 * wizard that creates it and on its Details screen. `pack` is the wizard's choice of checklist only.
 */
export interface WizardValues {
  pack: string;
  countryCode: string;
  responseLanguage: string;
  focalPoints: FocalPointValues[];
  institutions: { name: string }[];
  periodFrom: string;
  periodTo: string;
}

export const EMPTY_FOCAL_POINT: FocalPointValues = { name: '', title: '', institution: '', email: '', phone: '' };

export function initialValues(uiLanguage: string): WizardValues {
  return {
    pack: '',
    countryCode: '',
    responseLanguage: isLanguage(uiLanguage) ? uiLanguage : 'en',
    focalPoints: [{ ...EMPTY_FOCAL_POINT }],
    institutions: [],
    periodFrom: '',
    periodTo: '',
  };
}

const Email = z.email();

/** Error keys (namespace `form`) for the checks the core would also make, so the user hears them first. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const checks = {
  /** A period end: empty, or a real date (the field turns what is typed into YYYY-MM-DD when it can). */
  date: (value: string) => value === '' || ISO_DATE.test(value) || 'form:wizard.errors.date',
  email: (value: string) => value.trim() === '' || Email.safeParse(value.trim()).success || 'form:wizard.errors.email',
  periodTo: (to: string, values: WizardValues) => {
    if (to !== '' && !ISO_DATE.test(to)) return 'form:wizard.errors.date';
    // A start that is not a date has its own message; comparing with it would say nothing true.
    if (values.periodFrom !== '' && !ISO_DATE.test(values.periodFrom)) return true;
    if (!values.periodFrom && !to) return true;
    if (!values.periodFrom || !to) return 'form:wizard.errors.periodBoth';
    return values.periodFrom <= to || 'form:wizard.errors.periodOrder';
  },
};

/** The inputs for details already saved (the Details screen starts from these). */
export function fromMeta(meta: AssessmentMeta): WizardValues {
  return {
    pack: '',
    countryCode: meta.countryCode,
    responseLanguage: meta.responseLanguage,
    focalPoints: meta.focalPoints.length > 0 ? meta.focalPoints.map((f) => ({ ...EMPTY_FOCAL_POINT, ...f })) : [{ ...EMPTY_FOCAL_POINT }],
    institutions: meta.contributingInstitutions.map((name) => ({ name })),
    periodFrom: meta.periodCovered?.from ?? '',
    periodTo: meta.periodCovered?.to ?? '',
  };
}

/** The assessment metadata the core stores, from the wizard's values (blank rows dropped, text trimmed). */
export function toMeta(values: WizardValues): AssessmentMeta {
  const responseLanguage: Language = isLanguage(values.responseLanguage) ? values.responseLanguage : 'en';
  return {
    countryCode: values.countryCode,
    responseLanguage,
    focalPoints: values.focalPoints
      .map((f) => ({ name: f.name.trim(), title: f.title.trim(), institution: f.institution.trim(), email: f.email.trim(), phone: f.phone.trim() }))
      .filter((f) => f.name !== ''),
    contributingInstitutions: values.institutions.map((i) => i.name.trim()).filter(Boolean),
    periodCovered: values.periodFrom && values.periodTo ? { from: values.periodFrom, to: values.periodTo } : null,
  };
}

/** The 193 Member States and 2 observer States, by their UN names in the interface language, sorted the way a reader of it expects. */
export function countryOptions(lng: string): { code: string; name: string }[] {
  const collator = new Intl.Collator(lng);
  return UN_COUNTRIES.map((code) => ({ code, name: countryName(code, lng) })).sort((a, b) => collator.compare(a.name, b.name));
}
