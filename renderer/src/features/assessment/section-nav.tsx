import { useTranslation } from 'react-i18next';
import type { ChecklistPack } from '../../../../core/checklist/schema';
import type { FormModel } from './form-model';
import { PackText } from './pack-text';

/** The sections, each with its progress; the current one is marked for assistive technology. */
export function SectionNav({ pack, model, current, onSelect }: { pack: ChecklistPack; model: FormModel; current: string | null; onSelect: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <nav className="section-nav" aria-label={t('form:nav.sections')}>
      <ol className="section-nav__list">
        {pack.sections.map((section) => {
          const p = model.sections.get(section.id) ?? { answered: 0, relevant: 0 };
          const done = p.relevant > 0 && p.answered === p.relevant;
          return (
            <li key={section.id}>
              <button
                type="button"
                className={section.id === current ? 'section-nav__item section-nav__item--current' : 'section-nav__item'}
                aria-current={section.id === current ? 'step' : undefined}
                onClick={() => onSelect(section.id)}
              >
                <span className="section-nav__title">
                  <PackText text={section.title} />
                </span>
                <span className="section-nav__count small">
                  {t('form:progress.short', { answered: number.format(p.answered), relevant: number.format(p.relevant) })}
                  {done && <span className="section-nav__done"> ✓</span>}
                </span>
                <progress className="section-nav__bar" max={Math.max(p.relevant, 1)} value={p.relevant === 0 ? 1 : p.answered} aria-hidden="true" />
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
