import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, ChecklistPack } from '../../../../core/checklist/schema';
import { diffAnswer, type AnswerChange, type FieldChange, type RowChange, type SetChange } from '../../../../core/diff/item';
import { answerWords, type AnswerWords } from './answer-words';
import { TextParts, ValueSwap } from './text-parts';
import './item-diff.css';

export interface ItemDiffProps {
  pack: ChecklistPack;
  /** The checklist item (undefined: an answer to an item this checklist does not have). */
  item: ChecklistItem | undefined;
  before: unknown;
  after: unknown;
  /** The language the answers are written in (the draft's response language). */
  lang?: string;
  /** Attached files' names by hash, for evidence answers. */
  fileNames?: ReadonlyMap<string, string>;
  /** Precomputed change (the caller may already hold it); computed from before/after otherwise. */
  change?: AnswerChange;
}

/**
 * One item's change, in the shape of its item: words in a text, fields in a UNCAC block, rows in a
 * table, options in a multiple choice, files and links in evidence, or one value replaced. Shared by
 * the merge view, the compare screen and the secretariat's comparison of revisions.
 */
export function ItemDiff({ pack, item, before, after, lang, fileNames, change }: ItemDiffProps) {
  const { t, i18n } = useTranslation();
  const words = useMemo(() => answerWords(pack, i18n.language, t, fileNames), [pack, i18n.language, t, fileNames]);
  const detail = useMemo(() => change ?? diffAnswer(item, before, after), [change, item, before, after]);
  return (
    <div className="item-diff">
      <Change change={detail} item={item} words={words} lang={lang} />
    </div>
  );
}

function Change({ change, item, words, lang }: { change: AnswerChange; item: ChecklistItem | undefined; words: AnswerWords; lang: string | undefined }) {
  const { t } = useTranslation();
  switch (change.kind) {
    case 'text':
      return <TextParts parts={change.parts} lang={lang} />;
    case 'set':
      return <SetParts change={change} label={(id) => words.choice(item, id)} />;
    case 'value':
      return <ValueSwap before={words.value(item, change.before)} after={words.value(item, change.after)} lang={lang} />;
    case 'fields':
      return (
        <dl className="item-diff__fields">
          {change.fields.map(({ field, change: c }) => (
            <div key={field} className="item-diff__field">
              <dt>{words.field(field)}</dt>
              <dd>
                <FieldParts change={c} field={field} item={item} words={words} lang={lang} />
              </dd>
            </div>
          ))}
        </dl>
      );
    case 'rows':
      return <RowsTable rows={change.rows} item={item} words={words} lang={lang} />;
    case 'evidence':
      return (
        <div className="item-diff__evidence">
          {(change.files.added.length > 0 || change.files.removed.length > 0) && (
            <div>
              <span className="item-diff__label">{t('merge:diff.files')}</span>
              <SetParts change={change.files} label={words.file} />
            </div>
          )}
          {(change.links.added.length > 0 || change.links.removed.length > 0 || change.links.retitled.length > 0) && (
            <div>
              <span className="item-diff__label">{t('merge:diff.links')}</span>
              <ul className="item-diff__list">
                {change.links.added.map((l) => (
                  <li key={`a-${l.url}`}>
                    <ins>
                      <span className="item-diff__side">{t('merge:diff.added')}</span> <bdi dir="auto">{l.title ? `${l.title} — ${l.url}` : l.url}</bdi>
                    </ins>
                  </li>
                ))}
                {change.links.removed.map((l) => (
                  <li key={`r-${l.url}`}>
                    <del>
                      <span className="item-diff__side">{t('merge:diff.removed')}</span> <bdi dir="auto">{l.title ? `${l.title} — ${l.url}` : l.url}</bdi>
                    </del>
                  </li>
                ))}
                {change.links.retitled.map((l) => (
                  <li key={`t-${l.url}`}>
                    <bdi dir="ltr">{l.url}</bdi>: <ValueSwap before={l.before ?? t('merge:diff.empty')} after={l.after ?? t('merge:diff.empty')} lang={lang} />
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      );
  }
}

function FieldParts({ change, field, item, words, lang }: { change: FieldChange; field: string; item: ChecklistItem | undefined; words: AnswerWords; lang: string | undefined }) {
  if (change.kind === 'text') return <TextParts parts={change.parts} lang={lang} />;
  if (change.kind === 'set') return <SetParts change={change} label={(id) => words.choice(item, id, field)} />;
  return <ValueSwap before={words.value(item, change.before, field)} after={words.value(item, change.after, field)} lang={lang} />;
}

/** Options added and removed (a multiple choice, the assistance types, evidence files). */
function SetParts({ change, label }: { change: SetChange; label: (id: string) => string }) {
  const { t } = useTranslation();
  return (
    <ul className="item-diff__list">
      {change.added.map((id) => (
        <li key={`a-${id}`}>
          <ins>
            <span className="item-diff__side">{t('merge:diff.added')}</span> <bdi>{label(id)}</bdi>
          </ins>
        </li>
      ))}
      {change.removed.map((id) => (
        <li key={`r-${id}`}>
          <del>
            <span className="item-diff__side">{t('merge:diff.removed')}</span> <bdi>{label(id)}</bdi>
          </del>
        </li>
      ))}
    </ul>
  );
}

function rowLabel(t: ReturnType<typeof useTranslation>['t'], r: RowChange): string {
  switch (r.change) {
    case 'added':
      return t('merge:diff.rowAdded', { n: r.index + 1 });
    case 'removed':
      return t('merge:diff.rowRemoved', { n: r.index + 1 });
    case 'moved':
      return t('merge:diff.rowMoved', { n: r.index + 1, from: r.from + 1 });
    case 'edited':
      return t('merge:diff.rowEdited', { n: r.index + 1 });
  }
}

/** Row-level changes of a table: each changed row with its cells; in an edited row only the changed cells are marked. */
function RowsTable({ rows, item, words, lang }: { rows: readonly RowChange[]; item: ChecklistItem | undefined; words: AnswerWords; lang: string | undefined }) {
  const { t } = useTranslation();
  const columns = item?.type === 'table' ? item.columns.map((c) => c.id) : [...new Set(rows.flatMap((r) => Object.keys(r.change === 'edited' ? { ...r.before, ...r.after } : r.row)))];
  return (
    <div className="table-wrap">
      <table className="table item-diff__rows">
        <thead>
          <tr>
            <th scope="col">{t('merge:diff.change')}</th>
            {columns.map((c) => (
              <th key={c} scope="col">
                {words.column(item, c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.change}-${r.index}-${r.change === 'removed' ? 'x' : ''}`} className={`item-diff__row item-diff__row--${r.change}`}>
              <th scope="row">{rowLabel(t, r)}</th>
              {columns.map((c) => {
                if (r.change === 'edited') {
                  const cell = r.cells.find((x) => x.column === c);
                  if (!cell) return <td key={c} dir="auto">{words.value(item, r.after[c], c)}</td>;
                  return (
                    <td key={c}>
                      {cell.parts ? <TextParts parts={cell.parts} lang={lang} /> : <ValueSwap before={words.value(item, cell.before, c)} after={words.value(item, cell.after, c)} lang={lang} />}
                    </td>
                  );
                }
                const shown = words.value(item, r.row[c], c);
                return (
                  <td key={c} dir="auto" lang={lang}>
                    {r.change === 'added' ? <ins>{shown}</ins> : r.change === 'removed' ? <del>{shown}</del> : shown}
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
