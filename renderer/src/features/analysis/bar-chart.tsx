import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/use-formatters';

export interface Bar {
  id: string;
  label: string;
  count: number;
}

/**
 * A distribution drawn as bars, and readable without them: a table whose every row says the label
 * and "n of total" in words; the bars are decoration (hidden from screen readers). Bars start at
 * the inline start, so they grow leftwards in a right-to-left page. Rows keep the order given (the
 * pack's order of statuses or options), never sorted by their counts.
 */
export function BarChart({ caption, bars, total, testId }: { caption: string; bars: readonly Bar[]; total: number; testId?: string }) {
  const { t } = useTranslation('analysis');
  const format = useFormatters();
  return (
    <table className="bar-chart" data-testid={testId}>
      <caption className="bar-chart__caption">{caption}</caption>
      <tbody>
        {bars.map((bar) => {
          const share = total > 0 ? Math.min(1, bar.count / total) : 0;
          return (
            <tr key={bar.id}>
              <th scope="row" className="bar-chart__label">
                {bar.label}
              </th>
              <td className="bar-chart__bar-cell" aria-hidden="true">
                <span className="bar-chart__bar" style={{ inlineSize: `${(share * 100).toFixed(1)}%` }} />
              </td>
              <td className="bar-chart__value">{t('screen.countOf', { n: format.number(bar.count), total: format.number(total) })}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
