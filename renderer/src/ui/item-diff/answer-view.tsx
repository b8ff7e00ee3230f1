import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, ChecklistPack } from '../../../../core/checklist/schema';
import { UNCAC_FIELDS } from '../../../../core/checklist/vocabulary';
import { answerWords } from './answer-words';
import './item-diff.css';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * One answer as a reader sees it (no change marked): a text in its own direction, choices by their
 * labels, a UNCAC block field by field, a table as a table. Used where versions stand side by side
 * (a conflict's base, yours and theirs).
 */
export function AnswerView({ pack, item, answer, lang, fileNames }: { pack: ChecklistPack; item: ChecklistItem | undefined; answer: unknown; lang?: string; fileNames?: ReadonlyMap<string, string> }) {
  const { t, i18n } = useTranslation();
  const words = useMemo(() => answerWords(pack, i18n.language, t, fileNames), [pack, i18n.language, t, fileNames]);
  if (answer === undefined || answer === null) return <p className="muted item-diff__none">{t('merge:diff.noAnswer')}</p>;
  if (typeof answer === 'string' && (item?.type === 'text' || item?.type === 'longtext')) {
    return (
      <div className="item-diff__text" dir="auto" lang={lang}>
        {answer}
      </div>
    );
  }
  if (item?.type === 'uncac' && isRecord(answer)) {
    return (
      <dl className="item-diff__fields">
        {UNCAC_FIELDS.filter((f) => answer[f] !== undefined).map((f) => (
          <div key={f} className="item-diff__field">
            <dt>{words.field(f)}</dt>
            <dd dir="auto" lang={lang} className="item-diff__text">
              {words.value(item, answer[f], f)}
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  if (item?.type === 'table' && Array.isArray(answer)) {
    return (
      <div className="table-wrap">
        <table className="table item-diff__rows">
          <thead>
            <tr>
              {item.columns.map((c) => (
                <th key={c.id} scope="col">
                  {words.column(item, c.id)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {answer.filter(isRecord).map((row, i) => (
              <tr key={i}>
                {item.columns.map((c) => (
                  <td key={c.id} dir="auto" lang={lang}>
                    {row[c.id] === undefined ? '' : words.value(item, row[c.id], c.id)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  if (item?.type === 'evidence' && isRecord(answer)) {
    const files = Array.isArray(answer.files) ? answer.files.filter((f): f is string => typeof f === 'string') : [];
    const links = Array.isArray(answer.links) ? answer.links.filter(isRecord) : [];
    return (
      <ul className="item-diff__list">
        {files.map((f) => (
          <li key={f}>
            <bdi>{words.file(f)}</bdi>
          </li>
        ))}
        {links.map((l) => (
          <li key={String(l.url)}>
            <bdi dir="auto">{typeof l.title === 'string' ? `${l.title} — ${String(l.url)}` : String(l.url)}</bdi>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <p dir="auto" lang={lang}>
      {words.value(item, answer)}
    </p>
  );
}
