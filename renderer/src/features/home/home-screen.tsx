import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/routes';
import { AssessmentList } from './assessment-list';
import { HowItWorks } from './how-it-works';
import { TrainingExample } from './training-example';

/** The first screen: what the app is for, the assessments on this computer and how to start one. */
export function HomeScreen() {
  const { t } = useTranslation();
  return (
    <>
      <section className="intro" aria-label={t('app.introLabel')}>
        <p className="intro__lead">{t('app.tagline')}</p>
        <p className="intro__body">{t('app.purpose')}</p>
      </section>
      <AssessmentList />
      <TrainingExample />
      <HowItWorks />
      <p className="home__secretariat">
        <a href={hrefFor({ name: 'analysis' })}>{t('analysis:screen.homeLink')}</a>
      </p>
    </>
  );
}
