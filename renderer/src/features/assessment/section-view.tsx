import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, ChecklistSection } from '../../../../core/checklist/schema';
import { listFormat } from '../../i18n/intl-cache';
import { skipReasons, type FormModel } from './form-model';
import { PackText } from '../../ui/answer-widgets/pack-text';

export interface ShownGroup {
  section: ChecklistSection;
  items: ChecklistItem[];
}

/** A section heading, its description, and a line saying how many items skip logic hid, and why. */
export function SectionView({ group, model, headingLevel, showSkipped, children }: {
  group: ShownGroup;
  model: FormModel;
  headingLevel: 2 | 3;
  showSkipped: boolean;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const { section } = group;
  const skipped = model.sections.get(section.id)?.skipped ?? [];
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const list = listFormat(i18n.language);
  return (
    <section className="section" aria-labelledby={`section-${section.id}`}>
      <Heading id={`section-${section.id}`} className="section__title" tabIndex={-1}>
        <PackText text={section.title} />
      </Heading>
      {showSkipped && section.description && (
        <p className="section__description">
          <PackText text={section.description} />
        </p>
      )}
      {showSkipped && skipped.length > 0 && (
        <p className="section__skipped small">
          {t('form:skipped', { count: skipped.length, items: list.format(skipped.map((i) => i.id)), reasons: list.format(skipReasons(skipped)) })}
        </p>
      )}
      {children}
    </section>
  );
}
