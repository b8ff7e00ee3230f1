import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, ChecklistPack } from '../../../../core/checklist/schema';
import { UNCAC_FIELDS } from '../../../../core/checklist/vocabulary';
import { useFormatters } from '../../i18n/use-formatters';
import { answerWords } from './answer-words';
import './item-diff.css';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface AnswerViewProps {
  pack: ChecklistPack;
  item: ChecklistItem | undefined;
  answer: unknown;
  /** The response language: what the country or the focal point wrote is marked with it. */
  lang?: string | undefined;
  fileNames?: ReadonlyMap<string, string> | undefined;
  /** An extra class for written texts (the secretariat's reader spaces them its own way). */
  textClassName?: string | undefined;
}

/**
 * One answer as a reader sees it, read-only, no change marked: words the checklist gives (choices,
 * statuses, field and column names, yes/no) in the interface language, dates through Intl, what was
 * written as written, in its language and its own direction. Used by the secretariat's reader and
 * where versions stand side by side (a conflict's base, yours and theirs).
 */
export function AnswerView({ pack, item, answer, lang, fileNames, textClassName }: AnswerViewProps) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const words = useMemo(() => answerWords(pack, i18n.language, t, fileNames), [pack, i18n.language, t, fileNames]);
  const written = (text: string) => (
    <div className={textClassName ? `item-diff__text ${textClassName}` : 'item-diff__text'} dir="auto" lang={lang}>
      {text}
    </div>
  );
  if (answer === undefined || answer === null) return <p className="muted item-diff__none">{t('merge:diff.noAnswer')}</p>;
  if (typeof answer === 'string') {
    if (item?.type === 'date') return <p>{format.date(answer)}</p>;
    if (item?.type === 'single' || item?.type === 'status') return <p>{words.value(item, answer)}</p>;
    return written(answer);
  }
  if (item?.type === 'uncac' && isRecord(answer)) {
    return (
      <dl className="item-diff__fields">
        {UNCAC_FIELDS.filter((f) => answer[f] !== undefined).map((f) => {
          const free = typeof answer[f] === 'string' && f !== 'status';
          return (
            <div key={f} className="item-diff__field">
              <dt>{words.field(f)}</dt>
              <dd className="item-diff__text" {...(free ? { dir: 'auto', lang } : {})}>
                {words.value(item, answer[f], f)}
              </dd>
            </div>
          );
        })}
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
                {item.columns.map((c) => {
                  const cell = row[c.id];
                  const free = typeof cell === 'string' && c.type !== 'single' && c.type !== 'date';
                  return (
                    <td key={c.id} {...(free ? { dir: 'auto', lang } : {})} {...(c.type === 'date' ? { className: 'item-diff__date' } : {})}>
                      {cell === undefined ? '' : c.type === 'date' && typeof cell === 'string' ? format.date(cell) : words.value(item, cell, c.id)}
                    </td>
                  );
                })}
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
            {typeof l.title === 'string' && <bdi lang={lang}>{l.title} </bdi>}
            <bdi dir="ltr">{String(l.url)}</bdi>
          </li>
        ))}
      </ul>
    );
  }
  if (isRecord(answer)) {
    return (
      <dl className="item-diff__fields">
        {Object.entries(answer).map(([field, v]) => (
          <div key={field} className="item-diff__field">
            <dt>{words.field(field)}</dt>
            <dd {...(typeof v === 'string' ? { dir: 'auto', lang } : {})}>{words.value(item, v, field)}</dd>
          </div>
        ))}
      </dl>
    );
  }
  // Numbers, yes/no and choices are the interface's words: they follow the page's direction.
  return <p>{words.value(item, answer)}</p>;
}
