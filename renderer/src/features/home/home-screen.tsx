import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AssessmentList } from './assessment-list';
import { HowItWorks } from './how-it-works';
import { TrainingExample } from './training-example';

/**
 * The first screen: what the app is for, the assessments on this computer and how to start one.
 * `reviews`: the reviewer's part (open a review copy, reviews in progress), placed by the app.
 */
export function HomeScreen({ reviews = null }: { reviews?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="intro" aria-label={t('app.introLabel')}>
        <p className="intro__lead">{t('app.tagline')}</p>
        <p className="intro__body">{t('app.purpose')}</p>
      </section>
      <AssessmentList />
      {reviews}
      <TrainingExample />
      <HowItWorks />
    </>
  );
}
