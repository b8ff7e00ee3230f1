import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisItem, ApiError, ItemAnswers } from '../../../../core/api/contract';
import { directionOf } from '../../../../core/i18n/languages';
import { useApi } from '../../api/api-context';
import { ErrorMessage } from '../../ui/error-message';
import { useFormatters } from '../../i18n/use-formatters';

/** At most this many answers of one item on the screen; the exports hold them all. */
const SHOWN = 500;

/**
 * The answers of one item as written, on demand: free text with its country and language (each
 * text in its own direction), or the rows of a table item (good practices, cities). Countries in
 * the analysis's alphabetical order.
 */
export function ItemAnswersPanel({ viewId, item, names }: { viewId: string; item: AnalysisItem; names: ReadonlyMap<string, string> }) {
  const { t, i18n } = useTranslation('analysis');
  const format = useFormatters();
  const api = useApi();
  const [answers, setAnswers] = useState<ItemAnswers | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const name = (code: string) => names.get(code) ?? code;
  const languageName = (lng: string) => new Intl.DisplayNames([i18n.language], { type: 'language' }).of(lng) ?? lng;

  const load = async () => {
    setBusy(true);
    const result = await api.analysisAnswers(viewId, item.id, SHOWN);
    setBusy(false);
    if (result.ok) setAnswers(result.value);
    else setError(result.error);
  };

  if (!answers) {
    return (
      <div>
        <button type="button" className="button button--secondary" onClick={() => void load()} disabled={busy} aria-describedby={`analysis-item-${item.id}`}>
          {t('screen.showAnswers', { count: item.answers, n: format.number(item.answers) })}
        </button>
        {error && <ErrorMessage error={error} />}
      </div>
    );
  }
  return (
    <section aria-label={t('screen.answersOf', { item: item.id })} data-testid={`answers-${item.id}`}>
      {answers.total > SHOWN && <p className="small">{t('screen.answersCut', { shown: format.number(SHOWN), total: format.number(answers.total) })}</p>}
      {answers.freeText.length > 0 && (
        <ul className="analysis-answers">
          {answers.freeText.map((entry, i) => (
            <li key={i} className="analysis-answers__entry">
              <p className="analysis-answers__who">
                {[name(entry.country), languageName(entry.language), entry.field].filter(Boolean).join(' · ')}
              </p>
              <p className="analysis-answers__text" lang={entry.language} dir={directionOf(entry.language)}>
                {entry.text}
              </p>
            </li>
          ))}
        </ul>
      )}
      {answers.table && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('screen.answersOf', { item: item.id })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.country')}</th>
                {answers.table.columns.map((c) => (
                  <th scope="col" key={c.id}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {answers.table.rows.map((row, i) => (
                <tr key={i}>
                  <th scope="row">{name(row.country)}</th>
                  {row.cells.map((cell, j) => (
                    // A cell is an option label in the interface language or text as written: its own characters decide.
                    <td key={j} dir="auto">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
