import { useTranslation } from 'react-i18next';
import type { AnalysisItem, Denominator } from '../../../../core/api/contract';
import { useFormatters } from '../../i18n/use-formatters';
import { BarChart } from './bar-chart';
import { ItemAnswersPanel } from './item-answers';

/** "Answered 4 · skipped 1 · not answered 1 (of 6 countries)", and the countries whose version did not ask it. */
export function DenominatorLine({ denominator, total }: { denominator: Denominator; total: number }) {
  const { t } = useTranslation('analysis');
  const format = useFormatters();
  const parts = [
    t('screen.answered', { n: format.number(denominator.answered) }),
    t('screen.skipped', { n: format.number(denominator.skipped) }),
    t('screen.notAnswered', { n: format.number(denominator.notAnswered) }),
    ...(denominator.otherVersion !== undefined ? [t('screen.otherVersion', { n: format.number(denominator.otherVersion) })] : []),
  ];
  return <p className="analysis-item__denominator">{t('screen.denominator', { parts: parts.join(' · '), count: total, total: format.number(total) })}</p>;
}

/** One item: its counts with their denominator, charts of its distributions, and its answers as written on demand. */
export function ItemCard({ item, total, viewId, names }: { item: AnalysisItem; total: number; viewId: string; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation('analysis');
  const format = useFormatters();
  const headingId = `analysis-item-${item.id}`;
  return (
    <li className="analysis-item" aria-labelledby={headingId} data-testid={`analysis-item-${item.id}`}>
      <h3 className="analysis-item__title" id={headingId}>
        <span className="analysis-item__id">{item.id}</span>
        {item.question}
      </h3>
      <DenominatorLine denominator={item.denominator} total={total} />
      <div className="analysis__charts">
        {item.status && (
          <BarChart caption={t('screen.statusChart')} bars={item.status.counts} total={item.status.denominator.answered} testId={`chart-status-${item.id}`} />
        )}
        {item.options && <BarChart caption={t('screen.optionsChart')} bars={item.options} total={item.denominator.answered} testId={`chart-options-${item.id}`} />}
        {item.assistance && (
          <BarChart
            caption={t('screen.assistanceChart', { needed: format.number(item.assistance.needed), notNeeded: format.number(item.assistance.notNeeded) })}
            bars={item.assistance.types}
            total={item.assistance.denominator.answered}
          />
        )}
      </div>
      {item.numbers && item.numbers.min !== null && (
        <dl className="analysis__numbers">
          <div>
            <dt>{t('columns.min')}</dt>
            <dd>{format.number(item.numbers.min)}</dd>
          </div>
          <div>
            <dt>{t('columns.median')}</dt>
            <dd>{item.numbers.median === null ? '' : format.number(item.numbers.median)}</dd>
          </div>
          <div>
            <dt>{t('columns.max')}</dt>
            <dd>{item.numbers.max === null ? '' : format.number(item.numbers.max)}</dd>
          </div>
        </dl>
      )}
      {item.answers > 0 && <ItemAnswersPanel viewId={viewId} item={item} names={names} />}
    </li>
  );
}
