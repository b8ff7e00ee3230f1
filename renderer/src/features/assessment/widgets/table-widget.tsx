import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TableColumn } from '../../../../../core/checklist/schema';
import { LocalDateInput } from '../../../i18n/local-date-input';
import { PackText, packString } from '../pack-text';
import type { Row } from '../form-values';
import type { WidgetProps } from './widget-props';

/** A repeat group: one row per entry, typed cells under translated column headers. */
export function TableWidget({ item, name, inputId, response, readOnly }: WidgetProps<'table'>) {
  const { t, i18n } = useTranslation();
  const { control, register } = useFormContext<Record<string, Row[]>>();
  const { fields, append, remove } = useFieldArray({ control, name });
  const emptyRow = (): Row => Object.fromEntries(item.columns.map((c) => [c.id, '']));
  const full = item.maxRows !== undefined && fields.length >= item.maxRows;

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
        return <input {...props} type="number" step="any" />;
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

  return (
    <div className="table-widget">
      {fields.length > 0 ? (
        <div className="table-wrap">
          <table className="table table--input">
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
                  <th scope="row">{row + 1}</th>
                  {item.columns.map((c) => (
                    <td key={c.id}>{cell(c, row)}</td>
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
      <button id={inputId} type="button" className="button button--secondary button--small" disabled={readOnly || full} onClick={() => append(emptyRow())}>
        {t('form:table.addRow')}
      </button>
    </div>
  );
}
