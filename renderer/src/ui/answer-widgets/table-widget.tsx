import { useEffect, useRef, useState } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TableColumn } from '../../../../core/checklist/schema';
import { LocalDateInput } from '../../i18n/local-date-input';
import { PackText, packString } from './pack-text';
import type { Row } from './form-values';
import type { WidgetProps } from './widget-props';
import './widgets.css';

/** Width a column needs to be usable, and what the row number and the remove button take. */
const COLUMN_REM = 9;
const FRAME_REM = 12;

/** Whether `columns` columns fit the element's width; follows it as the window or the layout changes. */
function useStacked(columns: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [stacked, setStacked] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver !== 'function') return;
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const observer = new ResizeObserver(([entry]) => {
      const width = entry?.contentBoxSize?.[0]?.inlineSize ?? element.clientWidth;
      if (width > 0) setStacked(width < (columns * COLUMN_REM + FRAME_REM) * rem);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [columns]);
  return { ref, stacked };
}

/**
 * A repeat group: one row per entry, typed cells under translated column headers. The table fits the
 * width of its item: cells wrap, and where the item is too narrow for its columns each row becomes a
 * block of labelled fields (forms.css, by the number of columns), in either direction of writing.
 */
export function TableWidget({ item, name, inputId, response, readOnly }: WidgetProps<'table'>) {
  const { t, i18n } = useTranslation();
  const { control, register } = useFormContext<Record<string, Row[]>>();
  const { fields, append, remove } = useFieldArray({ control, name });
  const emptyRow = (): Row => Object.fromEntries(item.columns.map((c) => [c.id, '']));
  const full = item.maxRows !== undefined && fields.length >= item.maxRows;
  const { ref, stacked } = useStacked(item.columns.length);

  const cell = (column: TableColumn, row: number) => {
    const base = {
      id: `${inputId}-r${row}-${column.id}`,
      className: 'input input--cell',
      'aria-label': t('form:table.cellLabel', { column: packString(column.label, i18n.language), row: row + 1 }),
      disabled: readOnly,
    };
    // A date cell is a controlled field of its own (LocalDateInput); the others are registered inputs.
    if (column.type === 'date') return <LocalDateInput {...base} name={`${name}.${row}.${column.id}`} examplePlaceholder />;
    const props = { ...base, ...register(`${name}.${row}.${column.id}`) };
    switch (column.type) {
      case 'text':
        return <input {...props} lang={response.lang} dir={response.dir} />;
      case 'number':
        return <input {...props} type="number" inputMode={column.integer ? 'numeric' : 'decimal'} step={column.integer ? 1 : 'any'} min={column.min} max={column.max} />;
      case 'yesno':
        return (
          <select {...props}>
            <option value="">{t('form:table.noChoice')}</option>
            <option value="yes">{t('form:yes')}</option>
            <option value="no">{t('form:no')}</option>
          </select>
        );
      case 'single':
        return (
          <select {...props}>
            <option value="">{t('form:table.noChoice')}</option>
            {(column.options ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {packString(o.label, i18n.language)}
              </option>
            ))}
          </select>
        );
    }
  };

  // Shown beside each cell when rows are laid out as blocks; the cell's own aria-label says the same.
  const label = (text: string) => (
    <span className="table-widget__label" aria-hidden="true">
      {text}
    </span>
  );
  const fullId = `${inputId}-full`;

  return (
    <div ref={ref} className={stacked ? 'table-widget table-widget--stacked' : 'table-widget'}>
      {fields.length > 0 ? (
        <div className="table-widget__frame">
          <table className="table table--input table-widget__table">
            <thead>
              <tr>
                <th scope="col">{t('form:table.row')}</th>
                {item.columns.map((c) => (
                  <th key={c.id} scope="col">
                    <PackText text={c.label} />
                    {c.required && <span className="field__required"> ({t('form:required')})</span>}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('form:table.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {fields.map((field, row) => (
                <tr key={field.id}>
                  <th scope="row">
                    {label(t('form:table.row'))} {row + 1}
                  </th>
                  {item.columns.map((c) => (
                    <td key={c.id}>
                      {label(c.required ? `${packString(c.label, i18n.language)} (${t('form:required')})` : packString(c.label, i18n.language))}
                      {cell(c, row)}
                    </td>
                  ))}
                  <td>
                    <button type="button" className="button button--quiet button--small" disabled={readOnly} onClick={() => remove(row)}>
                      {t('form:table.removeRow', { n: row + 1 })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted small">{t('form:table.empty')}</p>
      )}
      <button
        id={inputId}
        type="button"
        className="button button--secondary button--small"
        disabled={readOnly || full}
        aria-describedby={full ? fullId : undefined}
        onClick={() => append(emptyRow())}
      >
        {t('form:table.addRow')}
      </button>
      {full && (
        <p id={fullId} className="field__hint">
          {t('form:table.full', { count: item.maxRows ?? fields.length })}
        </p>
      )}
    </div>
  );
}
