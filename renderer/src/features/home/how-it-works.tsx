import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/use-formatters';

const STEPS = ['create', 'complete', 'review', 'submit'] as const;

/** The path from a blank assessment to a signed submission, so a first-time user sees the whole way. */
export function HowItWorks() {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section className="steps-section" aria-labelledby="steps-title">
      <h2 id="steps-title" className="section-title">
        {t('home.stepsTitle')}
      </h2>
      <ol className="steps">
        {STEPS.map((step, index) => (
          <li key={step} className="steps__item">
            <span className="steps__number" aria-hidden="true">
              {format.number(index + 1)}
            </span>
            <h3 className="steps__title">{t(`home.steps.${step}.title`)}</h3>
            <p className="steps__body">{t(`home.steps.${step}.body`)}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
