import { useTranslation } from 'react-i18next';
import type { ChecklistItem, ChecklistPack } from '../../../../core/checklist/schema';
import { answerWords } from '../../ui/item-diff/answer-words';
import { useFormatters } from '../../i18n/use-formatters';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * One answer as the country wrote it, read-only. Words the checklist gives (choices, statuses, field
 * and column names, yes/no) are in the interface language; what the country wrote stays as written,
 * in its response language and its own direction (`dir="auto"` per text).
 */
export function AnswerView({ pack, item, value, lang, fileNames }: { pack: ChecklistPack; item: ChecklistItem | undefined; value: unknown; lang: string; fileNames: ReadonlyMap<string, string> }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const words = answerWords(pack, i18n.language, t, fileNames);
  const written = (text: string) => (
    <p className="secretariat__answer" dir="auto" lang={lang}>
      {text}
    </p>
  );
  if (typeof value === 'string') {
    if (item?.type === 'date') return <p>{format.date(value)}</p>;
    if (item?.type === 'single' || item?.type === 'status') return <p>{words.value(item, value)}</p>;
    return written(value);
  }
  if (item?.type === 'table' && Array.isArray(value)) {
    const columns = item.columns;
    return (
      <div className="table-wrap">
        <table className="table secretariat__answer-table">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.id} scope="col">
                  {words.column(item, c.id)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {value.map((row, i) => (
              <tr key={i}>
                {columns.map((c) => {
                  const cell = isRecord(row) ? row[c.id] : undefined;
                  const free = typeof cell === 'string' && c.type !== 'single' && c.type !== 'date';
                  return (
                    <td key={c.id} {...(free ? { dir: 'auto', lang } : {})}>
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
  if (item?.type === 'evidence' && isRecord(value)) {
    const files = Array.isArray(value.files) ? (value.files as string[]) : [];
    const links = Array.isArray(value.links) ? (value.links as { url: string; title?: string }[]) : [];
    return (
      <ul className="secretariat__evidence">
        {files.map((sha) => (
          <li key={sha}>
            <bdi>{words.file(sha)}</bdi>
          </li>
        ))}
        {links.map((l) => (
          <li key={l.url}>
            {l.title && <bdi lang={lang}>{l.title} </bdi>}
            <bdi dir="ltr">{l.url}</bdi>
          </li>
        ))}
      </ul>
    );
  }
  if (isRecord(value)) {
    return (
      <dl className="facts secretariat__fields">
        {Object.entries(value).map(([field, v]) => (
          <div key={field} className="facts__row">
            <dt>{words.field(field)}</dt>
            <dd {...(typeof v === 'string' && field !== 'status' ? { dir: 'auto', lang } : {})}>{typeof v === 'string' && field !== 'status' ? v : words.value(item, v, field)}</dd>
          </div>
        ))}
      </dl>
    );
  }
  return <p>{words.value(item, value)}</p>;
}
