import { useTranslation } from 'react-i18next';
import type { ChecklistPack } from '../../../../core/checklist/schema';
import { numberFormat } from '../../i18n/intl-cache';
import { itemState, type FormModel } from './form-model';
import { PackText } from '../../ui/answer-widgets/pack-text';

/** The sections, each with its progress; the current one is marked for assistive technology. */
export function SectionNav({ pack, model, answers, current, onSelect, onItem }: {
  pack: ChecklistPack;
  model: FormModel;
  answers: Readonly<Record<string, unknown>>;
  current: string | null;
  onSelect: (id: string) => void;
  /** Move to an item of the current section (its card takes focus). */
  onItem: (itemId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const number = numberFormat(i18n.language);
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
              {section.id === current && (
                <ol className="section-nav__items" aria-label={t('form:nav.items')}>
                  {section.items
                    .filter((item) => model.relevant.has(item.id))
                    .map((item) => {
                      const state = itemState(answers[item.id], model.problems.get(item.id));
                      return (
                        <li key={item.id}>
                          <button type="button" className={`item-pill item-pill--${state}`} onClick={() => onItem(item.id)}>
                            {item.id}
                            <span className="visually-hidden"> ({t(state === 'invalid' ? 'form:filter.badge.invalid' : `form:filter.${state}`)})</span>
                          </button>
                        </li>
                      );
                    })}
                </ol>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
